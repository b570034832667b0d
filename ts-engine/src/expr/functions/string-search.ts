import { SparkException } from "../../errors/spark-exception.js";
import { BooleanType, IntegerType, StringType, type DataType } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import type { Collation } from "../../types/collation.js";
import { collationMatcher, type CollationMatcher } from "../kernels/collation-search.js";
import { callCollation } from "./collation.js";
import type { ScalarFunctionDef } from "./function-def.js";
import { doc, lit, rowFunction } from "./row-function.js";

// String search and slicing by characters (code points, as Spark's UTF8String counts them).

/** The code points of `s` (Spark positions and lengths count these, not UTF-16 units). */
function cps(s: string): string[] {
  return Array.from(s);
}

/** 1-based character position of UTF-16 index `k` in `s`. */
function charPos(s: string, k: number): number {
  let c = 1;
  for (let j = 0; j < k; j++) {
    const u = s.charCodeAt(j);
    if (u < 0xdc00 || u > 0xdfff) c++;
  }
  return c;
}

/** UTF-16 index of the `chars`-th code point of `s` (s.length past the end). */
function unitIndex(s: string, chars: number): number {
  let k = 0;
  while (chars > 0 && k < s.length) {
    const u = s.charCodeAt(k);
    k += u >= 0xd800 && u <= 0xdbff ? 2 : 1;
    chars--;
  }
  return k;
}

/**
 * The per-call search of a collation-aware function: null under UTF8_BINARY (plain indexOf),
 * else the collation and a matcher kept for the last pattern (patterns are mostly literals).
 */
interface CollatedSearch {
  readonly collation: Collation;
  pattern: string | null;
  matcher: CollationMatcher | null;
}

function prepareSearch(arg: number): (call: ScalarCall) => CollatedSearch | null {
  return (call) => {
    const c = callCollation(call, arg);
    return c === null ? null : { collation: c, pattern: null, matcher: null };
  };
}

/** UTF-16 index of the first match of `sub` in `s` at or after `from` (-1 when none), under the call's collation. */
function find(search: CollatedSearch | null, s: string, sub: string, from: number): number {
  if (search === null) return s.indexOf(sub, from);
  if (search.pattern !== sub || search.matcher === null) {
    search.pattern = sub;
    search.matcher = collationMatcher(search.collation, sub);
  }
  return search.matcher(s, from)?.start ?? -1;
}

/** locate(substr, str, pos): as Spark's StringLocate, 0 for a position below 1 or a null position. */
function locateRow(sub: unknown, str: unknown, pos: unknown, search: CollatedSearch | null = null): number | null {
  if (pos === null) return 0;
  if (sub === null || str === null) return null;
  const p = pos as number;
  if (p < 1) return 0;
  const s = str as string;
  const from = unitIndex(s, p - 1);
  if (from > s.length) return 0;
  const k = find(search, s, sub as string, from);
  return k < 0 ? 0 : charPos(s, k);
}

/** Every match of `delim` in `s` left to right, none overlapping, under the call's collation (Spark's collation-aware search). */
function collatedMatches(search: CollatedSearch, s: string, delim: string): { start: number; end: number }[] {
  if (search.pattern !== delim || search.matcher === null) {
    search.pattern = delim;
    search.matcher = collationMatcher(search.collation, delim);
  }
  const out: { start: number; end: number }[] = [];
  for (let from = 0; from <= s.length; ) {
    const m = search.matcher(s, from);
    if (m === null) break;
    out.push(m);
    from = m.end > m.start ? m.end : m.end + 1;
  }
  return out;
}

function substringIndex(s: string, delim: string, count: number, search: CollatedSearch | null = null): string {
  if (delim === "" || count === 0) return "";
  if (search !== null) {
    // under a collation the delimiter matches as the collation compares (UTF8_LCASE: any case)
    const ms = collatedMatches(search, s, delim);
    if (count > 0) return count > ms.length ? s : s.slice(0, ms[count - 1]!.start);
    return -count > ms.length ? s : s.slice(ms[ms.length + count]!.end);
  }
  if (count > 0) {
    let k = -1;
    for (let c = 0; c < count; c++) {
      k = s.indexOf(delim, k + (c === 0 ? 1 : delim.length));
      if (k < 0) return s;
    }
    return s.slice(0, k);
  }
  let k = s.length;
  for (let c = 0; c < -count; c++) {
    k = k - 1 < 0 ? -1 : s.lastIndexOf(delim, k - 1);
    if (k < 0) return s;
  }
  return s.slice(k + delim.length);
}

function splitPart(s: string, delim: string, part: number, search: CollatedSearch | null = null): string {
  if (part === 0) {
    throw new SparkException("SparkRuntimeException", "INVALID_INDEX_OF_ZERO", {});
  }
  if (delim === "") return part === 1 || part === -1 ? s : "";
  let parts: string[];
  if (search === null) parts = s.split(delim);
  else {
    parts = [];
    let at = 0;
    for (const m of collatedMatches(search, s, delim)) {
      parts.push(s.slice(at, m.start));
      at = m.end;
    }
    parts.push(s.slice(at));
  }
  const idx = part > 0 ? part - 1 : parts.length + part;
  return idx < 0 || idx >= parts.length ? "" : parts[idx]!;
}

function eltType(args: readonly Expr[]): DataType {
  return args.slice(1).every((a) => exprType(a).kind === "binary") && args.length > 1 ? exprType(args[1]!) : StringType;
}

/** Registry entries for string search and slicing. */
export const STRING_SEARCH_FUNCTIONS: readonly ScalarFunctionDef[] = [
  rowFunction({
    name: "instr",
    doc: doc("instr(str, substr)", "Returns the 1-based position of the first occurrence of `substr` in `str`, 0 when absent."),
    params: ["string", "string"],
    result: IntegerType,
    prepare: prepareSearch(0),
    row: ([s, sub], search) => {
      const k = find(search, s as string, sub as string, 0);
      return k < 0 ? 0 : charPos(s as string, k);
    },
  }),
  rowFunction({
    name: "locate",
    doc: doc("locate(substr, str[, pos])", "Returns the 1-based position of the first occurrence of `substr` in `str` at or after `pos`; 0 when absent or when pos < 1."),
    params: ["string", "string", "int"],
    minArgs: 2,
    defaults: [lit(1, IntegerType)],
    result: IntegerType,
    nullSafe: true,
    mayReturnNull: true,
    prepare: prepareSearch(1),
    row: ([sub, s, p], search) => locateRow(sub, s, p, search),
  }),
  rowFunction({
    name: "position",
    doc: doc("position(substr, str[, pos])", "Returns the 1-based position of `substr` in `str` at or after `pos` (same as locate)."),
    params: ["string", "string", "int"],
    minArgs: 2,
    defaults: [lit(1, IntegerType)],
    result: IntegerType,
    nullSafe: true,
    mayReturnNull: true,
    prepare: prepareSearch(1),
    row: ([sub, s, p], search) => locateRow(sub, s, p, search),
  }),
  rowFunction({
    name: "find_in_set",
    doc: doc("find_in_set(str, str_array)", "Returns the 1-based index of `str` in the comma-separated list `str_array`, 0 when absent or when `str` contains a comma."),
    params: ["string", "string"],
    result: IntegerType,
    row: ([s, list]) => ((s as string).includes(",") ? 0 : (list as string).split(",").indexOf(s as string) + 1),
  }),
  rowFunction({
    name: "substring_index",
    doc: doc("substring_index(str, delim, count)", "Returns the part of `str` before the `count`-th occurrence of `delim` (after the -count-th from the end when count is negative)."),
    params: ["string", "string", "int"],
    result: StringType,
    prepare: prepareSearch(0),
    row: ([s, d, c], search) => substringIndex(s as string, d as string, c as number, search),
  }),
  rowFunction({
    name: "split_part",
    doc: doc("split_part(str, delimiter, partNum)", "Splits `str` by `delimiter` and returns part `partNum` (1-based; negative counts from the end; empty string when out of range)."),
    params: ["string", "string", "int"],
    result: StringType,
    prepare: prepareSearch(0),
    row: ([s, d, p], search) => splitPart(s as string, d as string, p as number, search),
  }),
  rowFunction({
    name: "elt",
    doc: doc("elt(n, input1, input2, ...)", "Returns the `n`-th input (1-based); under ANSI mode an index out of range is an error, else null."),
    params: ["int", "stringOrBinary"],
    minArgs: 2,
    maxArgs: Infinity,
    result: eltType,
    mayReturnNull: true,
    nullSafe: true,
    row: (vals, _s, ctx) => {
      const n = vals[0];
      if (n === null) return null;
      const k = n as number;
      if (k < 1 || k >= vals.length) {
        if (ctx.ansi) {
          throw new SparkException("ArrayIndexOutOfBoundsException", "INVALID_ARRAY_INDEX", {
            indexValue: String(k),
            arraySize: String(vals.length - 1),
            ansiConfig: '"spark.sql.ansi.enabled"',
          });
        }
        return null;
      }
      return vals[k];
    },
  }),
  rowFunction({
    name: "left",
    doc: doc("left(str, len)", "Returns the leftmost `len` characters of `str` (empty when len <= 0)."),
    params: ["string", "int"],
    result: StringType,
    row: ([s, n]) => ((n as number) <= 0 ? "" : (s as string).slice(0, unitIndex(s as string, n as number))),
  }),
  rowFunction({
    name: "right",
    doc: doc("right(str, len)", "Returns the rightmost `len` characters of `str` (empty when len <= 0)."),
    params: ["string", "int"],
    result: StringType,
    row: ([s, n]) => {
      const c = cps(s as string);
      const k = n as number;
      return k <= 0 ? "" : c.slice(Math.max(0, c.length - k)).join("");
    },
  }),
  rowFunction({
    name: "ascii",
    doc: doc("ascii(str)", "Returns the code point of the first character of `str` (0 for an empty string)."),
    params: ["string"],
    result: IntegerType,
    row: ([s]) => (s as string).codePointAt(0) ?? 0,
  }),
  rowFunction({
    name: "char",
    doc: doc("char(expr)", "Returns the character whose code is `expr` modulo 256 (an empty string for negative input)."),
    params: ["long"],
    result: StringType,
    row: ([x]) => {
      const v = Number(x as number | bigint);
      return v < 0 ? "" : String.fromCharCode(Number(BigInt.asUintN(8, BigInt(v))));
    },
  }),
  rowFunction({
    name: "chr",
    doc: doc("chr(expr)", "Returns the character whose code is `expr` modulo 256 (same as char)."),
    params: ["long"],
    result: StringType,
    row: ([x]) => {
      const v = Number(x as number | bigint);
      return v < 0 ? "" : String.fromCharCode(Number(BigInt.asUintN(8, BigInt(v))));
    },
  }),
  rowFunction({
    name: "luhn_check",
    doc: doc("luhn_check(str)", "Returns true if `str` is a string of digits that passes the Luhn checksum."),
    params: ["string"],
    result: BooleanType,
    row: ([s]) => {
      const t = s as string;
      if (t === "" || !/^[0-9]+$/.test(t)) return false;
      let sum = 0;
      for (let i = t.length - 1, alt = false; i >= 0; i--, alt = !alt) {
        let d = t.charCodeAt(i) - 48;
        if (alt) {
          d *= 2;
          if (d > 9) d -= 9;
        }
        sum += d;
      }
      return sum % 10 === 0;
    },
  }),
];
