import type { Limit, LogicalPlan } from "../logical-plan.js";
import { invariant } from "./check.js";

/** The first `n` rows; a negative limit is rejected earlier (INVALID_LIMIT_LIKE_EXPRESSION). */
export function limit(input: LogicalPlan, n: number): Limit {
  invariant(Number.isInteger(n) && n >= 0, "Limit", () => `n = ${n}`);
  return Object.freeze({ kind: "Limit", input, n });
}
