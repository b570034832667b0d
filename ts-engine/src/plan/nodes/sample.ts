import type { LogicalPlan, Sample } from "../logical-plan.js";
import { invariant } from "./check.js";

/** Sample: bounds within [0, 1] without replacement (any non-negative fraction with it), lower ≤ upper. */
export function sample(input: LogicalPlan, lowerBound: number, upperBound: number, withReplacement: boolean, seed: bigint): Sample {
  invariant(lowerBound >= 0 && lowerBound <= upperBound, "Sample", () => `bounds [${lowerBound}, ${upperBound})`);
  invariant(withReplacement || upperBound <= 1 + 1e-6, "Sample", () => `upper bound ${upperBound} without replacement`);
  return Object.freeze({ kind: "Sample", input, lowerBound, upperBound, withReplacement, seed });
}
