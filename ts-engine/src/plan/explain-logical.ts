import type { Expr, ScalarCall } from "../expr/expr.js";
import { lookupFunction } from "../expr/functions/registry.js";
import { assertNever } from "../errors/assert-never.js";
import { parsedPlanLine } from "./parsed-plan-line.js";
import { sampleText } from "./sample-text.js";
import { exprToString } from "../expr/expr-string.js";
import { planChildren } from "../plan/transform.js";
import { simpleString } from "../types/type-names.js";
import type { JoinType, LogicalPlan, PythonCoGroup, PythonMapGroups, PythonUDTF, Repartition } from "./logical-plan.js";
import { innerChildLines } from "./inner-children.js";
import { schemaOf } from "./output.js";
import { storageLevelString } from "./storage-level.js";
import { parsedChildren } from "./parsed-children.js";
import type { ParsedPlan } from "./parsed-plan.js";

function rangeLine(p: { start: number | bigint; end: number | bigint; step: number | bigint; numPartitions?: number }): string {
  return `Range (${p.start}, ${p.end}, step=${p.step}${p.numPartitions === undefined ? "" : `, splits=Some(${p.numPartitions})`})`;
}

function joinLine(joinType: JoinType, condition: string | undefined): string {
  return `Join ${joinType === "left_semi" ? "LeftSemi" : joinType}${condition === undefined ? "" : `, ${condition}`}`;
}

/** One line of the parsed plan (parsed-plan-line.ts, as explain prints it). */
function parsedLine(p: ParsedPlan): string {
  return parsedPlanLine(p, "explain");
}

/** Spark's `Repartition n, shuffle` or `RepartitionByExpression [keys], n`. */
function repartitionLine(p: Repartition): string {
  const s = p.scheme;
  switch (s.kind) {
    case "roundRobin":
    case "coalesce":
      return `Repartition ${p.numPartitions}, ${s.kind === "roundRobin"}`;
    case "hash":
    case "range": {
      const keys = s.kind === "hash" ? s.exprs : s.orders;
      return `RepartitionByExpression [${keys.map(exprToString).join(", ")}]${p.numPartitions === undefined ? "" : `, ${p.numPartitions}`}`;
    }
    case "rebalance":
      // Spark's RebalancePartitions: its keys (none: nothing), then an explicit number
      return ["RebalancePartitions", [...(s.exprs.length === 0 ? [] : [`[${s.exprs.map(exprToString).join(", ")}]`]), ...(p.numPartitions === undefined ? [] : [String(p.numPartitions)])].join(", ")]
        .join(" ")
        .trimEnd();
    default:
      return assertNever(s);
  }
}

/** One line of an analyzed or optimized plan, in Spark's shape. */
function resolvedLine(p: LogicalPlan): string {
  switch (p.kind) {
    case "Range":
      return rangeLine(p);
    case "LocalRelation":
      return `LogicalRDD [${p.output.map(exprToString).join(", ")}], false`;
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
      return joinLine(p.joinType, p.condition === undefined ? undefined : exprToString(p.condition));
    case "Union":
    case "BatchEvalPython":
      return p.kind;
    case "InMemoryRelation":
      if (p.checkpoint === true) return `LogicalRDD [${p.output.map(exprToString).join(", ")}], false`;
      return `InMemoryRelation [${p.relationOutput.map(exprToString).join(", ")}], ${storageLevelString(p.storageLevel)}`;
    case "Generate":
      return `Generate ${generatorText(p.generator)}, ${p.outer}, [${p.generatorOutput.map(exprToString).join(", ")}]`;
    case "FileScan":
      // Spark's LogicalRelation: `Relation [a#1,b#2] csv`
      return `Relation [${p.output.map(exprToString).join(",")}] ${p.relation.format}`;
    case "InsertIntoFiles":
      return `InsertIntoHadoopFsRelationCommand file:${p.path}, ${p.format}, ${p.mode}`;
    case "Expand":
      return expandText(p.projections, p.output);
    case "Sample":
      return sampleText(p);
    case "Window":
      return windowLine(p);
    case "Offset":
      return `Offset ${p.n}`;
    case "Repartition":
      return repartitionLine(p);
    case "CollectMetrics":
      return `CollectMetrics ${p.name}, [${p.metrics.map(exprToString).join(", ")}], 0`;
    case "PythonMapGroups":
    case "PythonCoGroup":
      return pythonMapLine(p);
    case "PythonUDTF":
      return `Generate ${pythonUdtfString(p)}, false, [${p.output.map(exprToString).join(", ")}]`;
    default:
      return assertNever(p);
  }
}

/** The lines printed under a node as its inner children (the cached plan of an InMemoryRelation). */
function resolvedInner(p: LogicalPlan): readonly string[] {
  return p.kind === "InMemoryRelation" && p.checkpoint !== true ? p.cachedPlanLines : [];
}

function treeText<P>(root: P, line: (p: P) => string, children: (p: P) => readonly P[], inner: (p: P) => readonly string[] = () => []): string {
  const out: string[] = [];
  const walk = (p: P, prefix: string, childPrefix: string): void => {
    out.push(prefix + line(p));
    for (const l of innerChildLines(childPrefix, inner(p))) out.push(l);
    const kids = children(p);
    kids.forEach((c, i) => {
      const last = i === kids.length - 1;
      walk(c, `${childPrefix}${last ? "+- " : ":- "}`, `${childPrefix}${last ? "   " : ":  "}`);
    });
  };
  walk(root, "", "");
  return out.join("\n");
}

/** The logical sections of `explain(extended=True)` (parsed, analyzed with its schema, optimized). */
export function explainLogical(parsed: ParsedPlan, analyzed: LogicalPlan, optimized: LogicalPlan): string {
  const schema = schemaOf(analyzed)
    .fields.map((f) => `${f.name}: ${simpleString(f.dataType)}`)
    .join(", ");
  return (
    `== Parsed Logical Plan ==\n${treeText(parsed, parsedLine, parsedChildren)}\n\n` +
    `== Analyzed Logical Plan ==\n${schema}\n${treeText(analyzed, resolvedLine, planChildren, resolvedInner)}\n\n` +
    `== Optimized Logical Plan ==\n${treeText(optimized, resolvedLine, planChildren, resolvedInner)}\n\n`
  );
}

/** `explain(mode="cost")`'s logical section: the optimized plan, each line followed by `, ` and its `stats`. */
export function explainOptimizedWithStats(optimized: LogicalPlan, stats: (p: LogicalPlan) => string): string {
  return `== Optimized Logical Plan ==\n${treeText(optimized, (p) => `${resolvedLine(p)}, ${stats(p)}`, planChildren, resolvedInner)}\n\n`;
}

/**
 * `Window [f windowspecdefinition(...) AS w#3], [k#1], [v#2 ASC NULLS FIRST]`, as Spark's Window
 * and WindowExec print (an empty partition or order list is left out, as Spark's argString does).
 */
export function windowLine(p: { windowExprs: readonly Expr[]; partitionSpec: readonly Expr[]; orderSpec: readonly Expr[] }): string {
  const lists = [p.windowExprs, p.partitionSpec, p.orderSpec].filter((l, i) => i === 0 || l.length > 0);
  return `Window ${lists.map((es) => `[${es.map(exprToString).join(", ")}]`).join(", ")}`;
}

/** A generator call as Spark's plans print it: explode_outer is `explode` with the outer flag. */
export function generatorText(call: ScalarCall): string {
  const def = lookupFunction(call.fn);
  const name = def?.kind === "generator" ? def.planName : call.fn;
  return exprToString({ ...call, fn: name });
}

/** Spark's `Expand [[a#1, null, 1], …], [a#1, b#5, spark_grouping_id#4L]` (logical and physical alike). */
export function expandText(projections: readonly (readonly Expr[])[], output: readonly Expr[]): string {
  const rows = projections.map((p) => `[${p.map(exprToString).join(", ")}]`);
  return `Expand [${rows.join(", ")}], [${output.map(exprToString).join(", ")}]`;
}

export { sampleText } from "./sample-text.js";

/** Spark's names of the Python map operators by evalType (logical and physical alike). */
export function pythonMapName(evalType: number, grouped: boolean): string {
  const arrow = evalType === 207 || evalType === 209 || evalType === 210;
  if (evalType === 206 || evalType === 210) return arrow ? "FlatMapCoGroupsInArrow" : "FlatMapCoGroupsInPandas";
  if (grouped) return arrow ? "FlatMapGroupsInArrow" : "FlatMapGroupsInPandas";
  return arrow ? "PythonMapInArrow" : "MapInPandas";
}

/** A UDTF call as Spark prints its generator: `MyUDTF(a#1, 2)#3`. */
export function pythonUdtfString(p: PythonUDTF): string {
  return `${p.udtf.name}(${p.udtf.args.map(exprToString).join(", ")})#${p.udtfId}`;
}

/** `MapInPandas f(a#1, b#2)#3, [x#4, y#5], false`, `FlatMapGroupsInPandas [k#1], f(…)#3, [x#4]` as Spark prints them. */
export function pythonMapLine(p: PythonMapGroups | PythonCoGroup): string {
  const out = `[${p.output.map(exprToString).join(", ")}]`;
  const udf = exprToString(p.udf);
  if (p.kind === "PythonCoGroup") {
    return `${pythonMapName(p.udf.evalType, true)} [${p.leftGroupBy.map(exprToString).join(", ")}], [${p.rightGroupBy.map(exprToString).join(", ")}], ${udf}, ${out}`;
  }
  const name = pythonMapName(p.udf.evalType, p.groupBy.length > 0 || p.udf.evalType === 201 || p.udf.evalType === 209);
  if (p.udf.evalType === 205 || p.udf.evalType === 207) return `${name} ${udf}, ${out}, ${p.isBarrier}`;
  return `${name} [${p.groupBy.map(exprToString).join(", ")}], ${udf}, ${out}`;
}
