import { compareUtf8 } from "../../columnar/utf8.js";
import { collationAwareComparator, needsCollationKey, nestsCollatedStrings, utf8CollationComparator } from "../../columnar/collation-key.js";
import { collationOfType } from "../../types/collation.js";
import type { Vector } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import { compareValues } from "../../expr/kernels/compare-values.js";

/** Compares row `i` of one key column with row `j` of another (both non-null); negative when i sorts first. */
export type CrossComparator = (i: number, j: number) => number;

/** Number order with NaN after every value and NaN = NaN, -0.0 = 0.0 (Spark's join-key equality). */
function cmpNum(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

type NumericData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

function numeric(v: Vector): NumericData | BigInt64Array | null {
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big":
      return v.data;
    case "utf8":
    case "binary":
    case "dec64":
    case "dec128":
    case "values":
      return null;
  }
}

/**
 * The order of one join key across two batches of the same key type, as the sort that
 * ordered both sides (ascending): the merge of a sort-merge join walks both sides with it,
 * so its zero must be exactly the hash join's key equality. Long keys may be stored as
 * Numbers on one side and BigInts on the other (a batch with a value past 2^53): JS
 * compares a Number with a BigInt exactly.
 */
export function crossComparator(a: Vector, b: Vector): CrossComparator {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null && nb !== null) {
    if (na instanceof BigInt64Array || nb instanceof BigInt64Array) {
      const x = na as ArrayLike<number | bigint>;
      const y = nb as ArrayLike<number | bigint>;
      return (i, j) => (x[i]! < y[j]! ? -1 : x[i]! > y[j]! ? 1 : 0);
    }
    return (i, j) => cmpNum(na[i]!, nb[j]!);
  }
  if (a.storage === "utf8" && b.storage === "utf8") {
    // collated join keys match under their collation (both sides share it after coercion)
    if (needsCollationKey(a.type)) return utf8CollationComparator(collationOfType(a.type), a.data, a.length, b.data, b.length);
    const { offsets: ao, bytes: ab } = a.data;
    const { offsets: bo, bytes: bb } = b.data;
    return (i, j) => compareUtf8(ab, ao[i]!, ao[i + 1]!, bb, bo[j]!, bo[j + 1]!);
  }
  if ((a.storage === "dec64" || a.storage === "dec128") && (b.storage === "dec64" || b.storage === "dec128")) {
    // decimals of one type share a scale: unscaled order is value order
    const x: ArrayLike<bigint> = a.data;
    const y: ArrayLike<bigint> = b.data;
    return (i, j) => (x[i]! < y[j]! ? -1 : x[i]! > y[j]! ? 1 : 0);
  }
  if (a.storage === "binary" && b.storage === "binary") {
    const x = a.data;
    const y = b.data;
    return (i, j) => cmpBytes(x[i]!, y[j]!);
  }
  if (a.storage === "values" && b.storage === "values") {
    const x = a.data;
    const y = b.data;
    const kind = a.type.kind;
    // arrays and structs of collated strings match under the collation
    if (nestsCollatedStrings(a.type)) {
      const cmp = collationAwareComparator(a.type);
      return (i, j) => cmp(x[i], y[j]);
    }
    return (i, j) => compareValues(x[i], y[j], kind);
  }
  throw new InternalError(`join keys of different storage: ${a.storage} and ${b.storage}`);
}

/** Whether any key column is null at row `i` (such a row never matches an equi-join). */
export function anyKeyNull(keys: readonly Vector[], i: number): boolean {
  for (const k of keys) if (k.validity !== null && k.validity[i] === 0) return true;
  return false;
}

/**
 * Compares a row of one batch's key columns with a row of another's, all keys ascending.
 * The per-column comparators are chosen once per pair of batches, not per row.
 */
export class KeyComparer {
  private a: readonly Vector[] | null = null;
  private b: readonly Vector[] | null = null;
  private fns: CrossComparator[] = [];

  compare(a: readonly Vector[], i: number, b: readonly Vector[], j: number): number {
    if (a !== this.a || b !== this.b) {
      this.a = a;
      this.b = b;
      this.fns = a.map((v, k) => crossComparator(v, b[k]!));
    }
    const fns = this.fns;
    for (let k = 0; k < fns.length; k++) {
      const c = fns[k]!(i, j);
      if (c !== 0) return c;
    }
    return 0;
  }
}
