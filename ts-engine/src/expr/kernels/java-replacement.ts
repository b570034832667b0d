import { SparkException } from "../../errors/spark-exception.js";
import type { JavaRegex } from "./java-regex.js";

/** A replacement for String.prototype.replace: a plain string (no group references) or a function of the match. */
export type Replacement = string | ((match: string, ...rest: unknown[]) => string);

function illegal(message: string): SparkException {
  // Java's Matcher.appendReplacement throws IllegalArgumentException / IndexOutOfBoundsException,
  // which Spark lets through as an internal Java error: its message is what users see.
  return new SparkException("IllegalArgumentException", "INVALID_PARAMETER_VALUE.PATTERN", {
    parameter: "`rep`",
    functionName: "`regexp_replace`",
    value: "",
    reason: message,
  });
}

/**
 * A Java replacement string (Matcher.replaceAll) as a JavaScript replacement: `$n` is Java
 * group n (digits are taken while the number stays a valid group, as Java parses them),
 * `\x` is a literal x, anything else is literal. Java group numbers map to the translated
 * pattern's JavaScript groups through `regex.groupMap`.
 */
export function javaReplacement(rep: string, regex: JavaRegex): Replacement {
  if (!rep.includes("$") && !rep.includes("\\")) return rep;
  const pieces: (string | number)[] = [];
  let text = "";
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === "\\") {
      i++;
      if (i >= rep.length) throw illegal("character to be escaped is missing");
      text += rep[i]!;
    } else if (c === "$") {
      i++;
      if (i >= rep.length) throw illegal("Illegal group reference: group index is missing");
      if (rep[i] === "{") throw illegal("named group references are not supported");
      const d = rep.charCodeAt(i) - 48;
      if (d < 0 || d > 9) throw illegal("Illegal group reference");
      let g = d;
      if (g > regex.groupCount) throw illegal(`No group ${g}`);
      while (i + 1 < rep.length) {
        const nd = rep.charCodeAt(i + 1) - 48;
        if (nd < 0 || nd > 9) break;
        const next = g * 10 + nd;
        if (next > regex.groupCount) break;
        g = next;
        i++;
      }
      if (text !== "") pieces.push(text);
      text = "";
      pieces.push(g === 0 ? 0 : regex.groupMap[g]!);
    } else text += c;
  }
  if (text !== "") pieces.push(text);
  if (pieces.every((p) => typeof p === "string")) return (pieces as string[]).join("").replace(/\$/g, "$$$$");
  return (...args: unknown[]): string => {
    let out = "";
    for (const p of pieces) out += typeof p === "string" ? p : ((args[p] as string | undefined) ?? "");
    return out;
  };
}
