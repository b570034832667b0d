import type { Expr } from "../../expr/expr.js";
import type { LogicalPlan, Project, Repartition } from "../../plan/logical-plan.js";
import { aggregate, expand, fileScan, filter, inMemoryRelation, join, localRelation, project, repartition } from "../../plan/nodes/index.js";
import { outputOf } from "../../plan/output.js";
import { repartitionKeys as schemeKeys } from "../../plan/nodes/repartition.js";
import type { OptimizerRule } from "../rule.js";
import { referencedIds, transformPlanUp } from "../../plan/transform.js";

/** The expressions a repartition reads (its keys). */
function repartitionKeys(r: Repartition): readonly Expr[] {
  return schemeKeys(r.scheme);
}

/**
 * An Aggregate reads only what its grouping and aggregate expressions mention: drop the rest
 * of a Project below (also through a Repartition between them, which keeps its keys).
 */
function pruneUnderAggregate(p: LogicalPlan): LogicalPlan {
  if (p.kind !== "Aggregate") return p;
  if (p.input.kind === "Repartition" && p.input.input.kind === "Project") {
    const r = p.input;
    const used = new Set<number>();
    for (const e of [...p.groupBy, ...p.aggs, ...repartitionKeys(r)]) referencedIds(e, used);
    const proj = r.input as Project;
    const exprs = proj.exprs.filter((e) => {
      const id = e.kind === "Alias" ? e.exprId : e.kind === "AttributeRef" ? e.exprId : undefined;
      return id === undefined || used.has(id);
    });
    if (exprs.length === proj.exprs.length) return p;
    return aggregate(repartition(project(proj.input, exprs), r.scheme, r.numPartitions), p.groupBy, p.aggs);
  }
  if (p.input.kind !== "Project") return p;
  const used = new Set<number>();
  for (const e of [...p.groupBy, ...p.aggs]) referencedIds(e, used);
  const proj = p.input;
  const exprs = proj.exprs.filter((e) => {
    const id = e.kind === "Alias" ? e.exprId : e.kind === "AttributeRef" ? e.exprId : undefined;
    return id === undefined || used.has(id);
  });
  if (exprs.length === proj.exprs.length) return p;
  return aggregate(project(proj.input, exprs), p.groupBy, p.aggs);
}

/**
 * An Aggregate over an Expand reads only some of its columns: the Expand drops the others from
 * its output and every projection; then the Project under the Expand keeps only what the
 * projections read (Spark's ColumnPruning of Expand, which gives its explain).
 */
function pruneExpand(p: LogicalPlan): LogicalPlan {
  if (p.kind !== "Aggregate" || p.input.kind !== "Expand") return p;
  const used = new Set<number>();
  for (const e of [...p.groupBy, ...p.aggs]) referencedIds(e, used);
  const ex = p.input;
  const keep = ex.output.map((a, i) => (used.has(a.exprId) ? i : -1)).filter((i) => i >= 0);
  const projections = keep.length === ex.output.length ? ex.projections : ex.projections.map((proj) => keep.map((i) => proj[i]!));
  let below = ex.input;
  if (below.kind === "Project") {
    const read = new Set<number>();
    for (const proj of projections) for (const e of proj) referencedIds(e, read);
    const exprs = below.exprs.filter((e) => read.has(e.kind === "Alias" || e.kind === "AttributeRef" ? e.exprId : -1));
    if (exprs.length !== below.exprs.length) below = project(below.input, exprs);
  }
  if (below === ex.input && projections === ex.projections) return p;
  return aggregate(expand(below, projections, keep.map((i) => ex.output[i]!)), p.groupBy, p.aggs);
}

/**
 * A cached relation directly under a Project or an Aggregate (or under a Filter under one)
 * reads only the columns they mention (Spark's InMemoryTableScan [attrs] lists the pruned attributes).
 */
function pruneCachedScan(p: LogicalPlan): LogicalPlan {
  if (p.kind !== "Project" && p.kind !== "Aggregate") return p;
  // the scan may sit under a Filter, which then reads its condition's columns too
  const under = p.input.kind === "Filter" ? p.input : null;
  const rel = under === null ? p.input : under.input;
  // a checkpoint is Spark's LogicalRDD, which column pruning leaves whole
  if (rel.kind !== "InMemoryRelation" || rel.checkpoint === true) return p;
  const used = new Set<number>();
  for (const e of p.kind === "Project" ? p.exprs : [...p.groupBy, ...p.aggs]) referencedIds(e, used);
  if (under !== null) referencedIds(under.condition, used);
  const columns = rel.columns.filter((c) => used.has(rel.relationOutput[c]!.exprId));
  if (columns.length === rel.columns.length || columns.length === 0) return p;
  const scan = inMemoryRelation(rel.cacheId, rel.relationOutput, rel.storageLevel, rel.cachedPlanLines, rel.sizeInBytes, columns);
  const input = under === null ? scan : filter(scan, under.condition);
  return p.kind === "Project" ? project(input, p.exprs) : aggregate(input, p.groupBy, p.aggs);
}

/**
 * A file scan directly under a Project or an Aggregate (or under a Filter under one) reads only
 * the columns they mention (Spark's ReadSchema), in the relation's order; none at all for
 * `count()`, whose aggregate reads no column.
 */
function pruneFileScan(p: LogicalPlan): LogicalPlan {
  if (p.kind !== "Project" && p.kind !== "Aggregate") return p;
  const under = p.input.kind === "Filter" ? p.input : null;
  const rel = under === null ? p.input : under.input;
  if (rel.kind !== "FileScan") return p;
  const used = new Set<number>();
  for (const e of p.kind === "Project" ? p.exprs : [...p.groupBy, ...p.aggs]) referencedIds(e, used);
  if (under !== null) referencedIds(under.condition, used);
  const output = rel.output.filter((a) => used.has(a.exprId));
  if (output.length === rel.output.length) return p;
  const scan = fileScan(rel.relation, rel.relationOutput, output);
  const input = under === null ? scan : filter(scan, under.condition);
  return p.kind === "Project" ? project(input, p.exprs) : aggregate(input, p.groupBy, p.aggs);
}

/**
 * A projection over a join: each join input keeps only the columns the projection and the
 * join condition read (Spark's ColumnPruning on Project(Join)), as a projection of its own
 * that CollapseProject then merges into the input's and pruneFileScan takes to the scan.
 */
function pruneJoinInputs(p: LogicalPlan): LogicalPlan {
  if (p.kind !== "Project" || p.input.kind !== "Join") return p;
  const j = p.input;
  const used = new Set<number>();
  for (const e of p.exprs) referencedIds(e, used);
  if (j.condition !== undefined) referencedIds(j.condition, used);
  const narrowed = (side: LogicalPlan): LogicalPlan => {
    const attrs = outputOf(side);
    const keep = attrs.filter((a) => used.has(a.exprId));
    return keep.length === attrs.length ? side : project(side, keep);
  };
  const left = narrowed(j.left);
  const right = narrowed(j.right);
  if (left === j.left && right === j.right) return p;
  return project(join(left, right, j.joinType, j.condition, j.hint), p.exprs);
}

/**
 * Drops columns nobody reads: Project items under an Aggregate that does not use them,
 * LocalRelation columns that the Project directly above never reads, and cached columns
 * a Project or Aggregate directly above never reads, so scans build fewer vectors (Range has a single column and needs nothing).
 */
export const pruneColumns: OptimizerRule = {
  name: "ColumnPruning",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, (q) => {
      const p = pruneFileScan(pruneCachedScan(pruneUnderAggregate(pruneExpand(pruneJoinInputs(q)))));
      if (p.kind !== "Project" || p.input.kind !== "LocalRelation") return p;
      const rel = p.input;
      const used = new Set<number>();
      for (const e of p.exprs) referencedIds(e, used);
      const attrs = outputOf(rel);
      const keep = attrs.map((a, i) => (used.has(a.exprId) ? i : -1)).filter((i) => i >= 0);
      if (keep.length === attrs.length || keep.length === 0) return p;
      const pruned = localRelation(
        { kind: "struct", fields: keep.map((i) => rel.schema.fields[i]!) },
        rel.rows.map((r) => keep.map((i) => r[i])),
        keep.map((i) => attrs[i]!),
        rel.numPartitions,
      );
      return project(pruned, p.exprs);
    });
  },
};
