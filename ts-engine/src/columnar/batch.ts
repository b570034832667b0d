import type { StructType } from "../types/data-type.js";
import { vectorByteSize, type Vector } from "./vector.js";

/** A horizontal slice of a relation: one vector per field of `schema`, all `numRows` long. */
export interface ColumnBatch {
  readonly schema: StructType;
  readonly columns: readonly Vector[];
  readonly numRows: number;
}

export function makeBatch(schema: StructType, columns: readonly Vector[], numRows?: number): ColumnBatch {
  const n = numRows ?? columns[0]?.length ?? 0;
  return { schema, columns, numRows: n };
}

/** Preferred number of rows per batch produced by sources. */
export const BATCH_SIZE = 8192;

/** The estimated heap bytes of a batch: the sum over its columns (see vectorByteSize). */
export function batchByteSize(b: ColumnBatch): number {
  let bytes = 0;
  for (const c of b.columns) bytes += vectorByteSize(c);
  return bytes;
}
