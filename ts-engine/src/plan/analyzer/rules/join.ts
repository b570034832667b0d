import { AnalysisException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import type { ScalarFunctionDef } from "../../../expr/functions/function-def.js";
import { join, project } from "../../nodes/index.js";
import type { ParsedJoin } from "../../parsed-plan.js";
import { outputOf } from "../../output.js";
import { mergePlanIds, sameName, sessionFunctionsOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { resolveExpr } from "../resolve-expr.js";
import { quoteId } from "../scope.js";
import { joinHintOf } from "./join-hints.js";
import { noPlan } from "../no-plan.js";

function scalar(name: string): ScalarFunctionDef {
  const def = lookupFunction(name);
  if (def === undefined || def.kind !== "scalar") throw new Error(`missing scalar ${name}`);
  return def;
}

/**
 * A self-join sees the same exprIds on both sides; like Spark's DeduplicateRelations, the right
 * side is re-aliased with fresh exprIds (planId outputs are remapped too).
 */
function dedupRight(left: Resolved, right: Resolved): Resolved {
  const leftIds = new Set(outputOf(left.plan).map((a) => a.exprId));
  const rightOut = outputOf(right.plan);
  if (!rightOut.some((a) => leftIds.has(a.exprId))) return right;
  const mapping = new Map<number, AttributeRef>();
  const exprs: Expr[] = rightOut.map((a) => {
    const id = newExprId();
    mapping.set(a.exprId, { ...a, exprId: id });
    return { kind: "Alias", child: a, name: a.name, exprId: id };
  });
  const plan = project(right.plan, exprs);
  const qualified = outputOf(plan).map((a, i) => ({ ...a, ...(rightOut[i]!.qualifier ? { qualifier: rightOut[i]!.qualifier } : {}) }));
  const requal = project(plan, qualified);
  const planIds = new Map<number, readonly AttributeRef[]>();
  for (const [k, attrs] of right.planIds) planIds.set(k, attrs.map((a) => mapping.get(a.exprId) ?? a));
  return { plan: requal, planIds };
}

function findKey(name: string, attrs: readonly AttributeRef[], side: string, ctx: AnalyzerCtx): AttributeRef {
  const hit = attrs.find((a) => sameName(a.name, name, ctx.caseSensitive));
  if (hit === undefined) {
    throw noPlan(
      new AnalysisException("UNRESOLVED_USING_COLUMN_FOR_JOIN", {
        colName: quoteId(name),
        side,
        suggestion: attrs.map((a) => quoteId(a.name)).sort().join(", "),
      }),
    );
  }
  return hit;
}

/**
 * Join: the condition resolves over both sides (planId references pick their frame). A join on
 * `usingColumns` becomes an equi-join plus a Project with each key once, Spark's order: keys, then
 * the left's other columns, then the right's; a full outer join's key is coalesce(left, right).
 */
export function resolveJoin(p: ParsedJoin, ctx: AnalyzerCtx): Resolved {
  const left = ctx.resolve(p.left);
  const right = dedupRight(left, ctx.resolve(p.right));
  const planIds = mergePlanIds(left.planIds, right.planIds);
  const lOut = outputOf(left.plan);
  const rOut = outputOf(right.plan);
  const scope = { attrs: [...lOut, ...rOut], planIds, caseSensitive: ctx.caseSensitive, ansi: ctx.ansi, ...(ctx.timeZone === undefined ? {} : { timeZone: ctx.timeZone }), ...sessionFunctionsOf(ctx) };
  const joinType = p.joinType === "cross" && p.condition !== undefined ? "inner" : p.joinType;
  const hint = joinHintOf(p.left, p.right);
  // NATURAL JOIN: a using-join on the left's columns that the right also has, in the left's order.
  const using = p.natural === true ? lOut.filter((a) => rOut.some((b) => sameName(a.name, b.name, ctx.caseSensitive))).map((a) => a.name) : p.usingColumns;
  if (using === undefined || using.length === 0) {
    const condition = p.condition === undefined ? undefined : resolveExpr(p.condition, scope);
    return { plan: join(left.plan, right.plan, joinType, condition, hint), planIds };
  }
  const keys = using.map((n) => [findKey(n, lOut, "left", ctx), findKey(n, rOut, "right", ctx)] as const);
  const eqs = keys.map(([l, r]) => scalar("==").resolve("==", [l, r]));
  const condition = eqs.reduce((acc, e) => scalar("and").resolve("and", [acc, e]));
  const node = join(left.plan, right.plan, joinType, condition, hint);
  const joined = outputOf(node);
  const byId = new Map(joined.map((a) => [a.exprId, a]));
  const leftKeyIds = new Set(keys.map(([l]) => l.exprId));
  const rightKeyIds = new Set(keys.map(([, r]) => r.exprId));
  const keyExprs: Expr[] = keys.map(([l, r]) => {
    const lj = byId.get(l.exprId)!;
    const rj = byId.get(r.exprId);
    if (joinType === "right") return rj!;
    if (joinType === "full") {
      const c = scalar("coalesce").resolve("coalesce", [lj, rj!]);
      return { kind: "Alias", child: c, name: l.name, exprId: newExprId() };
    }
    return lj;
  });
  const semi = joinType === "left_semi" || joinType === "left_anti";
  const rest: Expr[] = [
    ...lOut.filter((a) => !leftKeyIds.has(a.exprId)).map((a) => byId.get(a.exprId)!),
    ...(semi ? [] : rOut.filter((a) => !rightKeyIds.has(a.exprId)).map((a) => byId.get(a.exprId)!)),
  ];
  return { plan: project(node, [...keyExprs, ...rest]), planIds };
}
