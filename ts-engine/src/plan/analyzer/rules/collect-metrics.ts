import { AnalysisException } from "../../../errors/spark-exception.js";
import type { Alias, Expr } from "../../../expr/expr.js";
import { quotedSql } from "../../../expr/functions/function-def.js";
import { isNondeterministicFunction } from "../../../expr/functions/registry.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import { exprChildren } from "../../../expr/transform.js";
import { collectMetrics } from "../../nodes/index.js";
import type { ParsedCollectMetrics } from "../../parsed-plan.js";
import { scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { named } from "../naming.js";
import { resolveExpanding } from "../resolve-expanding.js";

/**
 * Spark's CheckAnalysis of a metric: no window, no aggregate inside an aggregate, no DISTINCT
 * or FILTER, and attributes and non-deterministic calls only as an aggregate's arguments
 * (a literal metric is fine). `metric` is the whole named metric, which the error quotes.
 */
function checkMetric(metric: Expr, e: Expr, seenAggregate: boolean): void {
  const fail = (sub: string): never => {
    throw new AnalysisException(`INVALID_OBSERVED_METRICS.${sub}`, { expr: quotedSql(metric) });
  };
  switch (e.kind) {
    case "WindowExpression":
      return fail("WINDOW_EXPRESSIONS_UNSUPPORTED");
    case "AggCall":
      if (seenAggregate) return fail("NESTED_AGGREGATES_UNSUPPORTED");
      if (e.isDistinct) return fail("AGGREGATE_EXPRESSION_WITH_DISTINCT_UNSUPPORTED");
      if (e.filter !== undefined) return fail("AGGREGATE_EXPRESSION_WITH_FILTER_UNSUPPORTED");
      for (const c of e.args) checkMetric(metric, c, true);
      return;
    case "AttributeRef":
      if (!seenAggregate) fail("NON_AGGREGATE_FUNC_ARG_IS_ATTRIBUTE");
      return;
    case "ScalarCall":
      if (!seenAggregate && isNondeterministicFunction(e.fn)) fail("NON_AGGREGATE_FUNC_ARG_IS_NON_DETERMINISTIC");
      break;
    default:
      break;
  }
  for (const c of exprChildren(e)) checkMetric(metric, c, seenAggregate);
}

/** `df.observe(...)`: the metrics resolved over the input and named (`count(1)` when unaliased), then checked. */
export function resolveCollectMetrics(p: ParsedCollectMetrics, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  const metrics = p.metrics.flatMap((m) => {
    try {
      return resolveExpanding([m], scope).map(named);
    } catch (e) {
      // an aggregate inside an aggregate: Spark's check of the metric names it, not the generic error
      if (e instanceof AnalysisException && e.errorClass === "NESTED_AGGREGATE_FUNCTION") {
        throw new AnalysisException("INVALID_OBSERVED_METRICS.NESTED_AGGREGATES_UNSUPPORTED", { expr: `"${exprPrettySql(m)}"` });
      }
      throw e;
    }
  });
  for (const m of metrics) checkMetric(m, m, false);
  // an unaliased attribute fails the check above, so every metric is an Alias here
  const aliases = metrics.filter((m): m is Alias => m.kind === "Alias");
  return { plan: collectMetrics(child.plan, p.name, aliases, p.observationId), planIds: child.planIds };
}
