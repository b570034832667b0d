import { AnalysisException } from "../../errors/spark-exception.js";
import type { Scope } from "./scope.js";

/**
 * Resolves an operator's expressions with `resolve`; a MISSING_ATTRIBUTES error is raised
 * again naming the operator as Spark's CheckAnalysis prints it (`!Project [id#0, name#1 AS
 * q#4]`): the expressions resolved once more with the dropped frame column taken as the
 * frame's attribute, then shown by `text`.
 */
export function withOperatorText<T>(scope: Scope, resolve: (s: Scope) => T, text: (resolved: T) => string): T {
  try {
    return resolve(scope);
  } catch (e) {
    if (!(e instanceof AnalysisException) || !e.errorClass.startsWith("MISSING_ATTRIBUTES") || scope.lenientFrameColumns === true) throw e;
    let shown: string;
    try {
      shown = text(resolve({ ...scope, lenientFrameColumns: true }));
    } catch {
      throw e;
    }
    throw new AnalysisException(e.errorClass, { ...e.messageParameters, operator: `!${shown}` });
  }
}
