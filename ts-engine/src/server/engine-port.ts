import type { ColumnBatch } from "../columnar/batch.js";
import type { EngineServices, ExecContext } from "../exec/exec-context.js";
import type { ResultRunOptions } from "../exec/scheduler/dag-scheduler.js";
import type { ParsedPlan, SqlQuery } from "../plan/parsed-plan.js";
import type { StorageLevel } from "../plan/storage-level.js";
import type { StructType } from "../types/data-type.js";
import type { TableWriteSpec } from "../engine/dataframe-table-write.js";

/** An executed query (engine/query-engine.ts's QueryResult). */
export interface QueryResultLike {
  readonly schema: StructType;
  readonly batches: AsyncIterable<ColumnBatch>;
}

/** What `spark.sql` gives (engine/sql-runner.ts's SqlOutcome). */
export type SqlOutcomeLike =
  | { readonly kind: "query"; readonly plan: SqlQuery }
  | { readonly kind: "command"; readonly schema: StructType; readonly rows: readonly (readonly unknown[])[] };

/** Modes of `df.explain(mode)`. */
export type ExplainMode = "simple" | "extended" | "formatted" | "cost" | "codegen";

/**
 * What the server needs from the engine (engine/query-engine.ts, rdd/), behind one
 * interface so the server can be tested with a stand-in and started before every
 * layer has landed. `runRdd` decodes the wire RDD plan and yields pickled blobs.
 */
export interface ServerEngine {
  /** `opts.partitionsAtOnce`: result partitions computed ahead of the consumer (toLocalIterator). */
  executeQuery(plan: ParsedPlan, ctx: ExecContext, opts?: ResultRunOptions): Promise<QueryResultLike>;
  analyzeSchema(plan: ParsedPlan, ctx: ExecContext): StructType;
  explainQuery(plan: ParsedPlan, mode: ExplainMode, ctx: ExecContext): string;
  showQuery(plan: ParsedPlan, numRows: number, truncate: number, vertical: boolean, ctx: ExecContext): Promise<string>;
  treeStringQuery(plan: ParsedPlan, ctx: ExecContext): string;
  /** `onAccumulators` receives the accumulator updates of each successful task (pickled). */
  runRdd(rawRdd: unknown, ctx: ExecContext, onAccumulators?: (blob: Uint8Array) => void): AsyncIterable<Uint8Array>;
  /** `rdd.getNumPartitions()` of a wire RDD plan, planned without running it (absent in stand-ins without RDDs). */
  rddNumPartitions?(rawRdd: unknown, ctx: ExecContext): Promise<number>;
  /** `rdd.unpersist()`: drops a persisted RDD's kept partitions (absent in stand-ins without RDDs). */
  rddUnpersist?(rawRdd: unknown): boolean;
  /** `df.persist(level)` / `df.cache()`: registers the plan with the engine's cache. */
  persistQuery(plan: ParsedPlan, level: StorageLevel, ctx: ExecContext): void;
  /** `df.unpersist()`: drops the plan's cache entry (at once; stored blocks are freed by the promise). */
  unpersistQuery(plan: ParsedPlan, ctx: ExecContext): Promise<void>;
  /** `df.storageLevel`: the level the plan is cached at (StorageLevel NONE when it is not). */
  storageLevelQuery(plan: ParsedPlan, ctx: ExecContext): StorageLevel;
  /**
   * The plan with its file sources resolved (files listed, schemas inferred), which the sync
   * analysis calls need first; absent in stand-ins whose plans read no files.
   */
  resolveSources?(plan: ParsedPlan, ctx: ExecContext): Promise<ParsedPlan>;
  /** `spark.sql(...)`: a checked query (lazy), or a command run now with its result rows. */
  runSql(plan: SqlQuery, ctx: ExecContext): Promise<SqlOutcomeLike>;
  /** A DataFrame written to a table: saveAsTable, insertInto, writeTo(…).create/append/… (engine/dataframe-table-write.ts). */
  writeTable(plan: ParsedPlan, spec: TableWriteSpec, ctx: ExecContext): Promise<void>;
  /** `df.createTempView(name)` and its variants: registers a (global) temp view of the plan. */
  createTempView(name: string, plan: ParsedPlan, opts: { readonly global: boolean; readonly replace: boolean }, ctx: ExecContext): void;
  /** One `spark.catalog` method (engine/catalog-api.ts): plain data, undefined for None. */
  catalogOp(op: string, args: readonly (string | StorageLevel | undefined)[], ctx: ExecContext): unknown;
  /** `df.rdd.getNumPartitions()`: the result's partitions (the stages before the last run); absent in stand-ins. */
  numPartitionsQuery?(plan: ParsedPlan, ctx: ExecContext): Promise<number>;
  /** `df.semanticHash()`: the analyzed plan's canonical hash; absent in stand-ins. */
  semanticHashQuery?(plan: ParsedPlan, ctx: ExecContext): number;
  /** `df.sameSemantics(other)`: whether the analyzed plans canonicalize alike; absent in stand-ins. */
  sameSemanticsQuery?(plan: ParsedPlan, other: ParsedPlan, ctx: ExecContext): boolean;
  /** `df.inputFiles()`: the files of the plan's file relations (`file:///…`); absent in stand-ins. */
  inputFilesQuery?(plan: ParsedPlan, ctx: ExecContext): string[];
  /** `df.isLocal()`: whether the analyzed plan is the query's own local relation; absent in stand-ins. */
  isLocalQuery?(plan: ParsedPlan, ctx: ExecContext): boolean;
  /**
   * `df.foreach(f)` / `df.foreachPartition(f)`: each result partition streamed to a Python
   * worker that calls the cloudpickled `func`; `onAccumulators` as for runRdd. Absent in stand-ins.
   */
  foreachQuery?(plan: ParsedPlan, func: Uint8Array, perRow: boolean, ctx: ExecContext, onAccumulators: (blob: Uint8Array) => void): Promise<void>;
  /** `df.checkpoint(eager)` / `localCheckpoint`: the rows kept in the engine for the session; absent in stand-ins. */
  checkpointQuery?(plan: ParsedPlan, eager: boolean, ctx: ExecContext): Promise<{ readonly checkpointId: string; readonly schema: StructType }>;
  /** Process-wide services (worker pool, Python runner), created once. */
  createServices(): EngineServices;
}
