import type { AttributeRef } from "../../expr/expr.js";
import type { StructType } from "../../types/data-type.js";
import type { LocalRelation } from "../logical-plan.js";
import { invariant } from "./check.js";

/** Rows given by the user, one attribute per schema field (in the vector value convention). */
export function localRelation(
  schema: StructType,
  rows: readonly (readonly unknown[])[],
  output: readonly AttributeRef[],
  numPartitions?: number,
): LocalRelation {
  invariant(output.length === schema.fields.length, "LocalRelation", () => `${output.length} attributes for ${schema.fields.length} fields`);
  invariant(numPartitions === undefined || (Number.isInteger(numPartitions) && numPartitions >= 1), "LocalRelation", () => `numPartitions ${numPartitions}`);
  return Object.freeze({ kind: "LocalRelation", schema, rows, ...(numPartitions === undefined ? {} : { numPartitions }), output });
}
