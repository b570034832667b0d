import { compareUtf8 } from "../columnar/utf8.js";
import type { Vector } from "../columnar/vector.js";
import { parseDecimalText, unscaledOf } from "../columnar/decimal-value.js";
import { assertNever } from "../errors/assert-never.js";
import type { DataType } from "../types/data-type.js";
import type { ComparisonKind, PushedFilter } from "./pushed-filter.js";

/**
 * Pushed filters evaluated over a batch's vectors, as Spark's text sources evaluate them on
 * each row they parse (CSVFilters / OrderedFilters: a filter turned back into a predicate).
 * Results use three values per row, SQL's: FALSE, TRUE, UNKNOWN (a null operand); a row is
 * kept only where the result is TRUE. One loop per comparison over the column's typed storage.
 */

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;

/** The vectors a filter reads, by column name (undefined: not read, and the filter cannot be evaluated). */
export type VectorLookup = (column: string) => Vector | undefined;

/** Comparison outcomes as bits (less 1, equal 2, greater 4); a comparison holds when its mask has the outcome's bit. */
const WANTED: Readonly<Record<ComparisonKind, number>> = {
  EqualTo: 2,
  EqualNullSafe: 2,
  GreaterThan: 4,
  GreaterThanOrEqual: 6,
  LessThan: 1,
  LessThanOrEqual: 3,
};

const enc = new TextEncoder();

/**
 * A literal in the form a column's storage compares with, or undefined when this evaluator
 * does not compare that pair (the filter is then not evaluated here: the Filter above the
 * scan still applies it). Decimals compare as unscaled integers at the column's scale, so a
 * literal with more fraction digits than the column has is left to the Filter.
 */
type Operand = { readonly kind: "number"; readonly v: number } | { readonly kind: "bigint"; readonly v: bigint } | { readonly kind: "bytes"; readonly v: Uint8Array } | { readonly kind: "bool"; readonly v: number };

function operandFor(type: DataType, value: unknown): Operand | undefined {
  switch (type.kind) {
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "float":
    case "double":
      return typeof value === "number" ? { kind: "number", v: value } : undefined;
    case "long":
    case "timestamp":
    case "timestamp_ntz":
      if (typeof value === "bigint") return { kind: "bigint", v: value };
      return typeof value === "number" && Number.isInteger(value) ? { kind: "number", v: value } : undefined;
    case "boolean":
      return typeof value === "boolean" ? { kind: "bool", v: value ? 1 : 0 } : undefined;
    case "string":
      // collated strings compare under their collation: left to the Filter
      return typeof value === "string" && !("collation" in type) ? { kind: "bytes", v: enc.encode(value) } : undefined;
    case "decimal": {
      if (typeof value !== "string" || type.precision > 18) return undefined;
      const p = parseDecimalText(value);
      if (p === null || -p.exponent > type.scale) return undefined;
      return { kind: "bigint", v: unscaledOf(p, type.scale) };
    }
    default:
      return undefined;
  }
}

/** Whether `f` can be evaluated here over columns of the types `typeOf` gives (every leaf's column read, every literal comparable). */
export function canEvaluate(f: PushedFilter, typeOf: (column: string) => DataType | undefined): boolean {
  switch (f.kind) {
    case "And":
    case "Or":
      return canEvaluate(f.left, typeOf) && canEvaluate(f.right, typeOf);
    case "Not":
      return canEvaluate(f.child, typeOf);
    case "IsNull":
    case "IsNotNull":
      return typeOf(f.column) !== undefined;
    case "StringStartsWith":
    case "StringEndsWith":
    case "StringContains": {
      const t = typeOf(f.column);
      return t !== undefined && t.kind === "string" && !("collation" in t);
    }
    case "In": {
      const t = typeOf(f.column);
      return t !== undefined && f.values.every((v) => v === null || operandFor(t, v) !== undefined);
    }
    case "EqualTo":
    case "EqualNullSafe":
    case "GreaterThan":
    case "GreaterThanOrEqual":
    case "LessThan":
    case "LessThanOrEqual": {
      const t = typeOf(f.column);
      return t !== undefined && (f.value === null || operandFor(t, f.value) !== undefined);
    }
    default:
      return assertNever(f);
  }
}

/** Spark's order of doubles: NaN above every other value and equal to itself, -0.0 equal to 0.0. */
function compareDouble(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  return an && bn ? 0 : an ? 1 : -1;
}

function outcomeBit(c: number): number {
  return c < 0 ? 1 : c === 0 ? 2 : 4;
}

/**
 * For each row r of `v`, the bit of comparing its value with `op` (0 for a null row), into
 * `out`. The loops read the storage directly: numbers, exact longs, unscaled decimals, bytes.
 */
function compareRows(v: Vector, op: Operand, n: number, out: Uint8Array): void {
  const valid = v.validity;
  switch (v.storage) {
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64": {
      const d = v.data;
      if (op.kind === "bigint") {
        // a long literal past ±2^53 against the Number fast path of a long column
        // (rare: the vector's values are all within ±2^53, so each converts exactly)
        const w = op.v;
        for (let r = 0; r < n; r++) {
          if (valid !== null && valid[r] === 0) {
            out[r] = 0;
            continue;
          }
          const x = BigInt(d[r]!);
          out[r] = x < w ? 1 : x === w ? 2 : 4;
        }
        return;
      }
      if (op.kind !== "number") break;
      const w = op.v;
      if (v.type.kind === "double" || v.type.kind === "float") {
        for (let r = 0; r < n; r++) out[r] = valid !== null && valid[r] === 0 ? 0 : outcomeBit(compareDouble(d[r]!, w));
      } else {
        for (let r = 0; r < n; r++) {
          const x = d[r]!;
          out[r] = valid !== null && valid[r] === 0 ? 0 : x < w ? 1 : x === w ? 2 : 4;
        }
      }
      return;
    }
    case "i64big":
    case "dec64": {
      const d = v.data;
      const w = op.kind === "bigint" ? op.v : op.kind === "number" ? BigInt(op.v) : undefined;
      if (w === undefined) break;
      if (v.storage === "dec64" && w >= -(2n ** 52n) && w <= 2n ** 52n) {
        // unscaled values of up to 15 digits are exact as doubles: read the two halves instead of a BigInt per row
        const halves = new Int32Array(d.buffer, d.byteOffset, 2 * n);
        const x0 = Number(w);
        for (let r = 0; r < n; r++) {
          if (valid !== null && valid[r] === 0) {
            out[r] = 0;
            continue;
          }
          const hi = halves[2 * r + 1]!;
          const x = hi * 4294967296 + (halves[2 * r]! >>> 0);
          if (Math.abs(x) <= 4503599627370496) out[r] = x < x0 ? 1 : x === x0 ? 2 : 4;
          else {
            const b = d[r]!;
            out[r] = b < w ? 1 : b === w ? 2 : 4;
          }
        }
        return;
      }
      for (let r = 0; r < n; r++) {
        const b = d[r]!;
        out[r] = valid !== null && valid[r] === 0 ? 0 : b < w ? 1 : b === w ? 2 : 4;
      }
      return;
    }
    case "bool": {
      if (op.kind !== "bool") break;
      const d = v.data;
      for (let r = 0; r < n; r++) out[r] = valid !== null && valid[r] === 0 ? 0 : outcomeBit(d[r]! - op.v);
      return;
    }
    case "utf8": {
      if (op.kind !== "bytes") break;
      const { offsets, bytes } = v.data;
      const w = op.v;
      for (let r = 0; r < n; r++) out[r] = valid !== null && valid[r] === 0 ? 0 : outcomeBit(compareUtf8(bytes, offsets[r]!, offsets[r + 1]!, w, 0, w.length));
      return;
    }
    case "binary":
    case "dec128":
    case "values":
      break;
    default:
      return assertNever(v);
  }
  throw new Error(`pushed filter cannot compare ${v.storage} storage with a ${op.kind} literal`);
}

/** Whether bytes [s, e) of `b` hold `p` at `at` (a position inside the range). */
function bytesAt(b: Uint8Array, at: number, e: number, p: Uint8Array): boolean {
  if (at + p.length > e) return false;
  for (let j = 0; j < p.length; j++) if (b[at + j] !== p[j]) return false;
  return true;
}

function stringMatch(v: Vector, kind: "StringStartsWith" | "StringEndsWith" | "StringContains", value: string, n: number, out: Uint8Array): void {
  if (v.storage !== "utf8") throw new Error(`pushed ${kind} over ${v.storage} storage`);
  const { offsets, bytes } = v.data;
  const valid = v.validity;
  const p = enc.encode(value);
  for (let r = 0; r < n; r++) {
    if (valid !== null && valid[r] === 0) {
      out[r] = UNKNOWN;
      continue;
    }
    const s = offsets[r]!;
    const e = offsets[r + 1]!;
    let hit = false;
    if (kind === "StringStartsWith") hit = bytesAt(bytes, s, e, p);
    else if (kind === "StringEndsWith") hit = e - s >= p.length && bytesAt(bytes, e - p.length, e, p);
    else for (let i = s; i + p.length <= e && !hit; i++) hit = bytesAt(bytes, i, e, p);
    out[r] = hit ? TRUE : FALSE;
  }
}

/**
 * `f` over the first `n` rows of the vectors `lookup` gives, into `out` (FALSE / TRUE /
 * UNKNOWN per row). Only for filters `canEvaluate` accepted over the same columns.
 */
export function evalPushedFilter(f: PushedFilter, lookup: VectorLookup, n: number, out: Uint8Array = new Uint8Array(n)): Uint8Array {
  const col = (name: string): Vector => {
    const v = lookup(name);
    if (v === undefined) throw new Error(`pushed filter reads ${name}, which the scan did not read`);
    return v;
  };
  switch (f.kind) {
    case "And":
    case "Or": {
      evalPushedFilter(f.left, lookup, n, out);
      const right = evalPushedFilter(f.right, lookup, n);
      // Kleene logic: AND is the minimum and OR the maximum of FALSE < UNKNOWN < TRUE
      const and = f.kind === "And";
      for (let r = 0; r < n; r++) {
        const a = out[r]!;
        const b = right[r]!;
        if (and) out[r] = a === FALSE || b === FALSE ? FALSE : a === TRUE && b === TRUE ? TRUE : UNKNOWN;
        else out[r] = a === TRUE || b === TRUE ? TRUE : a === FALSE && b === FALSE ? FALSE : UNKNOWN;
      }
      return out;
    }
    case "Not": {
      evalPushedFilter(f.child, lookup, n, out);
      for (let r = 0; r < n; r++) out[r] = out[r] === TRUE ? FALSE : out[r] === FALSE ? TRUE : UNKNOWN;
      return out;
    }
    case "IsNull":
    case "IsNotNull": {
      const valid = col(f.column).validity;
      const isNull = f.kind === "IsNull";
      for (let r = 0; r < n; r++) out[r] = (valid !== null && valid[r] === 0) === isNull ? TRUE : FALSE;
      return out;
    }
    case "StringStartsWith":
    case "StringEndsWith":
    case "StringContains":
      stringMatch(col(f.column), f.kind, f.value, n, out);
      return out;
    case "In": {
      const v = col(f.column);
      out.fill(FALSE, 0, n);
      const bits = new Uint8Array(n);
      let sawNull = false;
      for (const x of f.values) {
        if (x === null) {
          sawNull = true;
          continue;
        }
        compareRows(v, operandFor(v.type, x)!, n, bits);
        for (let r = 0; r < n; r++) if (bits[r] === 2) out[r] = TRUE;
      }
      // a null row is UNKNOWN; so is a row matching nothing when the list holds a null
      const valid = v.validity;
      for (let r = 0; r < n; r++) if ((valid !== null && valid[r] === 0) || (sawNull && out[r] === FALSE)) out[r] = UNKNOWN;
      return out;
    }
    case "EqualTo":
    case "EqualNullSafe":
    case "GreaterThan":
    case "GreaterThanOrEqual":
    case "LessThan":
    case "LessThanOrEqual": {
      const v = col(f.column);
      const valid = v.validity;
      if (f.value === null || f.value === undefined) {
        // `c <=> NULL` is IS NULL; any other comparison with NULL is UNKNOWN
        for (let r = 0; r < n; r++) out[r] = f.kind === "EqualNullSafe" ? (valid !== null && valid[r] === 0 ? TRUE : FALSE) : UNKNOWN;
        return out;
      }
      compareRows(v, operandFor(v.type, f.value)!, n, out);
      const want = WANTED[f.kind];
      const nullResult = f.kind === "EqualNullSafe" ? FALSE : UNKNOWN;
      for (let r = 0; r < n; r++) {
        const bit = out[r]!;
        out[r] = bit === 0 ? nullResult : (bit & want) !== 0 ? TRUE : FALSE;
      }
      return out;
    }
    default:
      return assertNever(f);
  }
}
