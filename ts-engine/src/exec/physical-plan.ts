import type { AggCall, Expr, PythonUDF, ScalarCall, SortOrder, WindowExpression } from "../expr/expr.js";
import type { JoinType } from "../plan/logical-plan.js";
import type { FilePartition } from "../io/file-split.js";
import type { PushedFilter } from "../io/pushed-filter.js";
import { assertNever } from "../errors/assert-never.js";
import type { ArrowPythonOp } from "./python/arrow-python-op.js";
import { structType, type StructField, type StructType } from "../types/data-type.js";

/**
 * The physical plan as plain, structured-clonable data: the planner builds it once from
 * the optimized logical plan; explain prints it; the DAG scheduler cuts it into stages at
 * its exchanges and sends each stage's subtree (exchanges replaced by reads) to the
 * worker threads, which turn it into operators with `buildExec`. Expressions are bound to
 * their input's ordinals. `detail` is the text explain prints after the operator name.
 */
export type PhysicalPlan =
  | RangeP
  | LocalTableScanP
  | ProjectP
  | FilterP
  | HashAggregateP
  | SortP
  | LimitP
  | UnionP
  | HashJoinP
  | SortMergeJoinP
  | BatchEvalPythonP
  | ShuffleExchangeP
  | BroadcastExchangeP
  | ShuffleReadP
  | BroadcastReadP
  | InMemoryTableScanP
  | GenerateP
  | FileSourceScanP
  | WriteFilesP
  | ExpandP
  | SampleP
  | WindowP
  | CoalesceP
  | CollectMetricsP
  | ArrowPythonP;

export type PhysicalKind = PhysicalPlan["kind"];

/** `spark.range`: `slices` partitions of ids. */
export interface RangeP {
  readonly kind: "Range";
  readonly schema: StructType;
  readonly start: bigint;
  readonly end: bigint;
  readonly step: bigint;
  readonly slices: number;
}

/**
 * Rows given with the plan, split evenly over `slices` partitions. A task is sent only
 * its own slice: then `slice` says which partition `rows` are.
 */
export interface LocalTableScanP {
  readonly kind: "LocalTableScan";
  readonly schema: StructType;
  readonly rows: readonly (readonly unknown[])[];
  readonly slices: number;
  readonly slice?: number;
  readonly detail: string;
}

export interface ProjectP {
  readonly kind: "Project";
  readonly input: PhysicalPlan;
  readonly exprs: readonly Expr[];
  readonly schema: StructType;
  readonly detail: string;
}

export interface FilterP {
  readonly kind: "Filter";
  readonly input: PhysicalPlan;
  readonly condition: Expr;
  readonly detail: string;
}

/**
 * How one aggregate call reads its input: `update` evaluates `call.args` (bound to the
 * input) on raw rows; `merge` merges the partial state stored from input column `offset`.
 */
export interface AggCallPlan {
  readonly call: AggCall;
  readonly input: "update" | "merge";
  readonly offset: number;
}

/**
 * Hash aggregation of one partition. `output` partial gives [keys…, partial states…]
 * (Spark's Partial and PartialMerge modes); final evaluates `results` over
 * [keys…, aggregate results…] (Final and Complete).
 */
export interface HashAggregateP {
  readonly kind: "HashAggregate";
  readonly input: PhysicalPlan;
  readonly groupBy: readonly Expr[];
  readonly calls: readonly AggCallPlan[];
  readonly output: "partial" | "final";
  readonly results: readonly Expr[];
  readonly schema: StructType;
  readonly detail: string;
}

/** Sorts each partition (a global sort sits on a range exchange). */
export interface SortP {
  readonly kind: "Sort";
  readonly input: PhysicalPlan;
  readonly orders: readonly SortOrder[];
  readonly detail: string;
}

/**
 * The first `n` rows of each partition (`local`, Spark's LocalLimit), of the single
 * partition under it (`global`, GlobalLimit), or of the query's result at its root
 * (`collect`, CollectLimit: each partition is cut to n and the collector stops at n).
 */
export interface LimitP {
  readonly kind: "Limit";
  readonly input: PhysicalPlan;
  /** Rows kept from the start, the offset's included (Spark's limit of GlobalLimitAndOffset); -1: all. */
  readonly n: number;
  /** Rows skipped first (Spark's offset): by the global limit, or the collector of a CollectLimit. */
  readonly offset?: number;
  readonly scope: "local" | "global" | "collect";
}

/** UNION ALL: the partitions of every input, one after another. */
export interface UnionP {
  readonly kind: "Union";
  readonly inputs: readonly PhysicalPlan[];
  readonly schema: StructType;
}

/**
 * Hash join of one partition: `build` side rows go into a hash table, the other side
 * streams through it. `shuffled`: both sides are hash-partitioned on their keys into the
 * same partitions; `broadcast`: the build side is a BroadcastExchange read whole by every
 * partition of the streamed side. Without keys every pair is a candidate (nested loop).
 */
export interface HashJoinP {
  readonly kind: "HashJoin";
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly joinType: JoinType;
  readonly leftKeys: readonly Expr[];
  readonly rightKeys: readonly Expr[];
  /** Bound to [left columns…, right columns…]. */
  readonly residual?: Expr;
  readonly build: "left" | "right";
  readonly strategy: "shuffled" | "broadcast";
  readonly schema: StructType;
  readonly detail: string;
}

/**
 * Spark's SortMergeJoin of one partition: both inputs are hash-partitioned on their keys
 * into the same partitions and sorted on them (the planner puts a Sort over each side), and
 * the join merges them, buffering one key's rows of one side at a time.
 */
export interface SortMergeJoinP {
  readonly kind: "SortMergeJoin";
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly joinType: JoinType;
  readonly leftKeys: readonly Expr[];
  readonly rightKeys: readonly Expr[];
  /** Bound to [left columns…, right columns…]. */
  readonly residual?: Expr;
  readonly schema: StructType;
  readonly detail: string;
}

export interface BatchEvalPythonP {
  readonly kind: "BatchEvalPython";
  readonly input: PhysicalPlan;
  readonly udfs: readonly PythonUDF[];
  readonly resultFields: readonly StructField[];
  readonly detail: string;
}

/**
 * A Python operator that feeds pandas/Arrow UDFs whole groups of rows (Spark's
 * AggregateInPandas, ArrowWindowPython …): `op` says which; `name` is the operator name
 * explain prints. Expressions are bound to the input.
 */
export interface ArrowPythonP {
  readonly kind: "ArrowPython";
  readonly input: PhysicalPlan;
  /** The right side of a cogrouped operator (co-partitioned with `input` on its keys). */
  readonly other?: PhysicalPlan;
  readonly op: ArrowPythonOp;
  readonly name: string;
  readonly schema: StructType;
  readonly detail: string;
}

/**
 * How a shuffle distributes rows over its output partitions. `hash` with `sparkHash` places
 * rows by Spark's own Murmur3 `hash(keys)` (a user's repartition by columns, so each row lands
 * where Spark puts it); other hash exchanges use the engine's faster partitioning hash, which
 * only needs to agree with itself. `roundRobin`: rows dealt in turn from a start that depends
 * on the map partition (Spark's RoundRobinPartitioning).
 */
export type Partitioning =
  | { readonly kind: "hash"; readonly keys: readonly Expr[]; readonly numPartitions: number; readonly sparkHash?: boolean }
  | { readonly kind: "range"; readonly orders: readonly SortOrder[]; readonly numPartitions: number }
  | { readonly kind: "single" }
  | { readonly kind: "roundRobin"; readonly numPartitions: number };

/**
 * Why an exchange is there (Spark's ShuffleOrigin): an operator's required distribution
 * (ENSURE_REQUIREMENTS), or a user's repartition by number (kept as given, never coalesced)
 * or by columns alone (REPARTITION_BY_COL, coalesced like the others), or a REBALANCE hint
 * by columns or by none (coalesced like the others, whatever its number).
 */
export type ShuffleOrigin = "ENSURE_REQUIREMENTS" | "REPARTITION_BY_NUM" | "REPARTITION_BY_COL" | "REBALANCE_PARTITIONS_BY_NONE" | "REBALANCE_PARTITIONS_BY_COL";

/** A stage boundary: the input's rows redistributed by `partitioning`. */
export interface ShuffleExchangeP {
  readonly kind: "ShuffleExchange";
  readonly input: PhysicalPlan;
  readonly partitioning: Partitioning;
  readonly planId: number;
  readonly detail: string;
  /** Absent: ENSURE_REQUIREMENTS. */
  readonly origin?: ShuffleOrigin;
}

/**
 * A stage boundary: the input collected once and handed whole to every task that reads it.
 * With `keys` (a broadcast hash join's build keys, bound to the input) it is hashed on them
 * once, on one worker thread, and every task shares that relation.
 */
export interface BroadcastExchangeP {
  readonly kind: "BroadcastExchange";
  readonly input: PhysicalPlan;
  readonly planId: number;
  readonly keys?: readonly Expr[];
  readonly detail: string;
}

/**
 * Inside a stage: the output of shuffle `shuffleId` (an exchange's planId) as the stage's
 * `numPartitions` partitions (after adaptive coalescing).
 */
export interface ShuffleReadP {
  readonly kind: "ShuffleRead";
  readonly shuffleId: number;
  readonly schema: StructType;
  /** The exchange this read replaces, for explain. */
  readonly exchange: ShuffleExchangeP;
}

/** Inside a stage: a broadcast's rows, whole, in every partition. */
export interface BroadcastReadP {
  readonly kind: "BroadcastRead";
  readonly broadcastId: number;
  readonly schema: StructType;
  readonly exchange: BroadcastExchangeP;
}

/**
 * A scan of a cached relation (Spark's InMemoryTableScan): `columns` of cache entry
 * `cacheId`'s batches, one partition per cached partition. The scheduler materialises the
 * entry (runs its plan on the workers) before the first stage that reads it, and sends each
 * task its partition's batches, which live in shared memory.
 */
export interface InMemoryTableScanP {
  readonly kind: "InMemoryTableScan";
  readonly cacheId: number;
  readonly columns: readonly number[];
  readonly schema: StructType;
  readonly detail: string;
  /** `InMemoryRelation [...], StorageLevel(...)` and the cached plan under it, for explain. */
  readonly relationLine: string;
  readonly cachedPlanLines: readonly string[];
  /** A checkpoint's saved rows: explain prints Spark's `Scan ExistingRDD[…]`, with no relation under it. */
  readonly checkpoint?: true;
}

/**
 * Generate (Spark's GenerateExec): the input's columns, then the columns `generator` (bound
 * to the input) makes, one output row per generated row; `outer` adds a null row for input
 * rows that generate none.
 */
export interface GenerateP {
  readonly kind: "Generate";
  readonly input: PhysicalPlan;
  readonly generator: ScalarCall;
  readonly outer: boolean;
  readonly schema: StructType;
  readonly detail: string;
}

/** One output column of a file scan: a data column the format reads, or a partition column's value. */
export type ScanColumn = { readonly kind: "data"; readonly index: number } | { readonly kind: "partition"; readonly index: number };

/**
 * A scan of files (Spark's FileSourceScanExec): each output partition reads its splits with
 * the format, asking for `requiredSchema` (projection push-down) with `filters` (pushed data
 * filters), and appends the split's partition values. `partitions` are the pruned ones; a
 * task is sent only its own (then `slice` says which).
 */
export interface FileSourceScanP {
  readonly kind: "FileSourceScan";
  readonly format: string;
  readonly options: readonly (readonly [string, string])[];
  readonly dataSchema: StructType;
  readonly requiredSchema: StructType;
  readonly partitionSchema: StructType;
  readonly columns: readonly ScanColumn[];
  readonly filters: readonly PushedFilter[];
  readonly partitions: readonly FilePartition[];
  readonly numPartitions: number;
  readonly slice?: number;
  readonly schema: StructType;
  readonly detail: string;
  /** The format's supportBatch: explain prints a ColumnarToRow above the scan. */
  readonly batched: boolean;
  /** Set when the scan reads a bucketed table by bucket: partition i holds bucket i's rows. */
  readonly bucketing?: BucketedOutput;
  /**
   * Set on the scans schema inference runs (engine/infer-schema-tasks.ts): each split yields
   * one row (path, start, the format's SplitInference part as JSON) instead of its records.
   */
  readonly inferSchema?: boolean;
}

/**
 * A bucketed scan's output partitioning (Spark's HashPartitioning(bucket columns, numBuckets)):
 * the output ordinals of the bucket columns, in the bucket spec's order, and the bucket count.
 * Rows sit in partition pmod(Murmur3(bucket columns), numBuckets), the place a `sparkHash`
 * exchange on the same columns puts them.
 */
export interface BucketedOutput {
  readonly ordinals: readonly number[];
  readonly numBuckets: number;
}

/**
 * The tasks of a write (Spark's WriteFilesExec): each writes its partition's rows as files
 * of `format` under `stagingDir` (one per `partitionBy` directory it meets), named with
 * `jobId`, and returns one row per file written (its path relative to the staging
 * directory and its row count); the committer moves them into place after every task ended.
 */
export interface WriteFilesP {
  readonly kind: "WriteFiles";
  readonly input: PhysicalPlan;
  readonly format: string;
  readonly options: readonly (readonly [string, string])[];
  readonly stagingDir: string;
  readonly jobId: string;
  /** Ordinals of the input's partition columns, in partitionBy order. */
  readonly partitionColumns: readonly number[];
  /** Ordinals of the columns written into the files. */
  readonly dataColumns: readonly number[];
  /** A bucketed write: the ordinal of the int column of each row's bucket id (Spark's `_00003` file name suffix). */
  readonly bucketColumn?: number;
  readonly schema: StructType;
}

/**
 * Expand (Spark's ExpandExec): every input row once per projection, each projection's
 * expressions bound to the input; output rows come projection by projection per batch.
 */
export interface ExpandP {
  readonly kind: "Expand";
  readonly input: PhysicalPlan;
  readonly projections: readonly (readonly Expr[])[];
  readonly schema: StructType;
  readonly detail: string;
}

/** Sample (Spark's SampleExec): rows kept by each partition's seeded draws; the input's schema. */
export interface SampleP {
  readonly kind: "Sample";
  readonly input: PhysicalPlan;
  readonly lowerBound: number;
  readonly upperBound: number;
  readonly withReplacement: boolean;
  readonly seed: bigint;
  readonly detail: string;
}

/**
 * Spark's WindowExec over one partition whose rows are clustered on `partitionSpec` and
 * sorted by it then `orderSpec` (the planner puts an exchange and a sort under it): the
 * input's columns, then one column per window expression. Everything is bound to the input.
 */
export interface WindowP {
  readonly kind: "Window";
  readonly input: PhysicalPlan;
  readonly windowExprs: readonly WindowExpression[];
  readonly partitionSpec: readonly Expr[];
  readonly orderSpec: readonly SortOrder[];
  readonly schema: StructType;
  readonly detail: string;
  /** The operator explain names when it is not Spark's Window (MergingSessions: a session-window aggregate's merge). */
  readonly name?: string;
}

/**
 * `df.coalesce(n)` (Spark's CoalesceExec): partition i of the output is input partitions
 * [i·m/n, (i+1)·m/n) of the m the input has, read one after another in the same task, with
 * no exchange. A task is sent `parts`: its input partitions' subtrees, each cut to its
 * partition by the scheduler.
 */
export interface CoalesceP {
  readonly kind: "Coalesce";
  readonly input: PhysicalPlan;
  readonly numPartitions: number;
  readonly parts?: readonly { readonly partition: number; readonly plan: PhysicalPlan }[];
}

/** Input partitions [start, end) that output partition `i` of a coalesce of `m` into `n` reads (Spark's DefaultPartitionCoalescer without locality). */
export function coalescedRange(i: number, m: number, n: number): { readonly start: number; readonly end: number } {
  return { start: Math.floor((i * m) / n), end: Math.floor(((i + 1) * m) / n) };
}

/** The inputs of a node, in order. */
export function childrenOf(p: PhysicalPlan): readonly PhysicalPlan[] {
  switch (p.kind) {
    case "Range":
    case "LocalTableScan":
    case "ShuffleRead":
    case "BroadcastRead":
    case "InMemoryTableScan":
    case "FileSourceScan":
      return [];
    case "Project":
    case "Filter":
    case "HashAggregate":
    case "Sort":
    case "Limit":
    case "BatchEvalPython":
    case "ShuffleExchange":
    case "BroadcastExchange":
    case "Generate":
    case "WriteFiles":
    case "Expand":
    case "Sample":
    case "Window":
    case "Coalesce":
    case "CollectMetrics":
      return [p.input];
    case "ArrowPython":
      return p.other === undefined ? [p.input] : [p.input, p.other];
    case "Union":
      return p.inputs;
    case "HashJoin":
    case "SortMergeJoin":
      return [p.left, p.right];
    default:
      return assertNever(p);
  }
}

/** The batch schema a node produces. */
export function physicalSchema(p: PhysicalPlan): StructType {
  switch (p.kind) {
    case "Range":
    case "LocalTableScan":
    case "Project":
    case "HashAggregate":
    case "Union":
    case "HashJoin":
    case "SortMergeJoin":
    case "ShuffleRead":
    case "BroadcastRead":
    case "InMemoryTableScan":
    case "Generate":
    case "FileSourceScan":
    case "WriteFiles":
    case "Expand":
    case "Window":
    case "ArrowPython":
      return p.schema;
    case "Filter":
    case "Sort":
    case "Limit":
    case "ShuffleExchange":
    case "BroadcastExchange":
    case "Sample":
    case "Coalesce":
    case "CollectMetrics":
      return physicalSchema(p.input);
    case "BatchEvalPython": {
      const input = physicalSchema(p.input);
      return structType([...input.fields, ...p.resultFields]);
    }
    default:
      return assertNever(p);
  }
}

/** `p` with its inputs replaced by `kids` (same order as childrenOf); `p` itself when nothing changed. */
export function withChildren(p: PhysicalPlan, kids: readonly PhysicalPlan[]): PhysicalPlan {
  const old = childrenOf(p);
  if (old.length === kids.length && old.every((c, i) => c === kids[i])) return p;
  const k0 = kids[0]!;
  switch (p.kind) {
    case "Range":
    case "LocalTableScan":
    case "ShuffleRead":
    case "BroadcastRead":
    case "InMemoryTableScan":
    case "FileSourceScan":
      return p;
    case "Project":
    case "Filter":
    case "HashAggregate":
    case "Sort":
    case "Limit":
    case "BatchEvalPython":
    case "ShuffleExchange":
    case "BroadcastExchange":
    case "Generate":
    case "WriteFiles":
    case "Expand":
    case "Sample":
    case "Window":
    case "Coalesce":
    case "CollectMetrics":
      return { ...p, input: k0 };
    case "ArrowPython":
      return p.other === undefined ? { ...p, input: k0 } : { ...p, input: k0, other: kids[1]! };
    case "Union":
      return { ...p, inputs: kids };
    case "HashJoin":
    case "SortMergeJoin":
      return { ...p, left: k0, right: kids[1]! };
    default:
      return assertNever(p);
  }
}

/**
 * Spark's CollectMetricsExec: the input's rows unchanged, while each task folds them into
 * `calls` (bound to the input) and reports their partial states; the query merges them and
 * evaluates `results` (over the calls' results, BoundRef i = call i) once the action ends.
 * `metricsId` tells this node's partials from another's in the same query.
 */
export interface CollectMetricsP {
  readonly kind: "CollectMetrics";
  readonly input: PhysicalPlan;
  readonly metricsId: number;
  readonly name: string;
  readonly observationId?: string;
  readonly calls: readonly AggCall[];
  readonly results: readonly Expr[];
  /** The metrics' names and types, in order (the reported row). */
  readonly metricsSchema: StructType;
  readonly detail: string;
}
