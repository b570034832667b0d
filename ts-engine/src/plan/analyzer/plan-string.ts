import { exprPrettySql } from "../../expr/expr-string.js";
import { assertNever } from "../../errors/assert-never.js";
import type { ParsedExpr } from "../../expr/parsed-expr.js";
import { parsedChildren } from "../parsed-children.js";
import { sampleText } from "../explain-logical.js";
import type { ParsedPlan } from "../parsed-plan.js";

function exprs(list: readonly ParsedExpr[]): string {
  return `[${list.map((e) => (e.kind === "UnresolvedAttribute" ? `'${e.nameParts.join(".")}` : exprPrettySql(e))).join(", ")}]`;
}

function head(p: ParsedPlan): string {
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
    case "WithColumns":
    case "WithColumnsRenamed":
    case "Drop":
    case "Limit":
    case "Offset":
    case "Distinct":
    case "Union":
    case "SubqueryAlias":
    case "ToDF":
      return `'${p.kind}`;
    case "UnresolvedRelation":
      return `'UnresolvedRelation [${p.nameParts.join(", ")}], [], false`;
    case "Sql":
      return `'Sql ${p.query}`;
    case "PredicateSubquery":
      return `'Filter ${p.negated ? "NOT " : ""}${p.values.length === 0 ? "exists" : "in"}#subquery`;
    case "ScalarSubqueryJoin":
      return `'Join LeftOuter, scalar-subquery#${p.name}`;
    case "SetOperation":
      return `'${p.op === "intersect" ? "Intersect" : "Except"} ${p.all === true}`;
    case "Hint":
      return `'UnresolvedHint ${p.name}${p.parameters.length === 0 ? "" : `, [${p.parameters.join(", ")}]`}`;
    case "DataSource":
      return `'UnresolvedDataSource ${p.format}`;
    case "WriteFiles":
      return `'WriteFiles ${p.format}`;
    case "Unpivot":
      return `'Unpivot ${exprs(p.ids)}, ${p.variableColumnName}, ${p.valueColumnName}`;
    case "NAFill":
    case "NADrop":
    case "NAReplace":
    case "StatSummary":
    case "ToSchema":
      return `'${p.kind}`;
    case "Sample":
      return `'${sampleText(p)}`;
    case "Repartition":
      return `Repartition ${p.numPartitions}, ${p.shuffle}`;
    case "RepartitionByExpression":
      return `'RepartitionByExpression ${exprs(p.partitionExprs)}${p.numPartitions === undefined ? "" : `, ${p.numPartitions}`}`;
    case "CollectMetrics":
      // Spark prints the Dataset id last (0 for a Dataset.observe)
      return `'CollectMetrics ${p.name}, ${exprs(p.metrics)}, 0`;
    case "PythonMapGroups":
      return `'${p.groupingExprs.length === 0 ? "MapInPython" : "FlatMapGroupsInPython"} ${exprs(p.groupingExprs)}`;
    case "PythonCoGroup":
      return `'FlatMapCoGroupsInPython ${exprs(p.inputGroupingExprs)}, ${exprs(p.otherGroupingExprs)}`;
    default:
      return assertNever(p);
  }
}

/**
 * A Spark-like tree of the plan as the user wrote it, which Spark appends to AnalysisException
 * messages after `;` (`'Project ['agee]` / `+- LocalRelation [...]`).
 */
export function unresolvedPlanString(p: ParsedPlan, indent = ""): string {
  const kids = parsedChildren(p);
  let out = `${head(p)}\n`;
  kids.forEach((k, i) => {
    const last = i === kids.length - 1;
    out += `${indent}${last ? "+- " : ":- "}${unresolvedPlanString(k, indent + (last ? "   " : ":  ")).trimEnd()}\n`;
  });
  return out;
}
