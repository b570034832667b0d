import type { ColumnBatch } from "../columnar/batch.js";
import type { EngineServices, ExecContext } from "../exec/exec-context.js";
import type { ResultRunOptions } from "../exec/scheduler/dag-scheduler.js";
import type { ParsedPlan, SqlQuery } from "../plan/parsed-plan.js";
import type { SqlOutcome } from "../engine/sql-runner.js";
import type { StorageLevel } from "../plan/storage-level.js";
import type { StructType } from "../types/data-type.js";
import type { TableWriteSpec } from "../engine/dataframe-table-write.js";

/** What an executed query yields (engine/query-engine.ts's QueryResult). */
export interface QueryResultLike {
  readonly schema: StructType;
  readonly batches: AsyncIterable<ColumnBatch>;
}

/** Explain modes of `df.explain(mode)`. */
export type ExplainMode = "simple" | "extended" | "formatted" | "cost" | "codegen";

/**
 * The engine entry points the Node API calls (engine/query-engine.ts), behind one
 * interface so that plan-building tests can run with a fake engine.
 */
export interface QueryEnginePort {
  /** `opts.partitionsAtOnce`: result partitions computed ahead of the consumer (toLocalIterator). */
  executeQuery(plan: ParsedPlan, ctx: ExecContext, opts?: ResultRunOptions): Promise<QueryResultLike>;
  analyzeSchema(plan: ParsedPlan, ctx: ExecContext): StructType;
  showQuery(plan: ParsedPlan, numRows: number, truncate: number, vertical: boolean, ctx: ExecContext): Promise<string>;
  treeStringQuery(plan: ParsedPlan, ctx: ExecContext): string;
  explainQuery(plan: ParsedPlan, mode: ExplainMode, ctx: ExecContext): string;
  /** `df.persist(level)` / `df.cache()`: registers the plan with the engine's cache. */
  persistQuery(plan: ParsedPlan, level: StorageLevel, ctx: ExecContext): void;
  /** `df.unpersist()`: drops the plan's cache entry (at once; stored blocks are freed by the promise). */
  unpersistQuery(plan: ParsedPlan, ctx: ExecContext): Promise<void>;
  /** `df.storageLevel`: the level the plan is cached at (StorageLevel NONE when it is not). */
  storageLevelQuery(plan: ParsedPlan, ctx: ExecContext): StorageLevel;
  /** `df.isLocal()`: whether the plan is SQL text that is an inline table; absent in fakes. */
  isLocalQuery?(plan: ParsedPlan, ctx: ExecContext): boolean;
  /** The plan with its file sources resolved (files listed, schemas inferred); absent in fakes that read no files. */
  resolveSources?(plan: ParsedPlan, ctx: ExecContext): Promise<ParsedPlan>;
  /** `spark.sql(...)`: a checked query (lazy), or a command run now with its result rows. */
  runSql(plan: SqlQuery, ctx: ExecContext): Promise<SqlOutcome>;
  /** A DataFrame written to a table: saveAsTable, insertInto, writeTo(…).create/append/… (engine/dataframe-table-write.ts). */
  writeTable(plan: ParsedPlan, spec: TableWriteSpec, ctx: ExecContext): Promise<void>;
  /** `df.createTempView(name)` and its variants: registers a (global) temp view of the plan. */
  createTempView(name: string, plan: ParsedPlan, opts: { readonly global: boolean; readonly replace: boolean }, ctx: ExecContext): void;
  /** One `spark.catalog` method (engine/catalog-api.ts): plain data, undefined for None. */
  catalogOp(op: string, args: readonly (string | StorageLevel | undefined)[], ctx: ExecContext): unknown;
  /** `df.rdd.getNumPartitions()`: the result's partitions (the stages before the last run); absent in fakes. */
  numPartitionsQuery?(plan: ParsedPlan, ctx: ExecContext): Promise<number>;
  /** `df.semanticHash()`: the analyzed plan's canonical hash; absent in fakes. */
  semanticHashQuery?(plan: ParsedPlan, ctx: ExecContext): number;
  /** `df.sameSemantics(other)`: whether the analyzed plans canonicalize alike; absent in fakes. */
  sameSemanticsQuery?(plan: ParsedPlan, other: ParsedPlan, ctx: ExecContext): boolean;
  /** `df.inputFiles()`: the files of the plan's file relations (`file:///…`); absent in fakes. */
  inputFilesQuery?(plan: ParsedPlan, ctx: ExecContext): string[];
  /** `df.checkpoint(eager)` / `localCheckpoint`: the rows kept in the engine for the session; absent in fakes. */
  checkpointQuery?(plan: ParsedPlan, eager: boolean, ctx: ExecContext): Promise<{ readonly checkpointId: string; readonly schema: StructType }>;
  /** Process-wide services (worker pool …), created once per process. */
  createServices(): EngineServices;
}
