import type { SqlConf } from "../../conf/sql-conf.js";
import type { LogicalPlan, Repartition } from "../../plan/logical-plan.js";
import { repartition } from "../../plan/nodes/index.js";
import { transformPlanUp } from "../../plan/transform.js";
import type { OptimizerRule } from "../rule.js";

/** Spark's Repartition (round robin by number, or coalesce: shuffle false) as opposed to RepartitionByExpression and RebalancePartitions. */
const byNumber = (r: Repartition): boolean => r.scheme.kind === "roundRobin" || r.scheme.kind === "coalesce";

/** Spark's RepartitionOperation: every repartition but a rebalance. */
const isRepartitionOperation = (p: LogicalPlan): p is Repartition => p.kind === "Repartition" && p.scheme.kind !== "rebalance";

/** A repartition's partition count (spark.sql.shuffle.partitions when it names none). */
function partitionsOf(r: Repartition, conf: SqlConf | undefined): number {
  const n = conf?.getNumber("spark.sql.shuffle.partitions") ?? 200;
  return r.numPartitions ?? (Number.isInteger(n) && n > 0 ? n : 200);
}

/**
 * Spark's CollapseRepartition: a repartition over another redistributes rows already
 * redistributed, so the lower one goes. (1) A round robin or coalesce over a repartition
 * drops it, except a coalesce over a shuffle, which stays, or gives way to the shuffle when
 * it would not reduce its count. (2) A repartition by expression drops a global sort or a
 * repartition below it. (3) A rebalance drops any sort, repartition or rebalance below it.
 */
export const collapseRepartition: OptimizerRule = {
  name: "CollapseRepartition",
  apply(plan: LogicalPlan, conf?: SqlConf): LogicalPlan {
    return transformPlanUp(plan, (p) => {
      if (p.kind !== "Repartition") return p;
      const c = p.input;
      const over = (input: LogicalPlan): LogicalPlan => repartition(input, p.scheme, p.numPartitions);
      if (byNumber(p)) {
        if (!isRepartitionOperation(c)) return p;
        // coalesce over a shuffle: the shuffle alone when the coalesce would not shrink it
        if (p.scheme.kind === "coalesce" && c.scheme.kind !== "coalesce") return partitionsOf(p, conf) >= partitionsOf(c, conf) ? c : p;
        return over(c.input);
      }
      if (p.scheme.kind === "rebalance") return c.kind === "Sort" || c.kind === "Repartition" ? over(c.input) : p;
      return (c.kind === "Sort" && c.global) || isRepartitionOperation(c) ? over(c.input) : p;
    });
  },
};
