import type { LogicalPlan, Offset } from "../logical-plan.js";
import { invariant } from "./check.js";

/** The rows after the first `n`; a negative offset is rejected earlier (INVALID_LIMIT_LIKE_EXPRESSION). */
export function offset(input: LogicalPlan, n: number): Offset {
  invariant(Number.isInteger(n) && n >= 0, "Offset", () => `n = ${n}`);
  return Object.freeze({ kind: "Offset", input, n });
}
