import type { AnalysisException } from "../../errors/spark-exception.js";
import { isWithoutPlan, markWithoutPlan } from "../../errors/without-plan.js";

/** Marks an error that Spark raises without appending the plan to its message (resolution-time errors). */
export function noPlan(e: AnalysisException): AnalysisException {
  return markWithoutPlan(e);
}

/** Whether Spark's message for this error ends with `;` and the plan (CheckAnalysis errors do). */
export function wantsPlan(e: AnalysisException): boolean {
  return !isWithoutPlan(e) && !e.message.includes(";\n");
}
