import type { AttributeRef } from "../../expr/expr.js";
import type { LogicalPlan } from "../logical-plan.js";
import type { ParsedPlan } from "../parsed-plan.js";
import { outputOf } from "../output.js";
import type { Scope, SessionFunctionLookup } from "./scope.js";

/** A resolved subtree and the outputs of its planId-carrying nodes (for `df["col"]` references). */
export interface Resolved {
  readonly plan: LogicalPlan;
  readonly planIds: ReadonlyMap<number, readonly AttributeRef[]>;
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
  resolve(plan: ParsedPlan): Resolved;
}

/** The scope expressions over `r` resolve in. */
export function scopeOf(r: Resolved, ctx: AnalyzerCtx): Scope {
  return { attrs: outputOf(r.plan), planIds: r.planIds, caseSensitive: ctx.caseSensitive, timeZone: ctx.timeZone, ansi: ctx.ansi, ...sessionFunctionsOf(ctx) };
}

/** The `sessionFunctions` field of a scope made from `ctx` (none when the session has none). */
export function sessionFunctionsOf(ctx: AnalyzerCtx): { readonly sessionFunctions?: SessionFunctionLookup } {
  return ctx.sessionFunctions === undefined ? {} : { sessionFunctions: ctx.sessionFunctions };
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
