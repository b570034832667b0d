import type { SessionCatalog } from "../catalog/session-catalog.js";
import { GLOBAL_TEMP_DATABASE } from "../catalog/session-catalog.js";
import { AnalysisException, InternalError } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { lookupFunction, registeredFunctionNames } from "../expr/functions/registry.js";
import { analyze } from "../plan/analyzer/analyzer.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { StorageLevel } from "../plan/storage-level.js";
import { schemaOf } from "../plan/output.js";
import { simpleString } from "../types/type-names.js";
import { analyzeOptions, persistQuery, storageLevelQuery, unpersistQuery } from "./query-engine.js";

/** The session's catalog (every engine session has one). */
export function catalogOf(ctx: ExecContext): SessionCatalog {
  if (ctx.catalog === undefined) throw new InternalError("this session has no catalog");
  return ctx.catalog;
}

/** Spark's SHOW … LIKE pattern: `*` any characters, `|` alternatives, case-insensitive. */
export function likePattern(pattern: string): RegExp {
  const alts = pattern.split("|").map((p) => p.trim().replace(/[.+?^${}()[\]\\]/g, "\\$&").replace(/\*/g, ".*"));
  return new RegExp(`^(?:${alts.join("|")})$`, "i");
}

/** A temp view, global temp view, or TABLE_OR_VIEW_NOT_FOUND (with the name as Spark prints it). */
export function relationPlan(nameParts: readonly string[], ctx: ExecContext): ParsedPlan {
  const hit = catalogOf(ctx).lookupRelation(nameParts);
  if (hit === undefined) throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(nameParts) });
  return hit.plan;
}

/** One column as catalog.listColumns / DESCRIBE list it. */
export interface ColumnInfo {
  readonly name: string;
  readonly dataType: string;
  readonly nullable: boolean;
}

/** The columns of a table or view. */
export function relationColumns(nameParts: readonly string[], ctx: ExecContext): ColumnInfo[] {
  return planColumns(relationPlan(nameParts, ctx), ctx);
}

/** The columns of a plan, analyzed. */
export function planColumns(plan: ParsedPlan, ctx: ExecContext): ColumnInfo[] {
  return schemaOf(analyze(plan, analyzeOptions(ctx))).fields.map((f) => ({ name: f.name, dataType: simpleString(f.dataType), nullable: f.nullable }));
}

/** One function as catalog.listFunctions / SHOW FUNCTIONS list it. */
export interface FunctionInfo {
  readonly name: string;
  readonly description: string;
}

/** The functions of the registry (Spark's built-ins are "temporary"), filtered by a SHOW pattern. */
export function listFunctions(pattern?: string): FunctionInfo[] {
  const re = pattern === undefined ? undefined : likePattern(pattern);
  return registeredFunctionNames()
    .filter((n) => re === undefined || re.test(n))
    .map((name) => {
      const d = lookupFunction(name)?.doc;
      return { name, description: d === undefined ? "" : `${d.usage} - ${d.description}` };
    });
}

/** `DESCRIBE FUNCTION f` rows: Spark's `Function:`, `Class:`, `Usage:` lines (no JVM class here). */
export function describeFunction(name: string): string[] {
  const def = lookupFunction(name);
  if (def === undefined) {
    throw new AnalysisException("UNRESOLVED_ROUTINE", { routineName: `\`${name}\``, searchPath: "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]" });
  }
  return [`Function: ${name}`, `Usage: ${def.doc.usage} - ${def.doc.description}`];
}

/** `CACHE TABLE t` / catalog.cacheTable: the view's plan is cached, so every later read of it hits. */
export function cacheTable(nameParts: readonly string[], level: StorageLevel, ctx: ExecContext): void {
  persistQuery(relationPlan(nameParts, ctx), level, ctx);
}

/** `UNCACHE TABLE t` / catalog.uncacheTable: an unknown name fails at once; the entry goes at once, its blocks after. */
export function uncacheTable(nameParts: readonly string[], ctx: ExecContext): Promise<void> {
  return unpersistQuery(relationPlan(nameParts, ctx), ctx);
}

/** catalog.isCached(t). */
export function isCached(nameParts: readonly string[], ctx: ExecContext): boolean {
  const level = storageLevelQuery(relationPlan(nameParts, ctx), ctx);
  return level.useMemory || level.useDisk || level.useOffHeap;
}

/** `CLEAR CACHE` / catalog.clearCache(): drops every cached query of the engine. */
export async function clearCache(ctx: ExecContext): Promise<void> {
  await ctx.services.cache?.clear();
}

/** The default level of `CACHE TABLE` and catalog.cacheTable (Spark's MEMORY_AND_DISK). */
export const TABLE_CACHE_LEVEL: StorageLevel = StorageLevel.MEMORY_AND_DISK;

/** tableExists(name, db): a temp view, a global temp view (`global_temp`), or a table of the warehouse. */
export function tableExists(nameParts: readonly string[], ctx: ExecContext): boolean {
  const catalog = catalogOf(ctx);
  if (nameParts.length === 1 && catalog.tempViews.has(nameParts[0]!)) return true;
  if (nameParts.length === 2 && nameParts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE) return catalog.globalTempViews.has(nameParts[1]!);
  return catalog.getTable(nameParts) !== undefined;
}

/** `e` with Spark's `; line L pos P` of where the statement named its table. */
export function atName<E extends Error>(e: E, origin: { readonly line: number; readonly pos: number } | undefined): E {
  if (origin !== undefined) e.message += `; line ${origin.line} pos ${origin.pos}`;
  return e;
}
