import type { Alias, Expr, SortOrder } from "../../expr/expr.js";
import type { LogicalPlan, Window } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkReads, invariant } from "./check.js";

/** Window: every expression is an aliased WindowExpression over the node's spec, reading only `input`. */
export function window(input: LogicalPlan, windowExprs: readonly Alias[], partitionSpec: readonly Expr[], orderSpec: readonly SortOrder[]): Window {
  invariant(windowExprs.length > 0, "Window", () => "no window expressions");
  for (const a of windowExprs) {
    const w = a.child;
    invariant(w.kind === "WindowExpression", "Window", () => `${a.name} is a ${w.kind}, not a window expression`);
    if (w.kind !== "WindowExpression") continue;
    invariant(w.partitionSpec.length === partitionSpec.length && w.orderSpec.length === orderSpec.length, "Window", () => `${a.name} has another window spec`);
  }
  checkReads([...windowExprs, ...partitionSpec, ...orderSpec], outputOf(input), "Window");
  return Object.freeze({ kind: "Window", input, windowExprs, partitionSpec, orderSpec });
}
