/**
 * Splits a column name as Spark's `UnresolvedAttribute.quotedString` parser does:
 * dots separate parts, backticks quote a part (`` `a.b` `` is one part, ``` `` ``` is a
 * literal backtick). `col("t.a")` → `["t", "a"]`.
 */
export function parseNameParts(name: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let inQuotes = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (inQuotes) {
      if (ch === "`") {
        if (name[i + 1] === "`") {
          cur += "`";
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        cur += ch;
      }
    } else if (ch === "`") {
      inQuotes = true;
    } else if (ch === ".") {
      parts.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  if (inQuotes) return [name];
  parts.push(cur);
  return parts;
}
