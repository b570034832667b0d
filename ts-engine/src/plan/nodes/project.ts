import type { Expr } from "../../expr/expr.js";
import type { LogicalPlan, Project } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkNamed, checkNoAgg, checkReads } from "./check.js";

/** A projection: every expression is named (AttributeRef or Alias), reads only `input`, and holds no aggregate. */
export function project(input: LogicalPlan, exprs: readonly Expr[]): Project {
  checkNamed(exprs, "Project");
  checkNoAgg(exprs, "Project");
  checkReads(exprs, outputOf(input), "Project");
  return Object.freeze({ kind: "Project", input, exprs });
}
