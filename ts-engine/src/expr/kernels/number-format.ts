/**
 * Spark's number format strings (to_number, try_to_number, to_char/to_varchar over decimals):
 * `0`/`9` digits, `.`/`D` the decimal point, `,`/`G` the grouping separator, `$`, `S` and `MI`
 * signs, `PR` angle brackets for negatives. A format is compiled once per expression into
 * tokens; `parse` matches an input string against them and `format` renders a decimal, with
 * Spark's ToNumberParser semantics (written from its documented behaviour, checked against
 * PySpark 4.0.1 goldens).
 */

/** A run of format digits: `exact` when it starts with 0 before the decimal point (it must match that many input digits). */
interface Digits {
  readonly exact: boolean;
  readonly count: number;
}

/** A format token after grouping; `groups` holds a run of digits and separators, rightmost item first. */
type Token =
  | { readonly kind: "groups"; readonly items: readonly (Digits | "sep")[]; readonly digits: readonly Digits[] }
  | { readonly kind: "point" }
  | { readonly kind: "dollar" }
  | { readonly kind: "sign" }
  | { readonly kind: "minus" }
  | { readonly kind: "open" }
  | { readonly kind: "close" }
  | { readonly kind: "invalid"; readonly char: string };

/** Why a format is invalid: the INVALID_FORMAT sub-class and, for some, the offending token. */
export interface NumberFormatProblem {
  readonly subClass: string;
  readonly token?: string;
}

/** A compiled number format: its tokens and the decimal type to_number gives. */
export interface NumberFormat {
  /** The format as Spark keeps it (upper case), which error messages quote. */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly precision: number;
  readonly scale: number;
  /** Digits the format holds before and after its decimal point. */
  readonly digitsBefore: number;
  readonly digitsAfter: number;
}

type RawToken = Digits | "sep" | Exclude<Token, { kind: "groups" }>;

function isDigits(t: RawToken): t is Digits {
  return typeof t === "object" && "count" in t;
}

/** Compiles `format` (any case: Spark upper-cases it first). */
export function compileNumberFormat(format: string): NumberFormat {
  const text = format.toUpperCase();
  const raw: RawToken[] = [];
  let afterPoint = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "0" || c === "9") {
      const start = i;
      do i++;
      while (i < text.length && (text[i] === "0" || text[i] === "9"));
      raw.push({ exact: c === "0" && !afterPoint, count: i - start });
      continue;
    }
    const next = text[i + 1];
    if (c === "." || c === "D") {
      raw.push({ kind: "point" });
      afterPoint = true;
    } else if (c === "," || c === "G") raw.push("sep");
    else if (c === "$") raw.push({ kind: "dollar" });
    else if (c === "S") raw.push({ kind: "sign" });
    else if (c === "M" && next === "I") {
      raw.push({ kind: "minus" });
      i++;
    } else if (c === "P" && next === "R") {
      // PR wraps the whole number: an opening bracket first, a closing one at this place.
      raw.unshift({ kind: "open" });
      raw.push({ kind: "close" });
      i++;
    } else raw.push({ kind: "invalid", char: c });
    i++;
  }
  const tokens: Token[] = [];
  let items: (Digits | "sep")[] = [];
  const flush = (): void => {
    if (items.length === 0) return;
    const reversed = items.reverse();
    tokens.push({ kind: "groups", items: reversed, digits: reversed.filter(isDigits) });
    items = [];
  };
  for (const t of raw) {
    if (t === "sep" || isDigits(t)) items.push(t);
    else {
      flush();
      tokens.push(t);
    }
  }
  flush();
  let precision = 0;
  let scale = 0;
  let seenPoint = false;
  for (const t of tokens) {
    if (t.kind === "point") seenPoint = true;
    if (t.kind !== "groups") continue;
    const n = t.digits.reduce((s, d) => s + d.count, 0);
    precision += n;
    if (seenPoint) scale += n;
  }
  return { text, tokens, precision, scale, digitsBefore: precision - scale, digitsAfter: scale };
}

/** The token's name in INVALID_FORMAT messages (Spark's InputToken.toString). */
function tokenName(t: Token): string {
  switch (t.kind) {
    case "groups":
      return "digit sequence";
    case "point":
      return ". or D";
    case "dollar":
      return "$";
    case "sign":
      return "S";
    case "minus":
      return "MI";
    case "open":
    case "close":
      return "PR";
    case "invalid":
      // Spark's text has the stray closing quote too.
      return `character '${t.char}''`;
  }
}

/** The allowed order: [PR] [MI|S] [$] [digits] [.] [digits] [$] [MI|S|PR]. */
const ORDER: readonly (readonly Token["kind"][])[] = [["open"], ["minus", "sign"], ["dollar"], ["groups"], ["point"], ["groups"], ["dollar"], ["minus", "sign", "close"]];

/** Spark's checks of a format at analysis (ToNumberParser.checkInputDataTypes); null when valid. */
export function checkNumberFormat(f: NumberFormat): NumberFormatProblem | null {
  const { tokens } = f;
  if (f.text === "") return { subClass: "EMPTY" };
  if (!tokens.some((t) => t.kind === "groups")) return { subClass: "WRONG_NUM_DIGIT" };
  const firstDollar = tokens.findIndex((t) => t.kind === "dollar");
  const firstDigit = tokens.findIndex((t) => t.kind === "groups");
  const firstPoint = tokens.findIndex((t) => t.kind === "point");
  if (firstDigit < firstDollar) return { subClass: "CUR_MUST_BEFORE_DIGIT" };
  if (firstPoint !== -1 && firstPoint < firstDollar) return { subClass: "CUR_MUST_BEFORE_DEC" };
  const groupsAt = (before: boolean): Extract<Token, { kind: "groups" }>[] =>
    tokens.filter((t, i): t is Extract<Token, { kind: "groups" }> => t.kind === "groups" && (before ? firstPoint === -1 || i < firstPoint : firstPoint !== -1 && i > firstPoint));
  const badSeparators = groupsAt(true).some(({ items }) =>
    items.some((it, j) => it === "sep" && (j === 0 || j === items.length - 1 || items[j - 1] === "sep" || items[j + 1] === "sep")),
  );
  if (badSeparators) return { subClass: "CONT_THOUSANDS_SEPS" };
  if (groupsAt(false).some((g) => g.items.length > g.digits.length)) return { subClass: "THOUSANDS_SEPS_MUST_BEFORE_DEC" };
  for (const kind of ["point", "sign", "minus", "dollar", "close"] as const) {
    const hits = tokens.filter((t) => t.kind === kind);
    if (hits.length > 1) return { subClass: "WRONG_NUM_TOKEN", token: tokenName(hits[0]!) };
  }
  let at = 0;
  for (const slot of ORDER) {
    const t = tokens[at];
    if (t !== undefined && slot.includes(t.kind)) at++;
  }
  if (at < tokens.length) return { subClass: "UNEXPECTED_TOKEN", token: tokenName(tokens[at]!) };
  return null;
}

const ZERO = 48;
const NINE = 57;

/** Java's Character.isWhitespace for the characters a number string can hold. */
function isJavaWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 28 && code <= 31) || code === 0x1680 || (code >= 0x2000 && code <= 0x2006) || (code >= 0x2008 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000;
}

/**
 * Parses `input` against the format: the decimal text of the value at the format's scale,
 * null when the input does not match (to_number raises, try_to_number gives null), or ""
 * when it matches but holds no digit.
 */
export function parseNumber(f: NumberFormat, input: string): string | null {
  let before = "";
  let after = "";
  let reachedPoint = false;
  let opened = false;
  let closed = false;
  let negate = false;
  let at = 0;
  const n = input.length;
  for (const t of f.tokens) {
    const c = at < n ? input[at] : undefined;
    switch (t.kind) {
      case "groups": {
        // Digits, separators and blanks in one sweep; group sizes are counted from the right.
        const sizes: number[] = [];
        let current = 0;
        while (at < n) {
          const code = input.charCodeAt(at);
          if (isJavaWhitespace(code)) at++;
          else if (code >= ZERO && code <= NINE) {
            current++;
            if (reachedPoint) after += input[at];
            else before += input[at];
            at++;
          } else if (code === 44) {
            sizes.unshift(current);
            current = 0;
            at++;
          } else break;
        }
        sizes.unshift(current);
        if (sizes.length > t.digits.length) return null;
        for (let i = 0; i < t.digits.length; i++) {
          const d = t.digits[i]!;
          const actual = sizes[i] ?? 0;
          if (d.exact ? actual !== d.count : actual > d.count) return null;
        }
        break;
      }
      case "point":
        if (c === ".") {
          reachedPoint = true;
          at++;
        }
        break;
      case "dollar":
        if (c !== undefined) {
          if (c !== "$") return null;
          at++;
        }
        break;
      case "sign":
        if (c === "+") at++;
        else if (c === "-") {
          negate = !negate;
          at++;
        }
        break;
      case "minus":
        if (c === "-") {
          negate = !negate;
          at++;
        }
        break;
      case "open":
        if (c === "<") {
          if (opened) return null;
          opened = true;
          at++;
        }
        break;
      case "close":
        if (c === ">") {
          if (!opened) return null;
          closed = true;
          negate = !negate;
          at++;
        }
        break;
      case "invalid":
        // Unreachable: such formats fail the analysis check.
        return null;
    }
  }
  if (at < n || opened !== closed) return null;
  // No digit at all (blanks only): the empty text, which Spark 4.0 fails on (see to_number).
  if (before === "" && after === "") return "";
  const frac = after.padEnd(f.scale, "0");
  const intPart = before.replace(/^0+(?=\d)/, "") || "0";
  const text = frac === "" ? intPart : `${intPart}.${frac}`;
  return negate && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Appends `c`, then moves it left past any blanks just before it (a sign hugs the digits). */
function appendHugging(out: string[], c: string): void {
  out.push(c);
  for (let i = out.length - 1; i >= 1 && out[i - 1] === " " && out[i] === c; i--) {
    out[i] = " ";
    out[i - 1] = c;
  }
}

/** Appends a blank, then moves it left past a sign or `<` just before it. */
function appendBlank(out: string[]): void {
  out.push(" ");
  for (let i = out.length - 1; i >= 1 && (out[i - 1] === "+" || out[i - 1] === "-" || out[i - 1] === "<") && out[i] === " "; i--) {
    out[i] = out[i - 1]!;
    out[i - 1] = " ";
  }
}

/** A decimal point that ends the text (or is followed by a blank) becomes a blank. */
function stripLonePoint(out: string[]): void {
  const i = out.indexOf(".");
  if (i !== -1 && (i === out.length - 1 || out[i + 1] === " ")) out[i] = " ";
}

/**
 * Renders decimal text (`-12.50`) with the format, as to_char does: digits left-padded with
 * blanks (zeros for a run that starts with 0), `#` in every digit place when the value has
 * more digits than the format, signs and brackets where the format puts them.
 */
export function formatNumber(f: NumberFormat, value: string): string {
  const negative = value.startsWith("-");
  const [rawInt = "", rawFrac = ""] = value.replace(/^[-+]/, "").split(".");
  let int = rawInt.replace(/^0+/, "");
  let frac = rawFrac.replace(/0+$/, "");
  if (int.length > f.digitsBefore || frac.length > f.digitsAfter) {
    int = "#".repeat(f.digitsBefore);
    frac = "#".repeat(f.digitsAfter);
  }
  const intDigits = int.padStart(f.digitsBefore, " ");
  const fracDigits = frac.padEnd(f.digitsAfter, "0");
  const out: string[] = [];
  let bi = 0;
  let ai = 0;
  let reachedPoint = false;
  for (const t of f.tokens) {
    switch (t.kind) {
      case "groups":
        for (let k = t.items.length - 1; k >= 0; k--) {
          const it = t.items[k]!;
          if (it === "sep") {
            const last = out[out.length - 1];
            if (last !== undefined && last >= "0" && last <= "9") out.push(",");
            else appendBlank(out);
          } else if (!reachedPoint) {
            for (let j = 0; j < it.count; j++) {
              const ch = intDigits[bi++]!;
              if (ch !== " ") out.push(ch);
              else if (it.exact) out.push("0");
              else appendBlank(out);
            }
          } else {
            for (let j = 0; j < it.count; j++) out.push(fracDigits[ai++]!);
          }
        }
        break;
      case "point":
        if (out.length > 0 && out[out.length - 1] === " ") out[out.length - 1] = "0";
        out.push(".");
        reachedPoint = true;
        break;
      case "dollar":
        out.push("$");
        break;
      case "sign":
        stripLonePoint(out);
        appendHugging(out, negative ? "-" : "+");
        break;
      case "minus":
        if (negative) {
          stripLonePoint(out);
          appendHugging(out, "-");
        } else out.push(" ");
        break;
      case "open":
        if (negative) out.push("<");
        break;
      case "close":
        stripLonePoint(out);
        if (negative) appendHugging(out, ">");
        else out.push(" ", " ");
        break;
      case "invalid":
        break;
    }
  }
  stripLonePoint(out);
  const s = out.join("");
  return s === "" || s === "+" || s === "-" ? "0" : s;
}
