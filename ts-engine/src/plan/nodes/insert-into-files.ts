import type { AttributeRef } from "../../expr/expr.js";
import type { InsertIntoFiles, LogicalPlan, SaveMode } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { invariant } from "./check.js";

/** A write of `input` as files; `partitionBy` are attributes of the input. */
export function insertIntoFiles(
  input: LogicalPlan,
  format: string,
  path: string,
  mode: SaveMode,
  options: readonly (readonly [string, string])[],
  partitionBy: readonly AttributeRef[],
  bucketId?: AttributeRef,
): InsertIntoFiles {
  const out = outputOf(input);
  invariant(
    partitionBy.every((a) => out.some((o) => o.exprId === a.exprId)),
    "InsertIntoFiles",
    () => "partition column outside the input",
  );
  invariant(bucketId === undefined || out.some((o) => o.exprId === bucketId.exprId), "InsertIntoFiles", () => "bucket id column outside the input");
  return Object.freeze({ kind: "InsertIntoFiles", input, format, path, mode, options, partitionBy, ...(bucketId === undefined ? {} : { bucketId }) });
}
