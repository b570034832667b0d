import { castValue } from "../expr/eval/cast-value.js";
import {
  DateType,
  DoubleType,
  IntegerType,
  LongType,
  NullType,
  StringType,
  TimestampType,
  decimalType,
  type DataType,
} from "../types/data-type.js";

/** The directory name Hive and Spark give a null partition value. */
export const DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

/** A `key=value` directory name's parts, unescaped as Spark's unescapePathName does (%XX); null when not one. */
export function parsePartitionDir(name: string): { readonly key: string; readonly raw: string } | null {
  const eq = name.indexOf("=");
  if (eq <= 0) return null;
  return { key: unescapePathName(name.slice(0, eq)), raw: unescapePathName(name.slice(eq + 1)) };
}

/** Spark's ExternalCatalogUtils.unescapePathName: %XX hex escapes back to characters. */
export function unescapePathName(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** Characters Spark escapes in partition directory names (ExternalCatalogUtils.charToEscape). */
const ESCAPED = new Set(['"', "#", "%", "'", "*", "/", ":", "=", "?", "\\", "\u007f", "{", "[", "]", "^"]);

/** Spark's escapePathName: a partition value as a directory name part. */
export function escapePathName(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || ESCAPED.has(ch) ? `%${code.toString(16).toUpperCase().padStart(2, "0")}` : ch;
  }
  return out;
}

const INT_RE = /^[+-]?\d+$/;
const DEC_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The type of one raw partition value, in Spark's order (PartitioningUtils.inferPartitionColumnValue
 * with spark.sql.sources.partitionColumnTypeInference.enabled): int, long, decimal without a
 * fraction, double, timestamp, date, else string (`__HIVE_DEFAULT_PARTITION__`: null).
 */
export function inferPartitionType(raw: string, timeZone: string): DataType {
  if (raw === DEFAULT_PARTITION_NAME) return NullType;
  if (INT_RE.test(raw)) {
    const n = BigInt(raw);
    if (n >= -(2n ** 31n) && n < 2n ** 31n) return IntegerType;
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return LongType;
    const digits = raw.replace(/^[+-]/, "").replace(/^0+(?=\d)/, "").length;
    if (digits <= 38) return decimalType(digits, 0);
  }
  if (DEC_RE.test(raw) || /^[+-]?(NaN|Infinity)$/.test(raw)) return DoubleType;
  // timestamps before dates, as Spark tries them; each must also cast (SPARK-23436)
  if (/^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{1,2}(:\d{1,2}(\.\d+)?)?$/.test(raw) && castValue(raw, StringType, TimestampType, { ansi: false, timeZone }) !== null) {
    return TimestampType;
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(raw) && castValue(raw, StringType, DateType, { ansi: false, timeZone }) !== null) return DateType;
  return StringType;
}

/**
 * The type two partitions' values of one column merge to (Spark's findWiderTypeForPartitionColumn):
 * equal types stay, null takes the other, numeric types widen (int < long < decimal < double),
 * anything else is string.
 */
export function widerPartitionType(a: DataType, b: DataType): DataType {
  if (a.kind === b.kind && (a.kind !== "decimal" || JSON.stringify(a) === JSON.stringify(b))) return a;
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  const rank = (t: DataType): number => ({ integer: 1, long: 2, decimal: 3, double: 4 })[t.kind as "integer"] ?? 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra > 0 && rb > 0) {
    if (a.kind === "decimal" && b.kind === "decimal") return decimalType(Math.max(a.precision, b.precision), 0);
    if (ra === 3 && rb < 3) return a.kind === "decimal" ? decimalType(Math.max(a.precision, rb === 1 ? 10 : 20), 0) : a;
    if (rb === 3 && ra < 3) return b.kind === "decimal" ? decimalType(Math.max(b.precision, ra === 1 ? 10 : 20), 0) : b;
    return ra > rb ? a : b;
  }
  return StringType;
}

/** A raw partition value cast to `type` in the vector convention (null for the default partition or a failed cast). */
export function partitionValue(raw: string, type: DataType, timeZone: string): unknown {
  if (raw === DEFAULT_PARTITION_NAME || type.kind === "null") return null;
  if (type.kind === "string") return raw;
  return castValue(raw, StringType, type, { ansi: false, timeZone });
}
