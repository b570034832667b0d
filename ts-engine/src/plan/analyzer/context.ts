import type { AttributeRef } from "../../expr/expr.js";
import type { LogicalPlan } from "../logical-plan.js";
import type { ParsedPlan } from "../parsed-plan.js";
import { outputOf } from "../output.js";
import type { Scope, SessionFunctionLookup } from "./scope.js";
import type { FrameOutput, PlanIdMap } from "./frame-output.js";

export type { FrameOutput, PlanIdMap } from "./frame-output.js";

/** A resolved subtree and the outputs of its planId-carrying nodes (for `df["col"]` references). */
export interface Resolved {
  readonly plan: LogicalPlan;
  readonly planIds: PlanIdMap;
  /**
   * Columns the node's parent may still name although the output dropped them (Spark's
   * Project hidden output): a using-join's key columns of both sides, so `df2["k"]` works
   * after `df1.join(df2, "k")`.
   */
  readonly hidden?: readonly AttributeRef[];
}

/** A catalog relation the analyzer resolves a name to: its plan, and the qualifier its columns get. */
export interface ResolvedRelationName {
  readonly plan: ParsedPlan;
  readonly qualifier: readonly string[];
}

/** The session catalog as the analyzer sees it (catalog/session-catalog.ts implements it). */
export interface RelationLookup {
  lookupRelation(nameParts: readonly string[]): ResolvedRelationName | undefined;
}

/** What analyzer rules need: settings and recursion into child plans. */
export interface AnalyzerCtx {
  /** Tables and views by name; absent = none (FROM t raises TABLE_OR_VIEW_NOT_FOUND). */
  readonly relations?: RelationLookup;
  readonly caseSensitive: boolean;
  /** spark.sql.session.timeZone, for TIMESTAMP '…' literals in SQL text. */
  readonly timeZone?: string;
  /** spark.sql.ansi.enabled (casts analysis accepts). */
  readonly ansi: boolean;
  /** Functions registered for the session (`spark.udf.register`); absent = none. */
  readonly sessionFunctions?: SessionFunctionLookup;
  /** spark.sql.decimalOperations.allowPrecisionLoss (decimal arithmetic's result types); true when absent. */
  readonly decimalAllowPrecisionLoss?: boolean;
  resolve(plan: ParsedPlan): Resolved;
}

/** The scope expressions over `r` resolve in. */
export function scopeOf(r: Resolved, ctx: AnalyzerCtx): Scope {
  return { attrs: outputOf(r.plan), planIds: r.planIds, caseSensitive: ctx.caseSensitive, timeZone: ctx.timeZone, ansi: ctx.ansi, decimalAllowPrecisionLoss: ctx.decimalAllowPrecisionLoss ?? true, ...sessionFunctionsOf(ctx), ...(r.hidden === undefined ? {} : { hidden: r.hidden }) };
}

/** The `sessionFunctions` field of a scope made from `ctx` (none when the session has none). */
export function sessionFunctionsOf(ctx: AnalyzerCtx): { readonly sessionFunctions?: SessionFunctionLookup } {
  return ctx.sessionFunctions === undefined ? {} : { sessionFunctions: ctx.sessionFunctions };
}

/** Merges planId maps of several children (the first child's frames first). */
export function mergePlanIds(...maps: PlanIdMap[]): Map<number, readonly FrameOutput[]> {
  const out = new Map<number, readonly FrameOutput[]>();
  for (const m of maps) for (const [k, v] of m) out.set(k, [...(out.get(k) ?? []), ...v]);
  return out;
}

/**
 * The planIds of a node's subtree as its parent sees them: one level deeper, and the node's
 * own planId (if any) its output at depth 0, hiding the same planId further down (Spark
 * Connect stops at the first node that carries the planId).
 */
export function framesBelow(planIds: PlanIdMap, planId: number | undefined, output: readonly AttributeRef[]): PlanIdMap {
  const out = new Map<number, readonly FrameOutput[]>();
  for (const [k, v] of planIds) out.set(k, v.map((f) => ({ attrs: f.attrs, depth: f.depth + 1 })));
  if (planId !== undefined) out.set(planId, [{ attrs: output, depth: 0 }]);
  return out;
}

/** Case-(in)sensitive name equality per `spark.sql.caseSensitive`. */
export function sameName(a: string, b: string, caseSensitive: boolean): boolean {
  return caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
}
