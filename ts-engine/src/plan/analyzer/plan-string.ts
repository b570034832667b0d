import { parsedChildren } from "../parsed-children.js";
import { parsedPlanLine } from "../parsed-plan-line.js";
import type { ParsedPlan } from "../parsed-plan.js";

/**
 * A Spark-like tree of the plan as the user wrote it, which Spark appends to AnalysisException
 * messages after `;` (`'Project ['agee]` / `+- LocalRelation [...]`).
 */
export function unresolvedPlanString(p: ParsedPlan, indent = ""): string {
  const kids = parsedChildren(p);
  let out = `${parsedPlanLine(p, "message")}\n`;
  kids.forEach((k, i) => {
    const last = i === kids.length - 1;
    out += `${indent}${last ? "+- " : ":- "}${unresolvedPlanString(k, indent + (last ? "   " : ":  ")).trimEnd()}\n`;
  });
  return out;
}
