/**
 * The row records of an XML text (Spark's XmlRecordReader): every `<rowTag …>…</rowTag>` or
 * self-closing `<rowTag …/>` element wherever it sits in the document, as its source text.
 * A nested element of the same name belongs to the record around it. A start tag without its
 * end tag makes the rest of the text one (malformed) record.
 */
export function* xmlRecords(text: string, rowTag: string): Generator<string> {
  const open = `<${rowTag}`;
  const close = `</${rowTag}`;
  let i = nextStart(text, open, 0);
  while (i >= 0) {
    const gt = tagEnd(text, i + open.length);
    if (gt < 0) {
      yield text.slice(i);
      return;
    }
    if (text[gt - 1] === "/") {
      yield text.slice(i, gt + 1);
      i = nextStart(text, open, gt + 1);
      continue;
    }
    let depth = 1;
    let p = gt + 1;
    let end = -1;
    while (depth > 0) {
      const c = nextEnd(text, close, p);
      if (c < 0) break;
      const o = nextStart(text, open, p);
      if (o >= 0 && o < c) {
        const og = tagEnd(text, o + open.length);
        if (og < 0) break;
        if (text[og - 1] !== "/") depth++;
        p = og + 1;
        continue;
      }
      const cg = text.indexOf(">", c + close.length);
      if (cg < 0) break;
      depth--;
      p = cg + 1;
      if (depth === 0) end = p;
    }
    if (end < 0) {
      yield text.slice(i);
      return;
    }
    yield text.slice(i, end);
    i = nextStart(text, open, end);
  }
}

/** Whether the character after a tag name ends the name (so `<row` does not match `<rows`). */
function endsName(c: string | undefined): boolean {
  return c === ">" || c === "/" || c === " " || c === "\t" || c === "\n" || c === "\r";
}

function nextStart(text: string, open: string, from: number): number {
  let i = text.indexOf(open, from);
  while (i >= 0 && !endsName(text[i + open.length])) i = text.indexOf(open, i + 1);
  return i;
}

function nextEnd(text: string, close: string, from: number): number {
  let i = text.indexOf(close, from);
  while (i >= 0 && !(text[i + close.length] === ">" || /\s/.test(text[i + close.length] ?? ""))) i = text.indexOf(close, i + 1);
  return i;
}

/** The index of the `>` that ends a start tag whose attributes begin at `from` (quoted `>` skipped); -1 when none. */
function tagEnd(text: string, from: number): number {
  let q: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (q !== null) {
      if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === ">") return i;
  }
  return -1;
}
