import { IllegalArgumentException } from "../../../errors/spark-exception.js";
import type { Expr, SortOrder } from "../../../expr/expr.js";
import { exprToString } from "../../../expr/expr-string.js";
import type { ParsedRepartition, ParsedRepartitionByExpression } from "../../parsed-plan.js";
import { repartition } from "../../nodes/index.js";
import { scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { resolveExpr } from "../resolve-expr.js";

/** Spark's `require(numPartitions > 0, …)` in Repartition and RepartitionByExpression. */
function checkPositive(n: number | undefined): void {
  if (n !== undefined && n <= 0) throw new IllegalArgumentException(`requirement failed: Number of partitions (${n}) must be positive.`);
}

/**
 * `repartition` / `coalesce` / `repartitionByRange` as Spark's analyzer leaves them: round
 * robin or coalesce by number; by expression, range partitioning when every key is a
 * SortOrder and hash partitioning when none is (Spark rejects a mix).
 */
export function resolveRepartition(p: ParsedRepartition | ParsedRepartitionByExpression, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  checkPositive(p.numPartitions);
  if (p.kind === "Repartition") {
    return { plan: repartition(child.plan, { kind: p.shuffle ? "roundRobin" : "coalesce" }, p.numPartitions), planIds: child.planIds };
  }
  const scope = scopeOf(child, ctx);
  const keys: Expr[] = p.partitionExprs.map((e) => resolveExpr(e, scope));
  const orders = keys.filter((k): k is SortOrder => k.kind === "SortOrder");
  if (orders.length > 0 && orders.length < keys.length) {
    const others = keys.filter((k) => k.kind !== "SortOrder");
    throw new IllegalArgumentException(
      `requirement failed: ${orders.map(exprToString).join(", ")} are SortOrder expressions and ${others.map(exprToString).join(", ")} are not; ` +
        "RepartitionByExpression expects all SortOrder expressions or none.",
    );
  }
  if (keys.length === 0) {
    // no keys: Spark's RepartitionByExpression partitions round robin
    return { plan: repartition(child.plan, { kind: "roundRobin" }, p.numPartitions), planIds: child.planIds };
  }
  const scheme = orders.length > 0 ? { kind: "range" as const, orders } : { kind: "hash" as const, exprs: keys };
  return { plan: repartition(child.plan, scheme, p.numPartitions), planIds: child.planIds };
}
