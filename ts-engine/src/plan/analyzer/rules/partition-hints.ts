import { AnalysisException, IllegalArgumentException } from "../../../errors/spark-exception.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { repartition } from "../../nodes/index.js";
import { isPartitionHint } from "../../partition-hint-names.js";
import type { ParsedHint } from "../../parsed-plan.js";
import { scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { resolveExpr } from "../resolve-expr.js";
import { resolveRepartition } from "./repartition.js";


/**
 * Spark's ResolveCoalesceHints: `COALESCE(n)` is coalesce(n); `REPARTITION(n)` round robin;
 * `REPARTITION([n,] cols…)` hash partitioning and `REPARTITION_BY_RANGE([n,] cols…)` range
 * partitioning (ascending) on the named columns; `REBALANCE([n,] [cols…])` Spark's
 * RebalancePartitions. A leading integer is the partition count; every other parameter must
 * name a column (_LEGACY_ERROR_TEMP_1047), and COALESCE takes exactly the count
 * (_LEGACY_ERROR_TEMP_1048). Null for any other hint.
 */
export function resolvePartitionHint(p: ParsedHint, ctx: AnalyzerCtx): Resolved | null {
  const hintName = p.name.toUpperCase();
  if (!isPartitionHint(hintName)) return null;
  const params = p.parameters;
  const first = params[0];
  const n = typeof first === "number" && Number.isInteger(first) ? first : undefined;
  const rest = n === undefined ? params : params.slice(1);
  const columns = (): ParsedExpr[] => {
    const invalid = rest.filter((x) => typeof x !== "string");
    if (invalid.length > 0) throw markWithoutPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1047", { hintName, invalidParams: invalid.map((x) => `"${x}"`).join(", ") }));
    return rest.map((x): ParsedExpr => ({ kind: "UnresolvedAttribute", nameParts: [String(x)] }));
  };
  const byNumber = n !== undefined && params.length === 1;
  switch (hintName) {
    case "COALESCE":
      if (!byNumber) throw markWithoutPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1048", { hintName }));
      return resolveRepartition({ kind: "Repartition", input: p.input, numPartitions: n, shuffle: false }, ctx);
    case "REPARTITION":
      if (byNumber) return resolveRepartition({ kind: "Repartition", input: p.input, numPartitions: n, shuffle: true }, ctx);
      return resolveRepartition({ kind: "RepartitionByExpression", input: p.input, partitionExprs: columns(), ...(n === undefined ? {} : { numPartitions: n }) }, ctx);
    case "REPARTITION_BY_RANGE": {
      const orders = columns().map((child): ParsedExpr => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true }));
      return resolveRepartition({ kind: "RepartitionByExpression", input: p.input, partitionExprs: orders, ...(n === undefined ? {} : { numPartitions: n }) }, ctx);
    }
    default: {
      // REBALANCE
      const cols = columns();
      const child = ctx.resolve(p.input);
      if (n !== undefined && n <= 0) throw new IllegalArgumentException(`requirement failed: Number of partitions (${n}) must be positive.`);
      const scope = scopeOf(child, ctx);
      const exprs = cols.map((e) => resolveExpr(e, scope));
      return { plan: repartition(child.plan, { kind: "rebalance", exprs }, n), planIds: child.planIds };
    }
  }
}
