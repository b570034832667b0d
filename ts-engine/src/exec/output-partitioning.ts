import type { Expr } from "../expr/expr.js";
import type { JoinType } from "../plan/logical-plan.js";
import { assertNever } from "../errors/assert-never.js";
import { physicalSchema, type BucketedOutput, type PhysicalPlan } from "./physical-plan.js";

/**
 * The output columns a physical plan's rows are hash-clustered on (Spark's
 * outputPartitioning as a HashPartitioning): rows equal on all of them are always in one
 * partition. Null when nothing is known. Only column references are tracked; Spark's
 * EnsureRequirements uses this to add no exchange where the child already satisfies a
 * ClusteredDistribution (an aggregate over a join on the same keys).
 */
export function hashClustering(p: PhysicalPlan): readonly number[] | null {
  switch (p.kind) {
    case "ShuffleExchange":
      return p.partitioning.kind === "hash" ? ordinals(p.partitioning.keys) : null;
    case "Sort":
    case "Filter":
    case "BatchEvalPython":
    case "Generate":
    case "Sample":
    case "Window":
    case "CollectMetrics":
      // the input's columns come first and rows stay in their partition
      return hashClustering(p.input);
    case "Project": {
      const c = hashClustering(p.input);
      if (c === null) return null;
      const at = new Map<number, number>();
      p.exprs.forEach((e, j) => {
        const o = refOrdinal(e.kind === "Alias" ? e.child : e);
        if (o !== null && !at.has(o)) at.set(o, j);
      });
      return mapAll(c, (o) => at.get(o));
    }
    case "HashAggregate": {
      const c = hashClustering(p.input);
      if (c === null) return null;
      return mapAll(c, (o) => {
        const i = p.groupBy.findIndex((g) => refOrdinal(g) === o);
        return i < 0 ? undefined : i;
      });
    }
    case "SortMergeJoin":
      return joinClustering(p.joinType, p.left, p.leftKeys, p.rightKeys);
    case "HashJoin":
      if (p.strategy === "shuffled") return joinClustering(p.joinType, p.left, p.leftKeys, p.rightKeys);
      // a broadcast join keeps its streamed side's partitions
      if (p.build === "right") return p.joinType === "full" || p.joinType === "right" ? null : hashClustering(p.left);
      return p.joinType === "inner" || p.joinType === "right" ? shifted(hashClustering(p.right), physicalSchema(p.left).fields.length) : null;
    case "FileSourceScan":
      // a bucketed table read by bucket: partition i holds the rows of bucket i
      return p.bucketing === undefined ? null : [...p.bucketing.ordinals];
    case "Range":
    case "LocalTableScan":
    case "Limit":
    case "Union":
    case "BroadcastExchange":
    case "ShuffleRead":
    case "BroadcastRead":
    case "InMemoryTableScan":
    case "Expand":
      // Spark's ExpandExec: UnknownPartitioning (a row's copies carry other values)
      return null;
    case "WriteFiles":
      // a write's tasks return their written files, not the input's rows
      return null;
    case "Coalesce":
      // merged neighbours: rows of one key may sit in any output partition (Spark's UnknownPartitioning)
      return null;
    case "ArrowPython":
      // rows stay in their partition, but the output columns are the operator's own
      return null;
    default:
      return assertNever(p);
  }
}

/**
 * A bucketed scan's partitioning as it reaches `p` through the operators that keep rows in
 * their partition and columns in place or projected (Spark's HashPartitioning of a bucketed
 * FileSourceScanExec, whose partition ids are the bucket ids): what a join needs to read both
 * sides with no exchange when they have the same bucket count. Null otherwise.
 */
export function bucketedPartitioning(p: PhysicalPlan): BucketedOutput | null {
  switch (p.kind) {
    case "FileSourceScan":
      return p.bucketing ?? null;
    case "Filter":
    case "Sort":
    case "CollectMetrics":
      return bucketedPartitioning(p.input);
    case "Project": {
      const b = bucketedPartitioning(p.input);
      const c = hashClustering(p);
      return b === null || c === null ? null : { ordinals: c, numBuckets: b.numBuckets };
    }
    default:
      return null;
  }
}

/**
 * A shuffled join's output clustering, as Spark's SortMergeJoinExec and ShuffledHashJoinExec
 * give it: the left keys for inner, left outer, semi and anti joins, the right keys (after
 * the left columns) for right outer joins, nothing for full outer (either side may be null).
 */
function joinClustering(jt: JoinType, left: PhysicalPlan, leftKeys: readonly Expr[], rightKeys: readonly Expr[]): readonly number[] | null {
  switch (jt) {
    case "inner":
    case "left":
    case "left_semi":
    case "left_anti":
      return ordinals(leftKeys);
    case "right":
      return shifted(ordinals(rightKeys), physicalSchema(left).fields.length);
    case "full":
    case "cross":
      return null;
    default:
      return assertNever(jt);
  }
}

/** Whether rows clustered on `clustering` satisfy a required clustering on `required` (Spark: the partitioning keys are a subset). */
export function satisfiesClustering(clustering: readonly number[] | null, required: readonly Expr[]): boolean {
  if (clustering === null || clustering.length === 0) return false;
  const req = ordinals(required);
  return req !== null && clustering.every((o) => req.includes(o));
}

function refOrdinal(e: Expr): number | null {
  return e.kind === "BoundRef" ? e.ordinal : null;
}

function ordinals(keys: readonly Expr[]): number[] | null {
  const out: number[] = [];
  for (const k of keys) {
    const o = refOrdinal(k);
    if (o === null) return null;
    out.push(o);
  }
  return out;
}

function mapAll(c: readonly number[], f: (o: number) => number | undefined): number[] | null {
  const out: number[] = [];
  for (const o of c) {
    const m = f(o);
    if (m === undefined) return null;
    out.push(m);
  }
  return out;
}

function shifted(c: readonly number[] | null, by: number): number[] | null {
  return c === null ? null : c.map((o) => o + by);
}
