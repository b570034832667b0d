import { AnalysisException } from "../../../errors/spark-exception.js";
import { InternalError } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr, type Literal } from "../../../expr/expr.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { exprExists, transformExpr } from "../../../expr/transform.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { BooleanType } from "../../../types/data-type.js";
import type { ScalarFunctionDef } from "../../../expr/functions/function-def.js";
import { join, project } from "../../nodes/index.js";
import type { ParsedJoin } from "../../parsed-plan.js";
import { outputOf } from "../../output.js";
import { mergePlanIds, sameName, sessionFunctionsOf, type AnalyzerCtx, type FrameOutput, type Resolved } from "../context.js";
import { resolveExpr } from "../resolve-expr.js";
import { quoteId, resolveColumn, type Scope } from "../scope.js";
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
  const planIds = new Map<number, readonly FrameOutput[]>();
  for (const [k, frames] of right.planIds) planIds.set(k, frames.map((f) => ({ attrs: f.attrs.map((a) => mapping.get(a.exprId) ?? a), depth: f.depth })));
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

/** `df.x == 1` / `1 <=> df.x`: a frame's column compared with a constant. */
function frameEqualsConstant(e: ParsedExpr): { name: readonly string[]; planId: number; op: string; attrFirst: boolean; constant: ParsedExpr } | undefined {
  if (e.kind !== "UnresolvedFunction" || (e.name !== "==" && e.name !== "<=>") || e.args.length !== 2) return undefined;
  const [a, b] = e.args as [ParsedExpr, ParsedExpr];
  if (a.kind === "UnresolvedAttribute" && a.planId !== undefined && b.kind === "Literal") return { name: a.nameParts, planId: a.planId, op: e.name, attrFirst: true, constant: b };
  if (b.kind === "UnresolvedAttribute" && b.planId !== undefined && a.kind === "Literal") return { name: b.nameParts, planId: b.planId, op: e.name, attrFirst: false, constant: a };
  return undefined;
}

/** `df.x == df.x` / `df.x <=> df.x`: an equality between two references to the same frame's same column. */
function sameFrameEquality(e: ParsedExpr): { name: readonly string[]; planId: number; op: string } | undefined {
  if (e.kind !== "UnresolvedFunction" || (e.name !== "==" && e.name !== "<=>") || e.args.length !== 2) return undefined;
  const [a, b] = e.args as [ParsedExpr, ParsedExpr];
  if (a.kind !== "UnresolvedAttribute" || b.kind !== "UnresolvedAttribute" || a.planId === undefined || a.planId !== b.planId) return undefined;
  if (a.nameParts.length !== b.nameParts.length || a.nameParts.some((n, i) => n !== b.nameParts[i])) return undefined;
  return { name: a.nameParts, planId: a.planId, op: e.name };
}

/**
 * Resolves a join condition. Spark's SPARK-6231 rule for self-joins: `df.join(df, df.k == df.k)`
 * means the left's k equals the right's k (not a condition that is always true), so such an
 * equality resolves its left operand on the left input and its right operand on the right.
 * In a direct self-join (`df.join(df, df.x == 1)`) an equality of a column with a constant
 * takes the left's column: it does not matter which side it comes from. Those equalities are
 * resolved first and stand in the tree as placeholder literals, which resolution returns as
 * they are; the rest of the condition resolves over both inputs.
 */
function resolveJoinCondition(cond: ParsedExpr, scope: Scope, leftScope: Scope, rightScope: Scope, directSelfJoin: boolean): Expr {
  const placed = new Map<Literal, Expr>();
  const place = (e: ParsedExpr): ParsedExpr => {
    const eq = sameFrameEquality(e);
    if (eq !== undefined) {
      let l: AttributeRef;
      let r: AttributeRef;
      try {
        l = resolveColumn(eq.name, eq.planId, leftScope);
        r = resolveColumn(eq.name, eq.planId, rightScope);
      } catch {
        return e; // the frame is on one side only: an ordinary condition
      }
      const stand: Literal = { kind: "Literal", value: true, dataType: BooleanType };
      placed.set(stand, scalar(eq.op).resolve(eq.op, [l, r]));
      return stand;
    }
    const k = directSelfJoin ? frameEqualsConstant(e) : undefined;
    if (k !== undefined) {
      const l = resolveColumn(k.name, k.planId, leftScope);
      const c = resolveExpr(k.constant, scope);
      const stand: Literal = { kind: "Literal", value: true, dataType: BooleanType };
      placed.set(stand, scalar(k.op).resolve(k.op, k.attrFirst ? [l, c] : [c, l]));
      return stand;
    }
    if (e.kind === "UnresolvedFunction" && (e.name === "and" || e.name === "or" || e.name === "not")) return { ...e, args: e.args.map(place) };
    return e;
  };
  const resolved = resolveExpr(place(cond), scope);
  if (placed.size === 0) return resolved;
  let swapped = 0;
  const out = transformExpr(resolved, (x) => {
    const hit = x.kind === "Literal" ? placed.get(x) : undefined;
    if (hit === undefined) return x;
    swapped++;
    return hit;
  });
  if (swapped !== placed.size || exprExists(out, (x) => x.kind === "Literal" && placed.has(x))) throw new InternalError("self-join condition lost a resolved equality");
  return out;
}

/** The using-join keys that the output drops but `df["k"]` may still name (Spark's hidden output). */
function hiddenKeys(keys: readonly (readonly [AttributeRef, AttributeRef])[], keyExprs: readonly Expr[], byId: ReadonlyMap<number, AttributeRef>): AttributeRef[] {
  const shown = new Set(keyExprs.map((e) => (e.kind === "AttributeRef" ? e.exprId : -1)));
  return keys.flatMap(([l, r]) => [byId.get(l.exprId), byId.get(r.exprId)]).filter((a): a is AttributeRef => a !== undefined && !shown.has(a.exprId));
}

/**
 * Join: the condition resolves over both sides (planId references pick their frame). A join on
 * `usingColumns` becomes an equi-join plus a Project with each key once, Spark's order: keys, then
 * the left's other columns, then the right's; a full outer join's key is coalesce(left, right).
 */
export function resolveJoin(p: ParsedJoin, ctx: AnalyzerCtx): Resolved {
  if (p.orElse === undefined) return resolveJoinHere(p, ctx);
  try {
    return resolveJoinHere(p, ctx);
  } catch (e) {
    // the subquery's columns are the other input's (ParsedJoin.orElse)
    if (!(e instanceof AnalysisException && e.errorClass.startsWith("UNRESOLVED_COLUMN"))) throw e;
    return resolveJoin(p.orElse, ctx);
  }
}

function resolveJoinHere(p: ParsedJoin, ctx: AnalyzerCtx): Resolved {
  const left = ctx.resolve(p.left);
  const right = dedupRight(left, ctx.resolve(p.right));
  const planIds = mergePlanIds(left.planIds, right.planIds);
  const lOut = outputOf(left.plan);
  const rOut = outputOf(right.plan);
  const base = { caseSensitive: ctx.caseSensitive, ansi: ctx.ansi, operator: "Join", ...(ctx.timeZone === undefined ? {} : { timeZone: ctx.timeZone }), ...sessionFunctionsOf(ctx) };
  const scope: Scope = { ...base, attrs: [...lOut, ...rOut], planIds };
  const joinType = p.joinType === "cross" && p.condition !== undefined ? "inner" : p.joinType;
  const hint = joinHintOf(p.left, p.right);
  // NATURAL JOIN: a using-join on the left's columns that the right also has, in the left's order.
  const using = p.natural === true ? lOut.filter((a) => rOut.some((b) => sameName(a.name, b.name, ctx.caseSensitive))).map((a) => a.name) : p.usingColumns;
  if (using === undefined || using.length === 0) {
    const sides = (r: Resolved): Scope => ({ ...base, attrs: outputOf(r.plan), planIds: r.planIds });
    const condition = p.condition === undefined ? undefined : resolveJoinCondition(p.condition, scope, sides(left), sides(right), p.left.planId !== undefined && p.left.planId === p.right.planId);
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
  return { plan: project(node, [...keyExprs, ...rest]), planIds, hidden: hiddenKeys(keys, keyExprs, byId) };
}
