import { doubleToString } from "../expr/eval/to-string.js";

/** Spark's `Sample 0.0, 0.5, false, 42` (logical and physical alike; bounds as Java prints doubles). */
export function sampleText(p: { readonly lowerBound: number; readonly upperBound: number; readonly withReplacement: boolean; readonly seed: bigint }): string {
  return `Sample ${doubleToString(p.lowerBound)}, ${doubleToString(p.upperBound)}, ${p.withReplacement}, ${p.seed}`;
}
