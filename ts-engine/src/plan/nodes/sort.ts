import type { SortOrder } from "../../expr/expr.js";
import type { LogicalPlan, Sort } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkNoAgg, checkReads, invariant } from "./check.js";

/** Sorts `input` by `orders` (each a SortOrder over its attributes), globally or within partitions. */
export function sort(input: LogicalPlan, orders: readonly SortOrder[], global: boolean): Sort {
  for (const o of orders) invariant(o.kind === "SortOrder", "Sort", () => `key is a ${o.kind}`);
  checkNoAgg(orders, "Sort");
  checkReads(orders, outputOf(input), "Sort");
  return Object.freeze({ kind: "Sort", input, orders, global });
}
