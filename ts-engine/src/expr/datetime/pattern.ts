import { IllegalArgumentException, SparkException } from "../../errors/spark-exception.js";

/**
 * Spark's datetime patterns (the DateTimeFormatter letters Spark documents), compiled once per
 * pattern into a list of ops that the formatter (pattern-format.ts) and the parser
 * (pattern-parse.ts) walk per row. Compilation raises Spark's errors for patterns it rejects:
 * Spark's own checks first (week-based letters, unsupported letters, over-long letters), then
 * Java's DateTimeFormatterBuilder rules; where Java rejects a pattern that the pre-3.0
 * SimpleDateFormat accepted, Spark raises DATETIME_PATTERN_RECOGNITION instead.
 */

/** Numeric fields a pattern letter prints or parses. */
export type NumField =
  | "year" // u, and y without an era letter (Spark substitutes u for y): proleptic, signed
  | "yearOfEra" // y with G in the pattern
  | "month"
  | "day"
  | "dayOfYear"
  | "quarter"
  | "hourOfDay" // H 0–23
  | "clockHourOfDay" // k 1–24
  | "hourOfAmPm" // K 0–11
  | "clockHourOfAmPm" // h 1–12
  | "minute"
  | "second"
  | "alignedDayOfWeekInMonth"; // F

/** Java's SignStyle for appendValue. */
export type SignStyle = "normal" | "exceedsPad" | "notNegative";

/** Text fields, printed in English as Java's default (US) locale does. */
export type TextField = "month" | "dayOfWeek" | "era" | "amPm" | "quarter";

/** One step of a compiled pattern. */
export type PatternOp =
  | { readonly op: "literal"; readonly text: string }
  | { readonly op: "number"; readonly field: NumField; readonly minWidth: number; readonly maxWidth: number; readonly sign: SignStyle }
  | { readonly op: "reducedYear"; readonly field: "year" | "yearOfEra" }
  | { readonly op: "fraction"; readonly width: number }
  | { readonly op: "text"; readonly field: TextField; readonly style: "short" | "full" | "narrow" }
  | { readonly op: "offset"; readonly pattern: OffsetStyle; readonly noOffsetText: string }
  | { readonly op: "localizedOffset"; readonly full: boolean }
  | { readonly op: "zoneId" }
  | { readonly op: "zoneName"; readonly full: boolean; readonly generic: boolean }
  | { readonly op: "optional"; readonly ops: readonly PatternOp[] };

/** Java's offset patterns for X, x and Z. */
export type OffsetStyle = "+HHmm" | "+HHMM" | "+HH:MM" | "+HHMMss" | "+HH:MM:ss" | "+HH";

/** A compiled pattern: its ops and which parts of a timestamp they read. */
export interface CompiledPattern {
  readonly pattern: string;
  readonly ops: readonly PatternOp[];
  /** True when some op needs the zone offset or name (formatting must then compute it). */
  readonly usesZone: boolean;
}

const DOCROOT = "https://spark.apache.org/docs/latest";
const WEEK_BASED = new Set(["Y", "W", "w", "u", "e", "c"]);
const UNSUPPORTED = new Set(["A", "B", "n", "N", "p"]);
const UNSUPPORTED_FOR_PARSING = new Set(["E", "F", "q", "Q"]);
const UNSUPPORTED_LENGTHS = ["GGGGG", "MMMMM", "LLLLL", "EEEEE", "QQQQQ", "qqqqq", "yyyyyyyyyyy", "YYYYYYYYYYY", "uuuuuuuuuuu"];
/** Letters SimpleDateFormat (Spark's legacy formatter) knows. */
const LEGACY_LETTERS = new Set("GyYMLwWDdFEuaHkKhmsSzZX");

/** Java's IllegalArgumentException from DateTimeFormatterBuilder.appendPattern. */
class JavaPatternError extends Error {}

/** The unquoted and quoted parts of a pattern, as Spark splits it on `'`. */
function quoteParts(pattern: string): string[] {
  return `${pattern} `.split("'");
}

function sparkIllegalArgument(errorClass: string, params: Record<string, string>): SparkException {
  return new SparkException("IllegalArgumentException", errorClass, params);
}

/** Whether SimpleDateFormat would accept the pattern (only known letters, quotes closed). */
function legacyAccepts(pattern: string): boolean {
  let inQuote = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        i++;
        continue;
      }
      inQuote = !inQuote;
    } else if (!inQuote && /[A-Za-z]/.test(c) && !LEGACY_LETTERS.has(c)) return false;
  }
  return !inQuote;
}

function recognitionError(pattern: string): SparkException {
  return new SparkException("SparkUpgradeException", "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION", {
    pattern: `'${pattern}'`,
    config: '"spark.sql.legacy.timeParserPolicy"',
    docroot: DOCROOT,
  });
}

const compiled = new Map<string, CompiledPattern | SparkException>();

/**
 * Compiles `pattern` for formatting (`forParsing` false) or parsing; cached per pattern, so a
 * kernel pays for it once per batch at most. Throws Spark's error for a rejected pattern.
 */
export function compilePattern(pattern: string, forParsing: boolean): CompiledPattern {
  const key = `${forParsing ? "p" : "f"}${pattern}`;
  let hit = compiled.get(key);
  if (hit === undefined) {
    try {
      hit = compileUncached(pattern, forParsing);
    } catch (e) {
      if (!(e instanceof SparkException)) throw e;
      hit = e;
    }
    compiled.set(key, hit);
  }
  if (hit instanceof SparkException) throw hit;
  return hit;
}

function compileUncached(pattern: string, forParsing: boolean): CompiledPattern {
  try {
    sparkChecks(pattern, forParsing);
    return javaCompile(pattern);
  } catch (e) {
    if (!(e instanceof JavaPatternError) && !(e instanceof SparkException && e.exceptionName === "IllegalArgumentException")) throw e;
    // DateTimeFormatterHelper.checkInvalidPattern: a pattern the legacy formatter took is an upgrade issue.
    if (legacyAccepts(pattern)) throw recognitionError(pattern);
    if (e instanceof JavaPatternError) throw new IllegalArgumentException(e.message);
    throw e;
  }
}

/** DateTimeFormatterHelper.convertIncompatiblePattern's checks, part by quoted part. */
function sparkChecks(pattern: string, forParsing: boolean): void {
  quoteParts(pattern).forEach((part, index) => {
    if (index % 2 !== 0) return;
    for (const c of part) {
      if (WEEK_BASED.has(c)) throw sparkIllegalArgument("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN", { c });
    }
    for (const c of part) {
      if (UNSUPPORTED.has(c) || (forParsing && UNSUPPORTED_FOR_PARSING.has(c))) {
        throw sparkIllegalArgument("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER", { c, pattern });
      }
    }
    for (const style of UNSUPPORTED_LENGTHS) {
      if (part.includes(style)) throw sparkIllegalArgument("INVALID_DATETIME_PATTERN.LENGTH", { pattern: style });
    }
  });
}

/** DateTimeFormatterBuilder.appendPattern, for the letters Spark lets through. */
function javaCompile(pattern: string): CompiledPattern {
  // Spark substitutes u for y unless an era designator (G) is in the pattern.
  const hasEra = quoteParts(pattern).some((p, i) => i % 2 === 0 && p.includes("G"));
  const stack: PatternOp[][] = [[]];
  let usesZone = false;
  const push = (op: PatternOp): void => {
    stack[stack.length - 1]!.push(op);
  };
  for (let pos = 0; pos < pattern.length; pos++) {
    const cur = pattern[pos]!;
    if (/[A-Za-z]/.test(cur)) {
      let count = 1;
      while (pattern[pos + 1] === cur) {
        pos++;
        count++;
      }
      const op = letterOp(cur, count, hasEra);
      if (op.op === "offset" || op.op === "localizedOffset" || op.op === "zoneId" || op.op === "zoneName") usesZone = true;
      push(op);
    } else if (cur === "'") {
      const start = pos++;
      for (; pos < pattern.length; pos++) {
        if (pattern[pos] === "'") {
          if (pattern[pos + 1] === "'") pos++;
          else break;
        }
      }
      if (pos >= pattern.length) throw new JavaPatternError(`Pattern ends with an incomplete string literal: ${pattern}`);
      const str = pattern.slice(start + 1, pos);
      push({ op: "literal", text: str.length === 0 ? "'" : str.replace(/''/g, "'") });
    } else if (cur === "[") {
      stack.push([]);
    } else if (cur === "]") {
      if (stack.length === 1) throw new JavaPatternError("Pattern invalid as it contains ] without previous [");
      const ops = stack.pop()!;
      push({ op: "optional", ops });
    } else if (cur === "{" || cur === "}" || cur === "#") {
      throw new JavaPatternError(`Pattern includes reserved character: '${cur}'`);
    } else {
      push({ op: "literal", text: cur });
    }
  }
  while (stack.length > 1) {
    const ops = stack.pop()!;
    push({ op: "optional", ops });
  }
  return { pattern, ops: mergeLiterals(stack[0]!), usesZone };
}

function mergeLiterals(ops: readonly PatternOp[]): PatternOp[] {
  const out: PatternOp[] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (op.op === "literal" && last !== undefined && last.op === "literal") out[out.length - 1] = { op: "literal", text: last.text + op.text };
    else out.push(op.op === "optional" ? { op: "optional", ops: mergeLiterals(op.ops) } : op);
  }
  return out;
}

function tooMany(c: string): JavaPatternError {
  return new JavaPatternError(`Too many pattern letters: ${c}`);
}

function num(field: NumField, count: number, max2 = 2): PatternOp {
  if (count > max2) throw tooMany(field);
  return count === 1
    ? { op: "number", field, minWidth: 1, maxWidth: 19, sign: "normal" }
    : { op: "number", field, minWidth: count, maxWidth: count, sign: "notNegative" };
}

function textStyle(count: number): "short" | "full" | "narrow" {
  return count === 4 ? "full" : count === 5 ? "narrow" : "short";
}

function letterOp(c: string, count: number, hasEra: boolean): PatternOp {
  const small = (field: NumField): PatternOp => {
    if (count > 2) throw tooMany(c);
    return num(field, count);
  };
  switch (c) {
    case "G":
      if (count > 5) throw tooMany(c);
      return { op: "text", field: "era", style: textStyle(count) };
    case "y":
    case "u": {
      const field: NumField = c === "y" && hasEra ? "yearOfEra" : "year";
      if (count === 2) return { op: "reducedYear", field };
      if (count < 4) return { op: "number", field, minWidth: count, maxWidth: 19, sign: "normal" };
      return { op: "number", field, minWidth: count, maxWidth: 19, sign: "exceedsPad" };
    }
    case "M":
    case "L":
      if (count > 5) throw tooMany(c);
      return count <= 2 ? num("month", count) : { op: "text", field: "month", style: textStyle(count) };
    case "Q":
    case "q":
      if (count > 5) throw tooMany(c);
      return count <= 2 ? num("quarter", count) : { op: "text", field: "quarter", style: textStyle(count) };
    case "E":
      if (count > 5) throw tooMany(c);
      return { op: "text", field: "dayOfWeek", style: textStyle(count) };
    case "a":
      if (count > 1) throw tooMany(c);
      return { op: "text", field: "amPm", style: "short" };
    case "d":
      return small("day");
    case "H":
      return small("hourOfDay");
    case "k":
      return small("clockHourOfDay");
    case "K":
      return small("hourOfAmPm");
    case "h":
      return small("clockHourOfAmPm");
    case "m":
      return small("minute");
    case "s":
      return small("second");
    case "D":
      if (count > 3) throw tooMany(c);
      if (count === 1) return { op: "number", field: "dayOfYear", minWidth: 1, maxWidth: 19, sign: "normal" };
      if (count === 2) return { op: "number", field: "dayOfYear", minWidth: 2, maxWidth: 3, sign: "notNegative" };
      return { op: "number", field: "dayOfYear", minWidth: 3, maxWidth: 3, sign: "notNegative" };
    case "F":
      return count === 1
        ? { op: "number", field: "alignedDayOfWeekInMonth", minWidth: 1, maxWidth: 19, sign: "normal" }
        : { op: "number", field: "alignedDayOfWeekInMonth", minWidth: count, maxWidth: count, sign: "notNegative" };
    case "S":
      if (count > 9) throw new JavaPatternError(`Too many pattern letters: ${c}`);
      return { op: "fraction", width: count };
    case "V":
      if (count !== 2) throw new JavaPatternError("Pattern letter count must be 2: V");
      return { op: "zoneId" };
    case "v":
      if (count !== 1 && count !== 4) throw new JavaPatternError("Wrong number of pattern letters: v");
      return { op: "zoneName", full: count === 4, generic: true };
    case "z":
      if (count > 4) throw tooMany(c);
      return { op: "zoneName", full: count === 4, generic: false };
    case "O":
      if (count !== 1 && count !== 4) throw new JavaPatternError("Pattern letter count must be 1 or 4: O");
      return { op: "localizedOffset", full: count === 4 };
    case "X":
    case "x": {
      if (count > 5) throw tooMany(c);
      const styles: OffsetStyle[] = ["+HHmm", "+HHMM", "+HH:MM", "+HHMMss", "+HH:MM:ss"];
      const zero = c === "X" ? "Z" : ["+00", "+0000", "+00:00", "+0000", "+00:00"][count - 1]!;
      // x with one letter prints "+HH" only when the minutes are zero, as X does.
      return { op: "offset", pattern: styles[count - 1]!, noOffsetText: zero };
    }
    case "Z":
      if (count > 5) throw tooMany(c);
      if (count < 4) return { op: "offset", pattern: "+HHMM", noOffsetText: "+0000" };
      if (count === 4) return { op: "localizedOffset", full: true };
      return { op: "offset", pattern: "+HH:MM:ss", noOffsetText: "Z" };
    default:
      throw new JavaPatternError(`Unknown pattern letter: ${c}`);
  }
}
