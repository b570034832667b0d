import { analyze } from "../plan/analyzer/analyzer.js";
import { canonicalPlanString, semanticHash } from "../plan/canonical.js";
import type { LogicalPlan } from "../plan/logical-plan.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { planChildren } from "../plan/transform.js";
import { localPath } from "../io/file-index.js";
import type { ExecContext } from "../exec/exec-context.js";
import { analyzeOptions, analyzeWithCachedData } from "./query-engine.js";

/** `df.semanticHash()`: the hash of the analyzed plan's canonical form (Dataset.semanticHash). */
export function semanticHashQuery(plan: ParsedPlan, ctx: ExecContext): number {
  return semanticHash(analyze(plan, analyzeOptions(ctx)));
}

/** `df.sameSemantics(other)`: whether both analyzed plans canonicalize alike (Dataset.sameSemantics). */
export function sameSemanticsQuery(plan: ParsedPlan, other: ParsedPlan, ctx: ExecContext): boolean {
  const opts = analyzeOptions(ctx);
  return canonicalPlanString(analyze(plan, opts)) === canonicalPlanString(analyze(other, opts));
}

/**
 * `df.inputFiles()`: every file the plan's file relations list (Dataset.inputFiles: each
 * relation's whole listing, not only the partitions a filter keeps), as Path.toUri gives
 * them (`file:///abs/path`), each once, in the order first met. A cached subtree reads no
 * files: Spark walks the plan with its cached data substituted.
 */
export function inputFilesQuery(plan: ParsedPlan, ctx: ExecContext): string[] {
  const files = new Set<string>();
  const visit = (p: LogicalPlan): void => {
    if (p.kind === "FileScan") for (const f of p.relation.index.files) files.add(`file://${localPath(f.path)}`);
    for (const c of planChildren(p)) visit(c);
  };
  visit(analyzeWithCachedData(plan, ctx));
  return [...files];
}

/**
 * `df.isLocal()` (Dataset.isLocal: the analyzed plan is a LocalRelation): SQL text that is an
 * inline table (`VALUES …`, Spark's LocalRelation; tspark plans it as a union of one-row
 * projections). A client's createDataFrame is not: classic PySpark ships its rows as an RDD
 * (a LogicalRDD), and tspark's client answers for the frames of command results itself.
 */
export function isLocalQuery(plan: ParsedPlan, _ctx: ExecContext): boolean {
  return plan.kind === "Sql" && /^\s*values\b/i.test(plan.query);
}
