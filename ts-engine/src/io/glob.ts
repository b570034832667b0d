/**
 * Hadoop's glob syntax for paths (GlobPattern): `*` and `?` within one path segment,
 * `[abc]` / `[a-z]` / `[^a]` classes, `{a,b}` alternatives and `\` escapes.
 */
export function hasGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}

/** One path segment's glob as an anchored regular expression (compiled once per segment). */
export function globSegmentRegex(glob: string): RegExp {
  let re = "";
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "\\" && i + 1 < glob.length) {
      re += escapeChar(glob[++i]!);
    } else if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith("^") || body.startsWith("!")) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "{") {
      depth++;
      re += "(?:";
    } else if (c === "}" && depth > 0) {
      depth--;
      re += ")";
    } else if (c === "," && depth > 0) re += "|";
    else re += escapeChar(c);
  }
  return new RegExp(`^${re}$`, "s");
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
