import { nullVectorOf } from "../../columnar/builder.js";
import { makeVector, storageOf, type Vector } from "../../columnar/vector.js";
import type { Expr } from "../../expr/expr.js";
import { exprExists } from "../../expr/transform.js";
import type { DataType } from "../../types/data-type.js";

/**
 * Late materialization of a join's output: which of the join's output columns the Project
 * directly above it reads (`used[j]`), or null when it reads them all. The join then gathers
 * only those through its match indices, as Spark's generated code for a join followed by a
 * projection only copies the fields the projection keeps; the join's schema, and its explain,
 * stay the same, and the columns nobody reads are left as nulls (see `unreadColumn`).
 */
export function projectedColumns(exprs: readonly Expr[], width: number): boolean[] | null {
  const used = new Array<boolean>(width).fill(false);
  for (const e of exprs) {
    exprExists(e, (x) => {
      if (x.kind === "BoundRef" && x.ordinal < width) used[x.ordinal] = true;
      return false;
    });
  }
  return used.every((u) => u) ? null : used;
}

/** Zeroed storage that all-null placeholders are views of, grown on demand (never written). */
let zeroF64 = new Float64Array(0);
let zeroI32 = new Int32Array(0);
let zeroU8 = new Uint8Array(0);

function grow(n: number): void {
  if (zeroU8.length >= n + 1) return;
  const cap = Math.max(n + 1, 2 * zeroU8.length, 8192);
  zeroF64 = new Float64Array(cap);
  zeroI32 = new Int32Array(cap);
  zeroU8 = new Uint8Array(cap);
}

/**
 * An all-null column of `n` rows standing for a join output column that the Project above
 * never reads: for the common fixed-width and string storages a view of shared zeroed
 * memory (nothing is gathered, allocated or filled per batch); other storages get a real
 * null vector. Vectors are immutable, so sharing the zeroes is safe.
 */
export function unreadColumn(type: DataType, n: number): Vector {
  grow(n);
  const validity = zeroU8.subarray(0, n);
  switch (storageOf(type)) {
    case "f64":
      return makeVector(type, zeroF64.subarray(0, n), validity, n);
    case "i32":
      return makeVector(type, zeroI32.subarray(0, n), validity, n);
    case "bool":
      return makeVector(type, zeroU8.subarray(0, n), validity, n);
    case "utf8":
      return makeVector(type, { offsets: zeroI32.subarray(0, n + 1), bytes: zeroU8.subarray(0, 0) }, validity, n);
    case "i8":
    case "i16":
    case "f32":
    case "i64big":
    case "binary":
    case "dec64":
    case "dec128":
    case "values":
      return nullVectorOf(type, n);
  }
}
