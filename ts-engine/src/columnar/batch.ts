import type { StructType } from "../types/data-type.js";
import type { Vector } from "./vector.js";

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
