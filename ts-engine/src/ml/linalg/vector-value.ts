/**
 * A vector as the engine holds it in a VectorUDT column: Spark's VectorUDT sqlType
 * struct<type:tinyint,size:int,indices:array<int>,values:array<double>> as a row of four
 * values (type 0 sparse, 1 dense), so Parquet files and saved models keep Spark's layout.
 */
export type VectorRow = readonly [number, number | null, readonly number[] | null, readonly number[]];

/** The Scala class name that marks a UDT as Spark's ML vector. */
export const VECTOR_UDT_CLASS = "org.apache.spark.ml.linalg.VectorUDT";

/** A dense or sparse vector decoded for computation. */
export type MlVector =
  | { readonly kind: "dense"; readonly values: Float64Array }
  | { readonly kind: "sparse"; readonly size: number; readonly indices: Int32Array; readonly values: Float64Array };

/** The vector a VectorUDT struct row holds. */
export function vectorFromRow(row: readonly unknown[]): MlVector {
  const values = Float64Array.from(row[3] as readonly number[]);
  if (row[0] === 0) return { kind: "sparse", size: row[1] as number, indices: Int32Array.from(row[2] as readonly number[]), values };
  return { kind: "dense", values };
}

/** The struct row Spark stores for `v`. */
export function vectorToRow(v: MlVector): VectorRow {
  return v.kind === "dense" ? [1, null, null, Array.from(v.values)] : [0, v.size, Array.from(v.indices), Array.from(v.values)];
}

/** A dense vector's struct row. */
export function denseRow(values: ArrayLike<number>): VectorRow {
  return [1, null, null, Array.from(values)];
}

/** The number of elements of `v`. */
export function vectorSize(v: MlVector): number {
  return v.kind === "dense" ? v.values.length : v.size;
}

/** `v` written out densely into `out` (length vectorSize(v)). */
export function densify(v: MlVector, out: Float64Array = new Float64Array(vectorSize(v))): Float64Array {
  if (v.kind === "dense") {
    out.set(v.values);
    return out;
  }
  out.fill(0);
  for (let k = 0; k < v.indices.length; k++) out[v.indices[k]!] = v.values[k]!;
  return out;
}

/** Spark's Vector.toString: `[1.0,2.0]` dense, `(3,[0,2],[1.0,3.0])` sparse (Java's Double.toString per value). */
export function vectorText(row: readonly unknown[], doubleText: (x: number) => string): string {
  const values = (row[3] as readonly number[]).map(doubleText).join(",");
  if (row[0] === 0) return `(${String(row[1])},[${(row[2] as readonly number[]).join(",")}],[${values}])`;
  return `[${values}]`;
}
