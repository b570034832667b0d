import { exprPrettySql } from "../../expr/expr-string.js";
import type { Expr } from "../../expr/expr.js";
import type { LogicalPlan } from "../logical-plan.js";

function exprs(list: readonly Expr[]): string {
  return `[${list.map((e) => (e.kind === "UnresolvedAttribute" ? `'${e.nameParts.join(".")}` : exprPrettySql(e))).join(", ")}]`;
}

function head(p: LogicalPlan): string {
  switch (p.kind) {
    case "Project":
      return `'Project ${exprs(p.exprs)}`;
    case "Filter":
      return `'Filter ${exprs([p.condition])}`;
    case "Aggregate":
      return `'Aggregate ${exprs(p.groupBy)}, ${exprs(p.aggs)}`;
    case "Sort":
      return `'Sort ${exprs(p.orders)}, ${p.global}`;
    case "Join":
      return `'Join ${p.joinType === "full" ? "FullOuter" : p.joinType}${p.condition ? `, ${exprs([p.condition])}` : ""}`;
    case "LocalRelation":
      return `LocalRelation [${p.schema.fields.map((f) => f.name).join(", ")}]`;
    case "Range":
      return `Range (${p.start}, ${p.end}, step=${p.step})`;
    default:
      return `'${p.kind}`;
  }
}

function children(p: LogicalPlan): LogicalPlan[] {
  if (p.kind === "Join") return [p.left, p.right];
  if (p.kind === "Union") return [...p.inputs];
  if ("input" in p) return [p.input];
  return [];
}

/**
 * A Spark-like tree of the plan as the user wrote it, which Spark appends to AnalysisException
 * messages after `;` (`'Project ['agee]` / `+- LocalRelation [...]`).
 */
export function unresolvedPlanString(p: LogicalPlan, indent = ""): string {
  const kids = children(p);
  let out = `${head(p)}\n`;
  kids.forEach((k, i) => {
    const last = i === kids.length - 1;
    out += `${indent}${last ? "+- " : ":- "}${unresolvedPlanString(k, indent + (last ? "   " : ":  ")).trimEnd()}\n`;
  });
  return out;
}
