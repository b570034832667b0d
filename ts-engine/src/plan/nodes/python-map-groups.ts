import type { AttributeRef, Expr, PythonUDF } from "../../expr/expr.js";
import type { LogicalPlan, PythonCoGroup, PythonMapGroups } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkReads, invariant } from "./check.js";

/** A PythonMapGroups node: `udf` and `groupBy` read only the input's columns. */
export function pythonMapGroups(input: LogicalPlan, groupBy: readonly Expr[], udf: PythonUDF, output: readonly AttributeRef[], isBarrier: boolean): PythonMapGroups {
  checkReads([udf, ...groupBy], outputOf(input), "PythonMapGroups");
  return Object.freeze({ kind: "PythonMapGroups", input, groupBy, udf, output, isBarrier });
}

/** A PythonCoGroup node: both sides group by as many keys, and `udf` reads both sides' columns. */
export function pythonCoGroup(
  left: LogicalPlan,
  right: LogicalPlan,
  leftGroupBy: readonly Expr[],
  rightGroupBy: readonly Expr[],
  udf: PythonUDF,
  output: readonly AttributeRef[],
): PythonCoGroup {
  invariant(leftGroupBy.length === rightGroupBy.length, "PythonCoGroup", () => `${leftGroupBy.length} left keys, ${rightGroupBy.length} right keys`);
  checkReads(leftGroupBy, outputOf(left), "PythonCoGroup");
  checkReads(rightGroupBy, outputOf(right), "PythonCoGroup");
  checkReads([udf], [...outputOf(left), ...outputOf(right)], "PythonCoGroup");
  return Object.freeze({ kind: "PythonCoGroup", left, right, leftGroupBy, rightGroupBy, udf, output });
}
