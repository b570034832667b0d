import { IllegalArgumentException } from "../../../errors/spark-exception.js";
import type { SortOrder } from "../../../expr/expr.js";
import { doubleToString } from "../../../expr/eval/to-string.js";
import { isOrderable } from "../../../types/orderable.js";
import { sample, sort } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { ParsedSample } from "../../parsed-plan.js";
import type { AnalyzerCtx, Resolved } from "../context.js";

/** Spark's Sample requirements, checked as its constructor does (IllegalArgumentException). */
function checkBounds(p: ParsedSample): void {
  const eps = 1e-6; // RandomSampler.roundingEpsilon
  if (p.withReplacement) {
    if (!(p.upperBound - p.lowerBound >= 0 - eps)) {
      throw new IllegalArgumentException(`requirement failed: Sampling fraction (${doubleToString(p.upperBound - p.lowerBound)}) must be nonnegative with replacement`);
    }
  } else if (!(p.lowerBound >= 0 - eps && p.upperBound <= 1 + eps && p.lowerBound <= p.upperBound)) {
    throw new IllegalArgumentException(`requirement failed: Sampling fraction (${doubleToString(p.upperBound - p.lowerBound)}) must be on interval [0, 1] without replacement`);
  }
}

/**
 * df.sample / randomSplit: a Sample over the input; with `deterministicOrder` over the input
 * sorted within each partition on its orderable columns (Spark's randomSplit, so each split
 * piece draws for the same rows in the same order).
 */
export function resolveSample(p: ParsedSample, ctx: AnalyzerCtx): Resolved {
  checkBounds(p);
  const child = ctx.resolve(p.input);
  let input = child.plan;
  if (p.deterministicOrder === true) {
    const orders: SortOrder[] = outputOf(input)
      .filter((a) => isOrderable(a.dataType))
      .map((a) => ({ kind: "SortOrder", child: a, ascending: true, nullsFirst: true }));
    if (orders.length > 0) input = sort(input, orders, false);
  }
  return { plan: sample(input, Math.max(0, p.lowerBound), p.upperBound, p.withReplacement, p.seed), planIds: child.planIds };
}
