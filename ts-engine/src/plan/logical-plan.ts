import type { Alias, AttributeRef, Expr, PythonUDF, ScalarCall, SortOrder } from "../expr/expr.js";
import type { FileSourceRelation } from "../io/file-source.js";
import type { UdtfArgShape } from "../python/python-runner.js";
import type { StructType } from "../types/data-type.js";
import type { StorageLevel } from "./storage-level.js";

/**
 * The resolved logical plan, as one discriminated union: what the analyzer outputs and the
 * optimizer and the physical planner take. Every expression is resolved (`Expr`), every leaf
 * knows its output attributes, and the client's sugar nodes are gone (they exist only in
 * `ParsedPlan`, parsed-plan.ts). Build nodes through the factories in plan/nodes/, which check
 * their invariants.
 */
export type LogicalPlan =
  | Range
  | LocalRelation
  | Project
  | Filter
  | Aggregate
  | Sort
  | Limit
  | Join
  | Union
  | BatchEvalPython
  | InMemoryRelation
  | Generate
  | FileScan
  | InsertIntoFiles
  | Expand
  | Sample
  | Window
  | Offset
  | Repartition
  | CollectMetrics
  | PythonMapGroups
  | PythonCoGroup
  | PythonUDTF;

/** The kinds of resolved plan nodes. */
export type PlanKind = LogicalPlan["kind"];

/** `spark.range`: one LongType column `id`. */
export interface Range {
  readonly kind: "Range";
  readonly start: number | bigint;
  readonly end: number | bigint;
  readonly step: number | bigint;
  readonly numPartitions?: number;
  readonly output: readonly AttributeRef[];
}

/** Rows given by the user (createDataFrame). Values follow the vector convention of `schema`. */
export interface LocalRelation {
  readonly kind: "LocalRelation";
  readonly schema: StructType;
  readonly rows: readonly (readonly unknown[])[];
  readonly numPartitions?: number;
  readonly output: readonly AttributeRef[];
}

/** Computes `exprs` (each an AttributeRef or an Alias) over every input row. */
export interface Project {
  readonly kind: "Project";
  readonly input: LogicalPlan;
  readonly exprs: readonly Expr[];
}

/** Keeps the rows whose boolean `condition` is true. */
export interface Filter {
  readonly kind: "Filter";
  readonly input: LogicalPlan;
  readonly condition: Expr;
}

/** Groups by `groupBy` (unnamed expressions); `aggs` is the named output list. */
export interface Aggregate {
  readonly kind: "Aggregate";
  readonly input: LogicalPlan;
  readonly groupBy: readonly Expr[];
  readonly aggs: readonly Expr[];
}

/** Sorts globally (`global`) or within each partition. */
export interface Sort {
  readonly kind: "Sort";
  readonly input: LogicalPlan;
  readonly orders: readonly SortOrder[];
  readonly global: boolean;
}

/** The first `n` rows. */
export interface Limit {
  readonly kind: "Limit";
  readonly input: LogicalPlan;
  readonly n: number;
}

/** Spark's join types, by their PySpark spelling. */
export type JoinType = "inner" | "left" | "right" | "full" | "left_semi" | "left_anti" | "cross";

/**
 * A join strategy hint on one side of a join (Spark's JoinStrategyHint, from
 * `df.hint(...)`, `broadcast(df)` or SQL hint comments): BROADCAST (also BROADCASTJOIN,
 * MAPJOIN), SHUFFLE_MERGE (MERGE, MERGEJOIN), SHUFFLE_HASH, SHUFFLE_REPLICATE_NL.
 */
export type JoinStrategyHint = "broadcast" | "shuffle_merge" | "shuffle_hash" | "shuffle_replicate_nl";

/** The strategy hints found on each side of a join (Spark's JoinHint). */
export interface JoinHint {
  readonly left?: JoinStrategyHint;
  readonly right?: JoinStrategyHint;
}

/** A join on an optional boolean condition over both sides' attributes. */
export interface Join {
  readonly kind: "Join";
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  readonly joinType: JoinType;
  readonly condition?: Expr;
  /** Strategy hints of the sides (none: the planner chooses by size and conf alone). */
  readonly hint?: JoinHint;
}

/** Union by position, keeping duplicates; the inputs have the same column types. */
export interface Union {
  readonly kind: "Union";
  readonly inputs: readonly LogicalPlan[];
}

/**
 * Produced by the optimizer (as Spark's ExtractPythonUDFs): evaluates `udfs` over `input`
 * in Python workers and appends one column per UDF (`resultAttrs`) to the input's output.
 */
export interface BatchEvalPython {
  readonly kind: "BatchEvalPython";
  readonly input: LogicalPlan;
  readonly udfs: readonly PythonUDF[];
  readonly resultAttrs: readonly AttributeRef[];
}

/**
 * A cached query's output (Spark's InMemoryRelation): what `df.cache()` / `persist()`
 * replaces the cached plan with in every later query that contains it. A leaf here: its
 * rows come from the cache manager's store (exec/cache), materialised by the first query
 * that reads it. `cachedPlanLines` is the cached query's physical plan as explain prints it
 * (Spark prints the cached plan under the relation).
 */
export interface InMemoryRelation {
  readonly kind: "InMemoryRelation";
  readonly cacheId: number;
  /** Every column of the cached query's output. */
  readonly relationOutput: readonly AttributeRef[];
  /** The columns this scan reads (ordinals of relationOutput): column pruning narrows them. */
  readonly columns: readonly number[];
  /** relationOutput at `columns`. */
  readonly output: readonly AttributeRef[];
  readonly storageLevel: StorageLevel;
  readonly cachedPlanLines: readonly string[];
  /** Estimated bytes of the cached rows (for join selection). */
  readonly sizeInBytes: number;
  /** The saved rows of df.checkpoint / localCheckpoint: Spark's LogicalRDD, explained as one. */
  readonly checkpoint?: true;
}

/**
 * A generator in a select list (Spark's Generate): every input row is joined with each row
 * `generator` makes from it (explode, posexplode, inline, stack), and with one row of nulls
 * when `outer` and it makes none. Output: the input's columns, then `generatorOutput`.
 */
export interface Generate {
  readonly kind: "Generate";
  readonly input: LogicalPlan;
  readonly generator: ScalarCall;
  readonly outer: boolean;
  readonly generatorOutput: readonly AttributeRef[];
}

/**
 * A scan of files (Spark's LogicalRelation over a HadoopFsRelation): `relationOutput` is the
 * relation's data columns then its partition columns; `output` the ones the query reads
 * (column pruning narrows it). Filters above it are pushed into the physical scan.
 */
export interface FileScan {
  readonly kind: "FileScan";
  readonly relation: FileSourceRelation;
  readonly relationOutput: readonly AttributeRef[];
  readonly output: readonly AttributeRef[];
}

/** How a write treats existing data at its path (Spark's SaveMode). */
export type SaveMode = "append" | "overwrite" | "errorifexists" | "ignore";

/**
 * `df.write...save(path)` (Spark's InsertIntoHadoopFsRelationCommand): the input's rows as
 * files of `format` under `path`, with `partitionBy` columns as `key=value` directories.
 */
export interface InsertIntoFiles {
  readonly kind: "InsertIntoFiles";
  readonly input: LogicalPlan;
  readonly format: string;
  readonly path: string;
  readonly mode: SaveMode;
  readonly options: readonly (readonly [string, string])[];
  readonly partitionBy: readonly AttributeRef[];
  /** A bucketed write: the input column of each row's bucket id (`_00003` in its file's name, not in the file). */
  readonly bucketId?: AttributeRef;
}

/**
 * Spark's Expand: every input row becomes one output row per projection (each projection
 * lists one unnamed expression per output column, over the input's attributes). Grouping
 * sets (cube, rollup, groupingSets) project the grouping columns or nulls and the set's
 * `spark_grouping_id`; unpivot projects each value column next to its name.
 */
export interface Expand {
  readonly kind: "Expand";
  readonly input: LogicalPlan;
  readonly projections: readonly (readonly Expr[])[];
  readonly output: readonly AttributeRef[];
}

/**
 * Spark's Sample: each partition keeps the rows whose draw from XORShiftRandom(seed +
 * partition index) falls in [lowerBound, upperBound) (df.sample without replacement, and
 * each piece of randomSplit), or with replacement a Poisson(upperBound - lowerBound) number
 * of copies of each row.
 */
export interface Sample {
  readonly kind: "Sample";
  readonly input: LogicalPlan;
  readonly lowerBound: number;
  readonly upperBound: number;
  readonly withReplacement: boolean;
  readonly seed: bigint;
}

/**
 * Spark's Window: each of `windowExprs` (an Alias over a WindowExpression whose spec is this
 * node's `partitionSpec` and `orderSpec`; frames may differ) computed for every input row.
 * Output: the input's columns, then one per window expression. The analyzer makes one node
 * per distinct spec (ExtractWindowExpressions), chained.
 */
export interface Window {
  readonly kind: "Window";
  readonly input: LogicalPlan;
  readonly windowExprs: readonly Alias[];
  readonly partitionSpec: readonly Expr[];
  readonly orderSpec: readonly SortOrder[];
}

/** The rows after the first `n` (Spark's Offset), in the input's order. */
export interface Offset {
  readonly kind: "Offset";
  readonly input: LogicalPlan;
  readonly n: number;
}

/**
 * How a Repartition distributes rows (Spark's Repartition and RepartitionByExpression):
 * round robin (`repartition(n)`), by hash of `exprs` (`repartition(n, *cols)`), by ranges of
 * `orders` (`repartitionByRange`), or merging neighbouring partitions without a shuffle
 * (`coalesce(n)`).
 */
export type RepartitionScheme =
  | { readonly kind: "roundRobin" }
  | { readonly kind: "hash"; readonly exprs: readonly Expr[] }
  | { readonly kind: "range"; readonly orders: readonly SortOrder[] }
  | { readonly kind: "coalesce" }
  /**
   * Spark's RebalancePartitions (the REBALANCE hint): by hash of `exprs`, or round robin
   * without them, into partitions that AQE then sizes (never a fixed count).
   */
  | { readonly kind: "rebalance"; readonly exprs: readonly Expr[] };

/**
 * The input's rows redistributed as `scheme` says into `numPartitions` partitions. A
 * repartition by expression without a number (Spark's REPARTITION_BY_COL) has none here:
 * it gets spark.sql.shuffle.partitions when planned, which AQE may coalesce; a user's
 * number (REPARTITION_BY_NUM) is kept as it is.
 */
export interface Repartition {
  readonly kind: "Repartition";
  readonly input: LogicalPlan;
  readonly scheme: RepartitionScheme;
  readonly numPartitions?: number;
}

/**
 * Spark's CollectMetrics (`df.observe`): the input's rows unchanged, while `metrics` (named
 * aggregate expressions over them, each an Alias) are computed over every row that flows
 * through and reported under `name` when the action ends; `observationId` ties them to the
 * client's Observation.
 */
export interface CollectMetrics {
  readonly kind: "CollectMetrics";
  readonly input: LogicalPlan;
  readonly name: string;
  readonly metrics: readonly Alias[];
  readonly observationId?: string;
}

/**
 * Spark's MapInPandas / MapInArrow (no `groupBy`: `udf` over an iterator of each partition's
 * batches) and FlatMapGroupsInPandas / FlatMapGroupsInArrow (`udf` once per group of
 * `groupBy`). `udf`'s arguments are the input's columns, its evalType says which (205, 207,
 * 201, 209) and its returnType is the output struct; `output` are the rows it returns.
 * `isBarrier`: mapInPandas(barrier=True), which runs as a barrier stage in Spark.
 */
export interface PythonMapGroups {
  readonly kind: "PythonMapGroups";
  readonly input: LogicalPlan;
  readonly groupBy: readonly Expr[];
  readonly udf: PythonUDF;
  readonly output: readonly AttributeRef[];
  readonly isBarrier: boolean;
}

/**
 * Spark's FlatMapCoGroupsInPandas / FlatMapCoGroupsInArrow (`df1.groupBy(k).cogroup(
 * df2.groupBy(k)).applyInPandas`): `udf` once per key present on either side, with both
 * sides' rows of that key; its arguments are the left's columns then the right's.
 */
export interface PythonCoGroup {
  readonly kind: "PythonCoGroup";
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  readonly leftGroupBy: readonly Expr[];
  readonly rightGroupBy: readonly Expr[];
  readonly udf: PythonUDF;
  readonly output: readonly AttributeRef[];
}

/**
 * Spark's Generate over a PythonUDTF (planned as BatchEvalPythonUDTF, or ArrowEvalPythonUDTF
 * for an Arrow UDTF): the UDTF's class is instantiated per partition of the input (per
 * `partitionBy` key when a TABLE argument has PARTITION BY, the input then clustered on it and
 * sorted by it and `orderBy`; one partition with `singlePartition`), `eval` is called per row
 * with `udtf.args` shaped by `shapes`, and `terminate` at the end. Output: the `passThrough`
 * input columns (a lateral join's left side, null on terminate's rows), then `output`.
 */
export interface PythonUDTF {
  readonly kind: "PythonUDTF";
  readonly input: LogicalPlan;
  readonly udtf: PythonUDF;
  readonly shapes: readonly UdtfArgShape[];
  readonly passThrough: readonly AttributeRef[];
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortOrder[];
  readonly singlePartition: boolean;
  readonly output: readonly AttributeRef[];
  /** The id Spark's explain prints after the call (`f(a#1)#2`). */
  readonly udtfId: number;
}
