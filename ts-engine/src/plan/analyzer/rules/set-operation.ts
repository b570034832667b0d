import { newExprId, type Expr } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { InternalError } from "../../../errors/spark-exception.js";
import { aggregate, join, project } from "../../nodes/index.js";
import type { SetOperation } from "../../parsed-plan.js";
import { outputOf } from "../../output.js";
import type { AnalyzerCtx, Resolved } from "../context.js";
import { resolveUnion } from "./union.js";

function call(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${name}`);
  return def.resolve(name, args);
}

/**
 * INTERSECT / EXCEPT (DISTINCT), as Spark's ReplaceIntersectWithSemiJoin and
 * ReplaceExceptWithAntiJoin do: a left semi (anti) join on every column with null-safe
 * equality, then distinct rows. Columns are matched and widened by position, as UNION's are.
 */
export function resolveSetOperation(p: SetOperation, ctx: AnalyzerCtx): Resolved {
  const u = resolveUnion({ kind: "Union", inputs: [p.left, p.right], byName: false, allowMissingColumns: false }, ctx);
  if (u.plan.kind !== "Union") throw new InternalError("a resolved union is a Union");
  const [left, right0] = u.plan.inputs as [typeof u.plan.inputs[0], typeof u.plan.inputs[0]];
  // the same relation on both sides (t INTERSECT t) needs distinct attributes on the right
  const rightOut = outputOf(right0!);
  const right = project(right0!, rightOut.map((a) => ({ kind: "Alias", child: a, name: a.name, exprId: newExprId() })));
  const l = outputOf(left!);
  const r = outputOf(right);
  const condition = l.map((a, i) => call("<=>", [a, r[i]!])).reduce((acc, e) => call("and", [acc, e]));
  const joined = join(left!, right, p.op === "intersect" ? "left_semi" : "left_anti", condition);
  return { plan: aggregate(joined, l, l), planIds: u.planIds };
}
