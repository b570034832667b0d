import { CollectMetricsExec } from "./collect-metrics-exec.js";
import { InternalError } from "../errors/spark-exception.js";
import { HashAggregateExec } from "./aggregate/hash-aggregate-exec.js";
import { BatchEvalPythonExec } from "./batch-eval-python-exec.js";
import { StageInputExec, type StageInputs } from "./exchange/stage-input-exec.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { FilterExec } from "./filter-exec.js";
import { FileSourceScanExec } from "./file-source-scan-exec.js";
import { WriteFilesExec } from "./write-files-exec.js";
import { InMemoryTableScanExec } from "./cache/in-memory-table-scan-exec.js";
import { ExpandExec } from "./expand-exec.js";
import { SampleExec } from "./sample-exec.js";
import { GenerateExec } from "./generate-exec.js";
import { HashJoinExec } from "./join/hash-join-exec.js";
import { SortMergeJoinExec } from "./join/sort-merge-join-exec.js";
import { LimitExec } from "./limit-exec.js";
import { LocalTableScanExec } from "./local-table-scan-exec.js";
import type { HashedRelation } from "./join/hashed-relation.js";
import type { HashJoinP, PhysicalKind, PhysicalPlan, SortMergeJoinP } from "./physical-plan.js";
import { physicalSchema } from "./physical-plan.js";
import type { Expr } from "../expr/expr.js";
import { projectedColumns } from "./join/join-projection.js";
import { ProjectExec } from "./project-exec.js";
import { RangeExec } from "./range-exec.js";
import { SortExec } from "./sort/sort-exec.js";
import { UnionExec } from "./union-exec.js";
import { WindowExec } from "./window/window-exec.js";
import { CoalesceExec } from "./exchange/coalesce-exec.js";
import { arrowPythonExec } from "./python/arrow-python-exec.js";
import { MeteredExec } from "./metrics/metered-exec.js";

type Builder<K extends PhysicalKind> = (p: PhysicalPlan & { kind: K }, inputs: StageInputs) => ExecutionPlan;

const LIMIT_NAMES = { local: "LocalLimit", global: "GlobalLimit", collect: "CollectLimit" } as const;

const BUILDERS: { readonly [K in PhysicalKind]: Builder<K> } = {
  Range: (p) => new RangeExec(p.schema, p.start, p.end, p.step, p.slices),
  LocalTableScan: (p) => new LocalTableScanExec(p.schema, p.rows, p.slices, p.detail, p.slice),
  Project: (p, i) => new ProjectExec(buildProjected(p.input, i, p.exprs), p.exprs, p.schema, p.detail),
  Filter: (p, i) => new FilterExec(buildExec(p.input, i), p.condition, p.detail),
  HashAggregate: (p, i) => new HashAggregateExec(buildExec(p.input, i), p.groupBy, p.calls, p.output, p.results, p.schema, p.detail),
  Sort: (p, i) => new SortExec(buildExec(p.input, i), p.orders, p.detail),
  // only a global limit skips its offset itself: a CollectLimit's collector skips it (dag-scheduler)
  Limit: (p, i) => new LimitExec(buildExec(p.input, i), p.n, LIMIT_NAMES[p.scope], p.scope === "global" ? (p.offset ?? 0) : 0),
  Union: (p, i) => new UnionExec(p.inputs.map((c) => buildExec(c, i)), p.schema),
  HashJoin: (p, i) => hashJoin(p, i, null),
  Generate: (p, i) => new GenerateExec(buildExec(p.input, i), p.generator, p.outer, p.schema, p.detail),
  Expand: (p, i) => new ExpandExec(buildExec(p.input, i), p.projections, p.schema, p.detail),
  CollectMetrics: (p, i) => new CollectMetricsExec(buildExec(p.input, i), p.metricsId, p.calls, p.detail),
  Sample: (p, i) => new SampleExec(buildExec(p.input, i), p.lowerBound, p.upperBound, p.withReplacement, p.seed, p.detail),
  SortMergeJoin: (p, i) => sortMergeJoin(p, i, null),
  BatchEvalPython: (p, i) => new BatchEvalPythonExec(buildExec(p.input, i), p.udfs, p.resultFields, p.detail),
  ShuffleExchange: (p) => {
    throw new InternalError(`exchange ${p.planId} must be cut into its own stage before execution`);
  },
  BroadcastExchange: (p) => {
    throw new InternalError(`broadcast ${p.planId} must be cut into its own stage before execution`);
  },
  ShuffleRead: (p, i) => {
    const s = i.shuffle(p.shuffleId);
    return new StageInputExec("ShuffleRead", p.schema, s.numPartitions, (q) => s.read(q));
  },
  BroadcastRead: (p, i) => new StageInputExec("BroadcastRead", p.schema, 1, () => i.broadcast(p.broadcastId)),
  FileSourceScan: (p) => new FileSourceScanExec(p),
  WriteFiles: (p, i) => new WriteFilesExec(p, buildExec(p.input, i)),
  Window: (p, i) => new WindowExec(buildExec(p.input, i), p.windowExprs, p.partitionSpec, p.orderSpec, p.schema, p.detail),
  InMemoryTableScan: (p, i) => {
    const c = i.cached(p.cacheId);
    return new InMemoryTableScanExec(p.schema, p.columns, c.numPartitions, (q) => c.read(q), p.detail);
  },
  ArrowPython: (p, i) => arrowPythonExec(p, buildExec(p.input, i), p.other === undefined ? undefined : buildExec(p.other, i)),
  Coalesce: (p, i) =>
    new CoalesceExec(
      buildExec(p.input, i),
      p.numPartitions,
      p.parts?.map((part) => ({ partition: part.partition, exec: buildExec(part.plan, i) })),
    ),
};

function hashJoin(p: HashJoinP, i: StageInputs, used: readonly boolean[] | null): ExecutionPlan {
  const strategy = p.strategy === "broadcast";
  return new HashJoinExec(buildExec(p.left, i), buildExec(p.right, i), p.joinType, p.leftKeys, p.rightKeys, p.residual, p.build, strategy, p.schema, p.detail, sharedRelation(p, i), used);
}

function sortMergeJoin(p: SortMergeJoinP, i: StageInputs, used: readonly boolean[] | null): ExecutionPlan {
  return new SortMergeJoinExec(buildExec(p.left, i), buildExec(p.right, i), p.joinType, p.leftKeys, p.rightKeys, p.residual, p.schema, p.detail, used);
}

/**
 * A Project's input; a join or filter directly below it is told which of its columns the
 * Project reads, so that it gathers only those (late materialization, join-projection.ts).
 */
function buildProjected(input: PhysicalPlan, i: StageInputs, exprs: readonly Expr[]): ExecutionPlan {
  if (input.kind === "HashJoin") return metered(input, i, hashJoin(input, i, projectedColumns(exprs, input.schema.fields.length)));
  if (input.kind === "SortMergeJoin") return metered(input, i, sortMergeJoin(input, i, projectedColumns(exprs, input.schema.fields.length)));
  if (input.kind === "Filter") return metered(input, i, new FilterExec(buildExec(input.input, i), input.condition, input.detail, projectedColumns(exprs, physicalSchema(input).fields.length)));
  return buildExec(input, i);
}

/** The broadcast hash join's build side as the query hashed it once, when it did. */
function sharedRelation(p: HashJoinP, inputs: StageInputs): HashedRelation | undefined {
  if (p.strategy !== "broadcast" || p.leftKeys.length === 0) return undefined;
  const b = p.build === "right" ? p.right : p.left;
  return b.kind === "BroadcastRead" ? inputs.relation?.(b.broadcastId) : undefined;
}

/**
 * The operators of one stage's plan (no exchanges left in it: the scheduler replaced
 * them by reads of `inputs`). Built on whichever thread runs the stage's tasks.
 */
export function buildExec(p: PhysicalPlan, inputs: StageInputs): ExecutionPlan {
  return metered(p, inputs, (BUILDERS[p.kind] as Builder<typeof p.kind>)(p, inputs));
}

/** `exec` with its metrics taken when the task meters `p` (a profiled query). */
function metered(p: PhysicalPlan, inputs: StageInputs, exec: ExecutionPlan): ExecutionPlan {
  const path = inputs.metered?.get(p);
  return path === undefined ? exec : new MeteredExec(exec, path);
}
