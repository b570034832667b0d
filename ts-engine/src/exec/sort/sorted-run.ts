import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import type { Vector } from "../../columnar/vector.js";
import { structField, structType, type DataType, type StructType } from "../../types/data-type.js";

/**
 * A batch of a sorted run carries its evaluated sort keys after the output columns, so
 * that merging runs compares the very values the run was sorted by (a key such as rand()
 * is evaluated once) and never evaluates an expression again.
 */
export function withKeyColumns(b: ColumnBatch, keys: readonly Vector[]): ColumnBatch {
  return makeBatch(runSchema(b.schema, keys.map((k) => k.type)), [...b.columns, ...keys], b.numRows);
}

/** The schema of run batches: the output fields, then one field per sort key. */
export function runSchema(schema: StructType, keyTypes: readonly DataType[]): StructType {
  return structType([...schema.fields, ...keyTypes.map((t, i) => structField(`__sort_key_${i}`, t, true))]);
}

/** The output columns of a run batch (its key columns dropped). */
export function withoutKeyColumns(schema: StructType, b: ColumnBatch): ColumnBatch {
  return makeBatch(schema, b.columns.slice(0, schema.fields.length), b.numRows);
}

/** The key columns of a run batch. */
export function keyColumnsOf(schema: StructType, b: ColumnBatch): readonly Vector[] {
  return b.columns.slice(schema.fields.length);
}
