import type { Expr } from "../../expr/expr.js";
import { assertNever } from "../../errors/assert-never.js";
import type { LogicalPlan, Repartition, RepartitionScheme } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkNoAgg, checkReads, invariant } from "./check.js";

/**
 * Redistributes `input` by `scheme` into `numPartitions` (≥ 1) partitions, or, by
 * shuffle, spark.sql.shuffle.partitions when absent; keys read only the input's attributes.
 */
export function repartition(input: LogicalPlan, scheme: RepartitionScheme, numPartitions: number | undefined): Repartition {
  invariant(numPartitions === undefined || (Number.isInteger(numPartitions) && numPartitions >= 1), "Repartition", () => `numPartitions is ${numPartitions}`);
  invariant(numPartitions !== undefined || scheme.kind !== "coalesce", "Repartition", () => "coalesce without numPartitions");
  const keys = repartitionKeys(scheme);
  if (scheme.kind === "range") for (const o of scheme.orders) invariant(o.kind === "SortOrder", "Repartition", () => `range key is a ${o.kind}`);
  checkNoAgg(keys, "Repartition");
  checkReads(keys, outputOf(input), "Repartition");
  return Object.freeze({ kind: "Repartition", input, scheme, ...(numPartitions === undefined ? {} : { numPartitions }) });
}

/** The expressions a repartition scheme reads (its keys; none for round robin and coalesce). */
export function repartitionKeys(scheme: RepartitionScheme): readonly Expr[] {
  switch (scheme.kind) {
    case "hash":
    case "rebalance":
      return scheme.exprs;
    case "range":
      return scheme.orders;
    case "roundRobin":
    case "coalesce":
      return [];
    default:
      return assertNever(scheme);
  }
}
