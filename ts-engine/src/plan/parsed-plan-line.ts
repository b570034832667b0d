import { assertNever } from "../errors/assert-never.js";
import { exprPrettySql, exprToString } from "../expr/expr-string.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "./parsed-plan.js";
import { sampleText } from "./sample-text.js";

/**
 * Where a parsed plan is printed: `explain` (the `== Parsed Logical Plan ==` section of
 * explain(extended)) or `message` (the plan Spark appends to an AnalysisException after `;`,
 * expressions as the user wrote them: `'agee`).
 */
export type ParsedPlanStyle = "explain" | "message";

function exprList(list: readonly ParsedExpr[], style: ParsedPlanStyle): string {
  if (style === "explain") return `[${list.map(exprToString).join(", ")}]`;
  return `[${list.map((e) => (e.kind === "UnresolvedAttribute" ? `'${e.nameParts.join(".")}` : exprPrettySql(e))).join(", ")}]`;
}

/** One line of a parsed (unresolved) plan tree, as Spark prints the node in `style`. */
export function parsedPlanLine(p: ParsedPlan, style: ParsedPlanStyle): string {
  const explain = style === "explain";
  // the message form marks unresolved nodes with `'` (Spark's unresolved prefix)
  const q = explain ? "" : "'";
  const list = (l: readonly ParsedExpr[]): string => exprList(l, style);
  switch (p.kind) {
    case "Range":
      return explain
        ? `Range (${p.start}, ${p.end}, step=${p.step}${p.numPartitions === undefined ? "" : `, splits=Some(${p.numPartitions})`})`
        : `Range (${p.start}, ${p.end}, step=${p.step})`;
    case "LocalRelation":
      // parsed rows have no attributes yet (the analyzer makes them)
      return explain ? "LogicalRDD [], false" : `LocalRelation [${p.schema.fields.map((f) => f.name).join(", ")}]`;
    case "Project":
      return `${q}Project ${list(p.exprs)}`;
    case "Filter":
      return explain ? `Filter ${exprToString(p.condition)}` : `'Filter ${list([p.condition])}`;
    case "Aggregate":
      return `${q}Aggregate ${list(p.groupBy)}, ${list(p.aggs)}`;
    case "Sort":
      return `${q}Sort ${list(p.orders)}, ${p.global}`;
    case "Limit":
      return explain ? `GlobalLimit ${p.n}` : "'Limit";
    case "Offset":
      return explain ? `Offset ${p.n}` : "'Offset";
    case "Join": {
      const type = explain ? (p.joinType === "left_semi" ? "LeftSemi" : p.joinType) : p.joinType === "full" ? "FullOuter" : p.joinType;
      const cond = p.condition === undefined ? "" : `, ${explain ? exprToString(p.condition) : list([p.condition])}`;
      return `${q}Join ${type}${cond}`;
    }
    case "WithColumns":
    case "WithColumnsRenamed":
    case "Drop":
    case "Distinct":
    case "Union":
    case "SubqueryAlias":
    case "ToDF":
      return `${q}${p.kind}`;
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
      return `${q}UnresolvedHint ${p.name}${p.parameters.length === 0 ? "" : `, [${p.parameters.join(", ")}]`}`;
    case "DataSource":
      return explain ? `'UnresolvedDataSource ${p.format}, [${p.paths.join(", ")}]` : `'UnresolvedDataSource ${p.format}`;
    case "WriteFiles":
      return explain ? `'WriteFiles ${p.format}, ${p.path}` : `'WriteFiles ${p.format}`;
    case "Transpose":
      return `'Transpose${p.indexColumn === undefined ? "" : ` ${exprToString(p.indexColumn)}`}`;
    case "Unpivot":
      return explain
        ? `'Unpivot ArraySeq(${p.ids.map(exprToString).join(", ")}), ${p.variableColumnName}, ${p.valueColumnName}`
        : `'Unpivot ${list(p.ids)}, ${p.variableColumnName}, ${p.valueColumnName}`;
    case "NAFill":
    case "NADrop":
    case "NAReplace":
    case "StatSummary":
    case "ToSchema":
      return `'${p.kind}`;
    case "EventTimeWatermark":
      return `'EventTimeWatermark '${p.eventTime}, ${p.delay}`;
    case "Sample":
      return `'${sampleText(p)}`;
    case "Repartition":
      return `Repartition ${p.numPartitions}, ${p.shuffle}`;
    case "RepartitionByExpression":
      return `'RepartitionByExpression ${list(p.partitionExprs)}${p.numPartitions === undefined ? "" : `, ${p.numPartitions}`}`;
    case "CollectMetrics":
      // Spark prints the Dataset id last (0 for a Dataset.observe)
      return `'CollectMetrics ${p.name}, ${list(p.metrics)}, 0`;
    case "PythonMapGroups":
      return `'${p.groupingExprs.length === 0 ? "MapInPandas" : "FlatMapGroupsInPandas"} ${list(p.groupingExprs)}`;
    case "PythonCoGroup":
      return `'FlatMapCoGroupsInPandas ${list(p.inputGroupingExprs)}, ${list(p.otherGroupingExprs)}`;
    case "PythonUDTF":
      return `'UnresolvedTableValuedFunction [${typeof p.udtf === "string" ? p.udtf : p.udtf.kind === "PythonUDF" ? p.udtf.name : "udtf"}], ${list(p.args.flatMap((a) => (a.kind === "expr" ? [a.expr] : [])))}`;
    default:
      return assertNever(p);
  }
}
