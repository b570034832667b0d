import { exprToString } from "../expr/expr-string.js";
import { planChildren } from "./transform.js";
import { simpleString } from "../types/type-names.js";
import type { LogicalPlan } from "./logical-plan.js";
import { schemaOf } from "./output.js";

function nodeLine(p: LogicalPlan): string {
  switch (p.kind) {
    case "Range":
      return `Range (${p.start}, ${p.end}, step=${p.step}${p.numPartitions === undefined ? "" : `, splits=Some(${p.numPartitions})`})`;
    case "LocalRelation":
      return `LogicalRDD [${(p.output ?? []).map(exprToString).join(", ")}], false`;
    case "Project":
      return `Project [${p.exprs.map(exprToString).join(", ")}]`;
    case "Filter":
      return `Filter ${exprToString(p.condition)}`;
    case "Aggregate":
      return `Aggregate [${p.groupBy.map(exprToString).join(", ")}], [${p.aggs.map(exprToString).join(", ")}]`;
    case "Sort":
      return `Sort [${p.orders.map(exprToString).join(", ")}], ${p.global}`;
    case "Limit":
      return `GlobalLimit ${p.n}`;
    case "Join":
      return `Join ${p.joinType === "left_semi" ? "LeftSemi" : p.joinType}${p.condition === undefined ? "" : `, ${exprToString(p.condition)}`}`;
    default:
      return p.kind;
  }
}

function tree(p: LogicalPlan, prefix: string, childPrefix: string, out: string[]): void {
  out.push(prefix + nodeLine(p));
  const kids = planChildren(p);
  kids.forEach((c, i) => {
    const last = i === kids.length - 1;
    tree(c, `${childPrefix}${last ? "+- " : ":- "}`, `${childPrefix}${last ? "   " : ":  "}`, out);
  });
}

function treeText(p: LogicalPlan): string {
  const out: string[] = [];
  tree(p, "", "", out);
  return out.join("\n");
}

/** The logical sections of `explain(extended=True)` (parsed, analyzed with its schema, optimized). */
export function explainLogical(parsed: LogicalPlan, analyzed: LogicalPlan, optimized: LogicalPlan): string {
  const schema = schemaOf(analyzed)
    .fields.map((f) => `${f.name}: ${simpleString(f.dataType)}`)
    .join(", ");
  return (
    `== Parsed Logical Plan ==\n${treeText(parsed)}\n\n` +
    `== Analyzed Logical Plan ==\n${schema}\n${treeText(analyzed)}\n\n` +
    `== Optimized Logical Plan ==\n${treeText(optimized)}\n\n`
  );
}
