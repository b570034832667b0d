import type { ColumnChunk, RowGroup, SchemaElement, Statistics } from "hyparquet";
import { assertNever } from "../../errors/assert-never.js";
import type { DataType } from "../../types/data-type.js";
import type { PushedFilter } from "../pushed-filter.js";
import { parseDecimalText, pow10, unscaledOf } from "../../columnar/decimal-value.js";
import type { DecimalBounds } from "./decimal-statistics.js";

/** What pruning knows of one column in one row group: its Spark type and the chunk's statistics. */
export interface ColumnStats {
  readonly type: DataType;
  readonly element: SchemaElement;
  readonly stats: Statistics | undefined;
  /** A decimal column's exact bounds (decimal-statistics.ts); hyparquet's `stats` hold doubles. */
  readonly decimal?: DecimalBounds;
}

/** Looks a top-level flat column up by name in a row group (undefined: no statistics to use). */
export type StatsLookup = (column: string) => ColumnStats | undefined;

const enc = new TextEncoder();

/** A comparable form of a statistics bound or a filter value for `type`; undefined when it cannot be compared exactly. */
type Key = number | bigint | Uint8Array | boolean;

function keyOf(x: unknown, type: DataType): Key | undefined {
  if (x === null || x === undefined) return undefined;
  switch (type.kind) {
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "float":
    case "double":
      if (typeof x === "bigint") return Number(x);
      return typeof x === "number" && !Number.isNaN(x) ? x : undefined;
    case "long":
    case "timestamp":
    case "timestamp_ntz":
      if (typeof x === "bigint") return x;
      return typeof x === "number" && Number.isInteger(x) ? BigInt(x) : undefined;
    case "string":
      return typeof x === "string" ? enc.encode(x) : x instanceof Uint8Array ? x : undefined;
    case "boolean":
      return typeof x === "boolean" ? x : undefined;
    case "decimal": {
      // a decimal literal is its canonical text: compared exactly at DECIMAL_KEY_SCALE
      if (typeof x !== "string") return undefined;
      const p = parseDecimalText(x);
      if (p === null || -p.exponent > DECIMAL_KEY_SCALE) return undefined;
      return unscaledOf(p, DECIMAL_KEY_SCALE);
    }
    default:
      // Binary statistics are unordered for Spark: they do not prune.
      return undefined;
  }
}

/**
 * The scale decimal bounds and filter values are compared at: past every decimal's scale
 * (at most 38), so moving a value there multiplies only and is exact.
 */
const DECIMAL_KEY_SCALE = 38;

function decimalKey(v: bigint | undefined, scale: number): Key | undefined {
  return v === undefined || scale > DECIMAL_KEY_SCALE ? undefined : v * pow10(DECIMAL_KEY_SCALE - scale);
}

function compare(a: Key, b: Key): number {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  return Number.NaN;
}

interface Bounds {
  readonly min: Key | undefined;
  readonly max: Key | undefined;
  readonly nullCount: bigint | undefined;
}

function boundsOf(c: ColumnStats): Bounds {
  const s = c.stats;
  if (s === undefined) return { min: undefined, max: undefined, nullCount: undefined };
  if (c.type.kind === "decimal") {
    const d = c.decimal;
    return { min: d === undefined ? undefined : decimalKey(d.min, d.scale), max: d === undefined ? undefined : decimalKey(d.max, d.scale), nullCount: s.null_count };
  }
  // The deprecated min/max of BYTE_ARRAY columns were ordered as signed bytes by old writers (PARQUET-251).
  const legacyOk = c.element.type !== "BYTE_ARRAY" && c.element.type !== "FIXED_LEN_BYTE_ARRAY";
  const min = keyOf(s.min_value ?? (legacyOk ? s.min : undefined), c.type);
  const maxExact = !(c.type.kind === "string" && s.is_max_value_exact === false);
  const max = maxExact ? keyOf(s.max_value ?? (legacyOk ? s.max : undefined), c.type) : undefined;
  // Float columns whose bounds are NaN say nothing.
  return { min, max, nullCount: s.null_count };
}

/**
 * Whether rows of a row group of `numRows` rows might satisfy `f`, judged from its column
 * statistics as Spark's ParquetFilters do: false only when no row can match (a row group it
 * keeps is still filtered row by row above the scan).
 */
export function mightMatch(f: PushedFilter, lookup: StatsLookup, numRows: number): boolean {
  switch (f.kind) {
    case "And":
      return mightMatch(f.left, lookup, numRows) && mightMatch(f.right, lookup, numRows);
    case "Or":
      return mightMatch(f.left, lookup, numRows) || mightMatch(f.right, lookup, numRows);
    case "Not":
      return true;
    case "IsNull": {
      const c = lookup(f.column);
      const n = c?.stats?.null_count;
      return n === undefined || n > 0n;
    }
    case "IsNotNull": {
      const c = lookup(f.column);
      const n = c?.stats?.null_count;
      return n === undefined || n < BigInt(numRows);
    }
    case "StringEndsWith":
    case "StringContains":
      return true;
    case "StringStartsWith": {
      const c = lookup(f.column);
      if (c === undefined || c.type.kind !== "string") return true;
      const b = boundsOf(c);
      const p = enc.encode(f.value);
      if (b.min !== undefined && b.min instanceof Uint8Array && Buffer.compare(b.min.subarray(0, p.length), p) > 0) return false;
      if (b.max !== undefined && b.max instanceof Uint8Array && Buffer.compare(b.max.subarray(0, p.length), p) < 0) return false;
      return true;
    }
    case "In": {
      if (f.values.length === 0) return false;
      return f.values.some((v) => mightMatch({ kind: "EqualTo", column: f.column, value: v, shown: "" }, lookup, numRows));
    }
    case "EqualTo":
    case "EqualNullSafe":
    case "GreaterThan":
    case "GreaterThanOrEqual":
    case "LessThan":
    case "LessThanOrEqual": {
      const c = lookup(f.column);
      if (c === undefined) return true;
      const b = boundsOf(c);
      if (f.value === null || f.value === undefined) {
        // `col <=> NULL` matches null rows; a comparison with NULL matches nothing.
        if (f.kind === "EqualNullSafe") return b.nullCount === undefined || b.nullCount > 0n;
        return false;
      }
      // A row group of nulls only satisfies no comparison with a value.
      if (b.nullCount !== undefined && b.nullCount === BigInt(numRows) && numRows > 0) return false;
      const v = keyOf(f.value, c.type);
      if (v === undefined) return true;
      const geMin = b.min === undefined || compare(v, b.min) >= 0;
      const leMax = b.max === undefined || compare(v, b.max) <= 0;
      const gtMin = b.min === undefined || compare(v, b.min) > 0;
      const ltMax = b.max === undefined || compare(v, b.max) < 0;
      switch (f.kind) {
        case "EqualTo":
        case "EqualNullSafe":
          return geMin && leMax;
        case "GreaterThan":
          return ltMax; // some value > v needs max > v
        case "GreaterThanOrEqual":
          return leMax;
        case "LessThan":
          return gtMin;
        case "LessThanOrEqual":
          return geMin;
        default:
          return assertNever(f);
      }
    }
    default:
      return assertNever(f);
  }
}

/** The statistics of the top-level flat columns of a row group, by (case-folded unless caseSensitive) name. */
export function rowGroupStats(
  rg: RowGroup,
  columns: ReadonlyMap<string, { readonly index: number; readonly element: SchemaElement; readonly type: DataType }>,
  caseSensitive: boolean,
  decimals?: ReadonlyMap<number, DecimalBounds>,
): StatsLookup {
  return (name) => {
    const c = columns.get(caseSensitive ? name : name.toLowerCase());
    if (c === undefined) return undefined;
    const chunk: ColumnChunk | undefined = rg.columns[c.index];
    const decimal = decimals?.get(c.index);
    const stats = chunk?.meta_data?.statistics;
    return decimal === undefined ? { type: c.type, element: c.element, stats } : { type: c.type, element: c.element, stats, decimal };
  };
}
