import { bindReferences } from "../../expr/bind.js";
import type { BoundRef, Expr, PythonUDF, SortOrder, WindowExpression } from "../../expr/expr.js";
import { exprSemanticEquals } from "../../expr/expr-equals.js";
import { exprType } from "../../expr/expr-type.js";
import { isGroupedAggPandasUdf } from "../../expr/python-eval-type.js";
import { pythonMapName, pythonUdtfString, windowLine } from "../../plan/explain-logical.js";
import type { Aggregate, PythonCoGroup, PythonMapGroups, PythonUDTF, Window } from "../../plan/logical-plan.js";
import { outputOf } from "../../plan/output.js";
import { exprExists, transformExprDown } from "../../plan/transform.js";
import { InternalError } from "../../errors/spark-exception.js";
import { exprList } from "../explain-detail.js";
import type { PhysicalPlan } from "../physical-plan.js";
import { schemaOfAttrs } from "../util.js";
import type { ClusterOn } from "../window/plan-window.js";

function ascending(keys: readonly Expr[]): SortOrder[] {
  return keys.map((child): SortOrder => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true }));
}

/** Whether an Aggregate computes grouped-aggregate pandas UDFs (planned as AggregateInPandas). */
export function isPandasAggregate(p: Aggregate): boolean {
  return p.aggs.some((a) => exprExists(a, isGroupedAggPandasUdf));
}

/**
 * Spark's AggregateInPandasExec as its planner and EnsureRequirements place it: the input
 * clustered on the grouping keys (one partition without keys) and sorted by them, then the
 * operator. Its outputs are rewritten over [keys…, UDF results…], each UDF computed once.
 */
export function planAggregateInPandas(p: Aggregate, child: PhysicalPlan, clusterOn: ClusterOn): PhysicalPlan {
  const attrs = outputOf(p.input);
  const bind = (e: Expr): Expr => bindReferences(e, attrs);
  const k = p.groupBy.length;
  const udfs: PythonUDF[] = [];
  const results = p.aggs.map((out) =>
    transformExprDown(out, (e): Expr | undefined => {
      if (e.kind === "Alias") return undefined;
      const gi = p.groupBy.findIndex((g) => exprSemanticEquals(g, e));
      if (gi >= 0) return { kind: "BoundRef", ordinal: gi, dataType: exprType(e), nullable: true, name: `_k${gi}` } satisfies BoundRef;
      if (e.kind === "PythonUDF" && isGroupedAggPandasUdf(e)) {
        let ui = udfs.findIndex((u) => exprSemanticEquals(u, e));
        if (ui < 0) ui = udfs.push(e) - 1;
        return { kind: "BoundRef", ordinal: k + ui, dataType: e.returnType, nullable: true, name: `_a${ui}` } satisfies BoundRef;
      }
      if (e.kind === "AggCall") throw new InternalError("a pandas aggregate mixed with SQL aggregates reached the planner");
      return undefined;
    }),
  );
  const groupBy = p.groupBy.map(bind);
  const clustered = clusterOn(child, groupBy, p.groupBy);
  const sorted: PhysicalPlan = k === 0 ? clustered : { kind: "Sort", input: clustered, orders: ascending(groupBy), detail: ` ${exprList(ascending(p.groupBy))}, false, 0` };
  const boundUdfs = udfs.map((u) => ({ ...u, args: u.args.map(bind) }));
  return {
    kind: "ArrowPython",
    input: sorted,
    op: { kind: "aggregate", groupBy, udfs: boundUdfs, results },
    name: "AggregateInPandas",
    schema: schemaOfAttrs(outputOf(p)),
    detail: ` ${exprList(p.groupBy)}, ${exprList(udfs)}, ${exprList(p.aggs)}`,
  };
}

/** Whether a Window node computes pandas UDFs (the analyzer never mixes them with SQL window functions in one node). */
export function isPandasWindow(p: Window): boolean {
  return p.windowExprs.some((a) => a.child.kind === "WindowExpression" && a.child.fn.kind === "PythonUDF");
}

/**
 * Spark's WindowInPandasExec, placed as its WindowExec: clustered on the partition keys,
 * sorted by them then the window's order, then the operator (the input's columns and one per UDF).
 */
export function planWindowInPandas(p: Window, child: PhysicalPlan, clusterOn: ClusterOn): PhysicalPlan {
  const attrs = outputOf(p.input);
  const bind = (e: Expr): Expr => bindReferences(e, attrs);
  const partitionSpec = p.partitionSpec.map(bind);
  const orderSpec = p.orderSpec.map((o) => bind(o) as SortOrder);
  const sortBound = [...ascending(partitionSpec), ...orderSpec];
  const sortShown = [...ascending(p.partitionSpec), ...p.orderSpec];
  const clustered = clusterOn(child, partitionSpec, p.partitionSpec);
  const sorted: PhysicalPlan = sortBound.length === 0 ? clustered : { kind: "Sort", input: clustered, orders: sortBound, detail: ` ${exprList(sortShown)}, false, 0` };
  const wes = p.windowExprs.map((a) => a.child as WindowExpression);
  const udfs = wes.map((w) => {
    if (w.fn.kind !== "PythonUDF") throw new InternalError("a SQL window function in a pandas window node");
    return { ...w.fn, args: w.fn.args.map(bind) };
  });
  const line = windowLine(p);
  return {
    kind: "ArrowPython",
    input: sorted,
    op: { kind: "window", partitionSpec, orderSpec, udfs, frames: wes.map((w) => w.frame) },
    name: "WindowInPandas",
    schema: schemaOfAttrs(outputOf(p)),
    detail: line.slice("Window".length),
  };
}

/** `f(a#1, b#2)#3, [x#4, y#5]`-style detail of a Python map operator (the logical line without its name). */
function mapDetail(line: string, name: string): string {
  return line.startsWith(name) ? line.slice(name.length) : ` ${line}`;
}

/**
 * Spark's MapInPandasExec / PythonMapInArrowExec (no keys: over the input's partitions as they
 * are) and FlatMapGroupsInPandasExec / InArrowExec (clustered on the keys and sorted by them).
 */
export function planPythonMapGroups(p: PythonMapGroups, child: PhysicalPlan, clusterOn: ClusterOn, line: string): PhysicalPlan {
  const attrs = outputOf(p.input);
  const bind = (e: Expr): Expr => bindReferences(e, attrs);
  const udf = { ...p.udf, args: p.udf.args.map(bind) };
  const schema = schemaOfAttrs(p.output);
  const grouped = p.udf.evalType === 201 || p.udf.evalType === 209;
  const name = pythonMapName(p.udf.evalType, grouped);
  if (!grouped) return { kind: "ArrowPython", input: child, op: { kind: "mapPartitions", udf }, name, schema, detail: mapDetail(line, name) };
  const groupBy = p.groupBy.map(bind);
  const clustered = clusterOn(child, groupBy, p.groupBy);
  const sorted: PhysicalPlan = groupBy.length === 0 ? clustered : { kind: "Sort", input: clustered, orders: ascending(groupBy), detail: ` ${exprList(ascending(p.groupBy))}, false, 0` };
  return { kind: "ArrowPython", input: sorted, op: { kind: "flatMapGroups", groupBy, udf }, name, schema, detail: mapDetail(line, name) };
}

/**
 * Spark's FlatMapCoGroupsInPandasExec: both sides hash-partitioned on their keys into the same
 * partitions (`coPartition`, as a shuffled join places them) and sorted by them.
 */
export function planPythonCoGroup(
  p: PythonCoGroup,
  left: PhysicalPlan,
  right: PhysicalPlan,
  coPartition: (l: PhysicalPlan, r: PhysicalPlan, lk: readonly Expr[], rk: readonly Expr[], lShown: readonly Expr[], rShown: readonly Expr[]) => { left: PhysicalPlan; right: PhysicalPlan },
  line: string,
): PhysicalPlan {
  const la = outputOf(p.left);
  const ra = outputOf(p.right);
  const lk = p.leftGroupBy.map((e) => bindReferences(e, la));
  const rk = p.rightGroupBy.map((e) => bindReferences(e, ra));
  const both = coPartition(left, right, lk, rk, p.leftGroupBy, p.rightGroupBy);
  const sort = (input: PhysicalPlan, keys: readonly Expr[], shown: readonly Expr[]): PhysicalPlan =>
    keys.length === 0 ? input : { kind: "Sort", input, orders: ascending(keys), detail: ` ${exprList(ascending(shown))}, false, 0` };
  const udf = { ...p.udf, args: p.udf.args.map((e) => bindReferences(e, [...la, ...ra])) };
  const name = pythonMapName(p.udf.evalType, true);
  return {
    kind: "ArrowPython",
    input: sort(both.left, lk, p.leftGroupBy),
    other: sort(both.right, rk, p.rightGroupBy),
    op: { kind: "flatMapCoGroups", leftGroupBy: lk, rightGroupBy: rk, udf, leftArgs: la.length },
    name,
    schema: schemaOfAttrs(p.output),
    detail: mapDetail(line, name),
  };
}

/**
 * Spark's BatchEvalPythonUDTFExec (ArrowEvalPythonUDTFExec for an Arrow UDTF). A TABLE
 * argument with PARTITION BY is clustered on its keys and sorted by them then its ORDER BY,
 * as Spark's planner requires; WITH SINGLE PARTITION gathers every row into one partition.
 */
export function planPythonUdtf(p: PythonUDTF, child: PhysicalPlan, clusterOn: ClusterOn): PhysicalPlan {
  const attrs = outputOf(p.input);
  const bind = (e: Expr): Expr => bindReferences(e, attrs);
  const partitionBy = p.partitionBy.map(bind);
  const orderBy = p.orderBy.map((o) => bind(o) as SortOrder);
  const placed = partitionBy.length > 0 || p.singlePartition ? clusterOn(child, partitionBy, p.partitionBy) : child;
  const sortBound = [...ascending(partitionBy), ...orderBy];
  const sortShown = [...ascending(p.partitionBy), ...p.orderBy];
  const sorted: PhysicalPlan = sortBound.length === 0 ? placed : { kind: "Sort", input: placed, orders: sortBound, detail: ` ${exprList(sortShown)}, false, 0` };
  const udtf = { ...p.udtf, args: p.udtf.args.map(bind) };
  const name = p.udtf.evalType === 301 ? "ArrowEvalPythonUDTF" : "BatchEvalPythonUDTF";
  return {
    kind: "ArrowPython",
    input: sorted,
    op: { kind: "udtf", udtf, shapes: p.shapes, partitionBy, passThrough: p.passThrough.length },
    name,
    schema: schemaOfAttrs([...p.passThrough, ...p.output]),
    // Spark's BatchEvalPythonUDTF [udtf], [requiredChildOutput], [resultAttrs]; no child list when it keeps none
    detail: ` ${pythonUdtfString(p)}, ${p.passThrough.length === 0 ? "" : `${exprList(p.passThrough)}, `}${exprList(p.output)}`,
  };
}
