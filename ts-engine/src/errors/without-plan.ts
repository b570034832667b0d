import type { SparkException } from "./spark-exception.js";

const WITHOUT_PLAN = new WeakSet<SparkException>();

/**
 * Marks an analysis error that Spark raises during resolution, so its message gets no `;` and
 * plan appended (ExtractValue's FIELD_NOT_FOUND, INVALID_EXTRACT_BASE_FIELD_TYPE …). Lives
 * with the errors so expression resolvers, below the analyzer, can mark theirs.
 */
export function markWithoutPlan<E extends SparkException>(e: E): E {
  WITHOUT_PLAN.add(e);
  return e;
}

/** Whether `e` was marked by markWithoutPlan. */
export function isWithoutPlan(e: SparkException): boolean {
  return WITHOUT_PLAN.has(e);
}
