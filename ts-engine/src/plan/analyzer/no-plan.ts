import type { AnalysisException } from "../../errors/spark-exception.js";

const WITHOUT_PLAN = new WeakSet<AnalysisException>();

/** Marks an error that Spark raises without appending the plan to its message (resolution-time errors). */
export function noPlan(e: AnalysisException): AnalysisException {
  WITHOUT_PLAN.add(e);
  return e;
}

/** Whether Spark's message for this error ends with `;` and the plan (CheckAnalysis errors do). */
export function wantsPlan(e: AnalysisException): boolean {
  return !WITHOUT_PLAN.has(e) && !e.message.includes(";\n");
}
