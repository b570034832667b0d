import type { AttributeRef } from "../../expr/expr.js";
import type { LogicalPlan } from "../logical-plan.js";
import type { ParsedPlan } from "../parsed-plan.js";
import { outputOf } from "../output.js";
import type { Scope } from "./scope.js";

/** A resolved subtree and the outputs of its planId-carrying nodes (for `df["col"]` references). */
export interface Resolved {
  readonly plan: LogicalPlan;
  readonly planIds: ReadonlyMap<number, readonly AttributeRef[]>;
}

/** What analyzer rules need: settings and recursion into child plans. */
export interface AnalyzerCtx {
  readonly caseSensitive: boolean;
  /** spark.sql.session.timeZone, for TIMESTAMP '…' literals in SQL text. */
  readonly timeZone?: string;
  /** spark.sql.ansi.enabled (casts analysis accepts). */
  readonly ansi: boolean;
  resolve(plan: ParsedPlan): Resolved;
}

/** The scope expressions over `r` resolve in. */
export function scopeOf(r: Resolved, ctx: AnalyzerCtx): Scope {
  return { attrs: outputOf(r.plan), planIds: r.planIds, caseSensitive: ctx.caseSensitive, timeZone: ctx.timeZone, ansi: ctx.ansi };
}

/** Merges planId maps of several children. */
export function mergePlanIds(...maps: ReadonlyMap<number, readonly AttributeRef[]>[]): Map<number, readonly AttributeRef[]> {
  const out = new Map<number, readonly AttributeRef[]>();
  for (const m of maps) for (const [k, v] of m) out.set(k, v);
  return out;
}

/** Case-(in)sensitive name equality per `spark.sql.caseSensitive`. */
export function sameName(a: string, b: string, caseSensitive: boolean): boolean {
  return caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
}
