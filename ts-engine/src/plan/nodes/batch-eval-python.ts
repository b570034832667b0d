import type { AttributeRef, PythonUDF } from "../../expr/expr.js";
import type { BatchEvalPython, LogicalPlan } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkReads, invariant } from "./check.js";

/** Evaluates `udfs` over `input` in Python workers, one result attribute per UDF (of its return type). */
export function batchEvalPython(input: LogicalPlan, udfs: readonly PythonUDF[], resultAttrs: readonly AttributeRef[]): BatchEvalPython {
  invariant(udfs.length === resultAttrs.length && udfs.length > 0, "BatchEvalPython", () => `${udfs.length} udfs, ${resultAttrs.length} results`);
  checkReads(udfs, outputOf(input), "BatchEvalPython");
  return Object.freeze({ kind: "BatchEvalPython", input, udfs, resultAttrs });
}
