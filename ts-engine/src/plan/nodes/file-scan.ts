import type { AttributeRef } from "../../expr/expr.js";
import type { FileSourceRelation } from "../../io/file-source.js";
import type { FileScan } from "../logical-plan.js";
import { invariant } from "./check.js";

/** A file scan reading `output` (a subset of `relationOutput`, in its order; all of it when omitted). */
export function fileScan(relation: FileSourceRelation, relationOutput: readonly AttributeRef[], output: readonly AttributeRef[] = relationOutput): FileScan {
  const n = relation.dataSchema.fields.length + relation.partitionSchema.fields.length;
  invariant(relationOutput.length === n, "FileScan", () => `${relationOutput.length} attributes for ${n} columns`);
  invariant(
    output.every((a) => relationOutput.some((r) => r.exprId === a.exprId)),
    "FileScan",
    () => "output outside the relation",
  );
  return Object.freeze({ kind: "FileScan", relation, relationOutput, output });
}
