import type { ColumnBatch } from "../columnar/batch.js";
import { makeBatch } from "../columnar/batch.js";
import { batchToRows } from "../columnar/rows.js";
import type { PhysicalPlan } from "../exec/physical-plan.js";
import { planPhysicalExplained } from "../exec/planner.js";
import type { ExplainNotes } from "../exec/explain-notes.js";
import { explainFormatted } from "../exec/explain-formatted.js";
import { QueryProfile } from "../exec/metrics/query-profile.js";
import { profileOutput } from "../exec/metrics/profile-output.js";
import { resultPartitions, runPhysical, type ResultRunOptions } from "../exec/scheduler/dag-scheduler.js";
import { showString } from "../format/show-string.js";
import { treeString } from "../format/tree-string.js";
import { optimize } from "../optimizer/optimizer.js";
import { analyze, type AnalyzeOptions } from "../plan/analyzer/analyzer.js";
import { explainPhysical, physicalPlanLines } from "../exec/explain.js";
import { estimatedSize } from "../exec/size-estimate.js";
import { IllegalArgumentException, InternalError } from "../errors/spark-exception.js";
import { inMemoryRelation } from "../plan/nodes/index.js";
import { isValidStorageLevel, StorageLevel, storageLevelString } from "../plan/storage-level.js";
import { explainLogical, explainOptimizedWithStats } from "../plan/explain-logical.js";
import type { AttributeRef } from "../expr/expr.js";
import type { LogicalPlan } from "../plan/logical-plan.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { outputOf, schemaOf } from "../plan/output.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "../exec/exec-context.js";
import { resolveSources as resolveFileSources } from "./resolve-sources.js";
import { resolvePivotValues } from "./pivot-values.js";
import { resolveTransposes } from "./transpose-values.js";
import { runWrite } from "./run-write.js";
import { parseQueryPlan } from "../sql/parse-statement.js";
import { checkCheckpoints } from "./check-checkpoints.js";
import { checkNotStreaming } from "./streaming-schema.js";

/** An executing query: its schema, and its result batches in order, produced as they are pulled. */
export interface QueryResult {
  readonly schema: StructType;
  readonly batches: AsyncIterable<ColumnBatch>;
}

/**
 * What analysis needs and cannot do itself: file sources resolved (resolve-sources.ts), and
 * the values of every pivot given none, which a query over its input finds (pivot-values.ts).
 */
export async function resolveSources(plan: ParsedPlan, ctx: ExecContext): Promise<ParsedPlan> {
  const files = await resolveFileSources(plan, ctx);
  return resolvePivotValues(await resolveTransposes(files, ctx, analyzeOptions(ctx), executeQuery), ctx, executeQuery);
}

/** Explain modes of `df.explain(mode)`. */
export type ExplainMode = "simple" | "extended" | "formatted" | "cost" | "codegen";

interface Prepared {
  readonly analyzed: LogicalPlan;
  readonly optimized: LogicalPlan;
  readonly physical: PhysicalPlan;
  /** What formatted explain prints about `physical`. */
  readonly notes: ExplainNotes;
}

/**
 * The analyzer's cache lookup (undefined when nothing is cached): a subtree whose client
 * plan matches a cache entry becomes an InMemoryRelation with the subtree's own output
 * attributes, so references into it stay resolved.
 */
function cachedLookup(ctx: ExecContext): AnalyzeOptions["cached"] {
  const cache = ctx.services.cache;
  if (cache === undefined || cache.isEmpty) return undefined;
  return (parsed, resolved) => {
    const e = cache.lookup(parsed);
    if (e === undefined) return undefined;
    return inMemoryRelation(e.id, outputOf(resolved), e.level, e.planLines, e.sizeInBytes, undefined, e.checkpointId !== undefined);
  };
}

/** The analyzer's view of the session: its conf and its catalog's relations. */
export function analyzeOptions(ctx: ExecContext): AnalyzeOptions {
  return ctx.catalog === undefined ? { conf: ctx.conf } : { conf: ctx.conf, relations: ctx.catalog, sessionFunctions: ctx.catalog };
}

/** The analyzed plan with cached data substituted (Spark's QueryExecution.withCachedData). */
export function analyzeWithCachedData(plan: ParsedPlan, ctx: ExecContext): LogicalPlan {
  const cached = cachedLookup(ctx);
  return analyze(plan, cached === undefined ? analyzeOptions(ctx) : { ...analyzeOptions(ctx), cached });
}

/**
 * Analyzed, optimized and physical plans. Cached data is substituted after analysis, as
 * Spark's withCachedData does: `analyzed` (shown by explain) is the plan as written.
 */
function prepare(plan: ParsedPlan, ctx: ExecContext): Prepared {
  checkCheckpoints(plan, ctx);
  const cached = cachedLookup(ctx);
  const analyzed = analyze(plan, analyzeOptions(ctx));
  const withCached = cached === undefined ? analyzed : analyze(plan, { ...analyzeOptions(ctx), cached });
  const optimized = optimize(withCached, ctx.conf);
  return { analyzed, optimized, ...planPhysicalExplained(optimized, ctx) };
}

async function* noBatches(): AsyncGenerator<ColumnBatch> {}

async function* relabel(schema: StructType, src: AsyncIterable<ColumnBatch>): AsyncGenerator<ColumnBatch> {
  for await (const b of src) yield makeBatch(schema, b.columns, b.numRows);
}

/**
 * Runs a plan: analyze → optimize → physical plan → stages cut at the exchanges, every
 * operator in tasks on the worker pool (dag-scheduler). Batches come back in partition
 * order, so Sort and Limit order is kept; nothing runs until `batches` is iterated.
 * `opts.partitionsAtOnce` bounds the result partitions computed ahead (toLocalIterator).
 */
export async function executeQuery(plan: ParsedPlan, ctx: ExecContext, opts: ResultRunOptions = {}): Promise<QueryResult> {
  checkNotStreaming(plan);
  const { analyzed, physical, notes } = prepare(await resolveSources(plan, ctx), ctx);
  const schema = schemaOf(analyzed);
  if (analyzed.kind === "InsertIntoFiles" && physical.kind === "WriteFiles") {
    // a write command runs to completion here and returns no rows
    await runWrite(analyzed, physical, ctx);
    return { schema, batches: noBatches() };
  }
  const profile = profileFor(plan, physical, notes, ctx);
  if (profile === undefined) return { schema, batches: relabel(schema, runPhysical(physical, ctx, opts)) };
  return { schema, batches: profiled(profile, physical, notes, relabel(schema, runPhysical(physical, { ...ctx, profile }, opts))) };
}

/** Queries profiled so far, numbering the profile output. */
let profiledQueries = 0;

/**
 * The per-operator metrics of this run, when anyone will read them: a frame's run is kept for
 * its explain("formatted") (by its root's plan id), and every run is when the profile output is on.
 */
function profileFor(plan: ParsedPlan, physical: PhysicalPlan, notes: ExplainNotes, ctx: ExecContext): QueryProfile | undefined {
  const keep = ctx.profiles !== undefined && plan.planId !== undefined;
  if (!keep && profileOutput() === undefined) return undefined;
  const profile = new QueryProfile(physical);
  if (keep) ctx.profiles!.record(plan.planId!, { physical, notes, profile });
  return profile;
}

/** The run's batches; once the last is handed over, the profile is finished and written where profiles go. */
async function* profiled(profile: QueryProfile, physical: PhysicalPlan, notes: ExplainNotes, batches: AsyncIterable<ColumnBatch>): AsyncGenerator<ColumnBatch> {
  profile.start();
  try {
    yield* batches;
  } finally {
    profile.finish();
  }
  const write = profileOutput();
  if (write !== undefined) write(`== tspark profile: query ${++profiledQueries}, ${(profile.wall ?? 0).toFixed(1)} ms ==\n${explainFormatted(physical, notes, () => undefined, profile)}`);
}

/** A query's result attributes and schema, optimized and physical plans, its sources resolved (df.foreach, checkpoint). */
export async function preparePlans(
  plan: ParsedPlan,
  ctx: ExecContext,
): Promise<{ readonly output: readonly AttributeRef[]; readonly schema: StructType; readonly optimized: LogicalPlan; readonly physical: PhysicalPlan; readonly notes: ExplainNotes }> {
  checkNotStreaming(plan);
  const { analyzed, optimized, physical, notes } = prepare(await resolveSources(plan, ctx), ctx);
  return { output: outputOf(analyzed), schema: schemaOf(analyzed), optimized, physical, notes };
}

/**
 * `df.persist(level)` / `df.cache()`: registers the plan with the engine's cache (nothing
 * runs; the first query that reads it materialises it). A plan already cached keeps its
 * level, as in Spark. Plans it contains that are cached themselves are read from the cache.
 */
export function persistQuery(plan: ParsedPlan, level: StorageLevel, ctx: ExecContext): void {
  const cache = ctx.services.cache;
  if (cache === undefined) throw new InternalError("this engine has no cache manager");
  if (!isValidStorageLevel(level)) throw new IllegalArgumentException(`Invalid StorageLevel: ${storageLevelString(level)}`);
  if (cache.lookup(plan) !== undefined) return;
  const { analyzed, optimized, physical, notes } = prepare(plan, ctx);
  cache.register({
    parsed: plan,
    output: outputOf(analyzed),
    schema: schemaOf(analyzed),
    level,
    physical,
    planLines: physicalPlanLines(physical),
    sizeInBytes: estimatedSize(optimized),
    notes,
  });
}

/** `df.unpersist()`: drops the plan's cache entry and its stored partitions (no-op when not cached). */
export async function unpersistQuery(plan: ParsedPlan, ctx: ExecContext): Promise<void> {
  await ctx.services.cache?.unpersist(plan);
}

/** `df.storageLevel`: the level the plan is cached at, StorageLevel.NONE when it is not. */
export function storageLevelQuery(plan: ParsedPlan, ctx: ExecContext): StorageLevel {
  return ctx.services.cache?.levelOf(plan) ?? StorageLevel.NONE;
}

/**
 * `df.rdd.getNumPartitions()`: the partitions the plan's result has when it runs, which with
 * AQE (Spark's default) are known only after the stages before the last one ran; they run here.
 */
export async function numPartitionsQuery(plan: ParsedPlan, ctx: ExecContext): Promise<number> {
  const { physical } = prepare(await resolveSources(plan, ctx), ctx);
  return resultPartitions(physical, ctx);
}

/** The schema of a plan (df.schema / df.columns), analysis only. */
export function analyzeSchema(plan: ParsedPlan, ctx: ExecContext): StructType {
  return schemaOf(analyze(plan, analyzeOptions(ctx)));
}

/** `df.explain(mode)` text. */
export function explainQuery(plan: ParsedPlan, mode: ExplainMode, ctx: ExecContext): string {
  const p = prepare(plan, ctx);
  // A spark.sql query's parsed plan is the one its text parses to (Spark's == Parsed Logical Plan ==).
  if (plan.kind === "Sql") plan = parseQueryPlan(plan, ctx.conf.get("spark.sql.session.timeZone") ?? "UTC");
  const physical = explainPhysical(p.physical);
  // no operator is compiled to code: what Spark prints with whole-stage codegen off
  if (mode === "codegen") return "Found 0 WholeStageCodegen subtrees.\n";
  if (mode === "formatted") {
    // after an action on this frame: the plan that ran, with what each operator did
    const ran = plan.planId === undefined ? undefined : ctx.profiles?.get(plan.planId);
    if (ran !== undefined && ran.profile.wall !== undefined) return explainFormatted(ran.physical, ran.notes, (id) => ctx.services.cache?.get(id), ran.profile);
    return explainFormatted(p.physical, p.notes, (id) => ctx.services.cache?.get(id));
  }
  if (mode === "cost") return `${explainOptimizedWithStats(p.optimized, statisticsText)}${physical}\n`;
  // Spark's simple explain string ends with a blank line; extended ends after the physical plan.
  if (mode !== "extended") return `${physical}\n`;
  return explainLogical(plan, p.analyzed, p.optimized) + physical;
}

/** `Statistics(sizeInBytes=80.0 B, rowCount=10)`: Spark's size-only plan statistics (the row count is known for a range). */
function statisticsText(p: LogicalPlan): string {
  const rows = p.kind === "Range" ? rangeRowCount(p.start, p.end, p.step) : undefined;
  return `Statistics(sizeInBytes=${bytesToString(estimatedSize(p))}${rows === undefined ? "" : `, rowCount=${threeDigits(rows)}`})`;
}

/** A count as Spark's Statistics prints it: a BigDecimal of 3 significant digits, HALF_UP (`10`, `3.33E+4`). */
function threeDigits(n: bigint): string {
  const text = n.toString();
  if (text.length <= 3) return text;
  let exp = text.length - 1;
  let q = BigInt(text.slice(0, 3)) + (Number(text[3]) >= 5 ? 1n : 0n);
  if (q === 1000n) {
    q = 100n;
    exp++;
  }
  const d = q.toString();
  return `${d[0]}.${d.slice(1)}E+${exp}`;
}

function rangeRowCount(start: number | bigint, end: number | bigint, step: number | bigint): bigint {
  const s = BigInt(start);
  const e = BigInt(end);
  const st = BigInt(step);
  const n = st > 0n ? (e - s + st - 1n) / st : (s - e - st - 1n) / -st;
  return n > 0n ? n : 0n;
}

const UNITS: readonly (readonly [string, number])[] = [
  ["EiB", 2 ** 60],
  ["PiB", 2 ** 50],
  ["TiB", 2 ** 40],
  ["GiB", 2 ** 30],
  ["MiB", 2 ** 20],
  ["KiB", 2 ** 10],
];

/** Spark's Utils.bytesToString: one decimal, a unit once the size reaches twice it (`80.0 B`, `4.0 KiB`). */
function bytesToString(size: number): string {
  if (size >= 2 ** 71) return `${size.toExponential(1).replace("e+", "E+")} B`;
  for (const [unit, bytes] of UNITS) if (size >= 2 * bytes) return `${(size / bytes).toFixed(1)} ${unit}`;
  return `${size.toFixed(1)} B`;
}

/** `df.show(n, truncate, vertical)` text: runs the plan with a limit of n + 1 to know whether more rows exist. */
export async function showQuery(
  plan: ParsedPlan,
  numRows: number,
  truncate: number,
  vertical: boolean,
  ctx: ExecContext,
): Promise<string> {
  checkNotStreaming(plan);
  const limited: ParsedPlan = { kind: "Limit", input: await resolveSources(plan, ctx), n: Math.max(0, numRows) + 1 };
  const res = await executeQuery(limited, ctx);
  const rows: unknown[][] = [];
  for await (const b of res.batches) {
    for (const row of batchToRows(b)) rows.push(row); // not push(...rows): show(n) has no bound on n
  }
  const hasMore = rows.length > numRows;
  const tz = ctx.conf.get("spark.sql.session.timeZone") ?? "UTC";
  return showString(res.schema, rows.slice(0, numRows), hasMore, numRows, truncate, vertical, tz);
}

/** `df.printSchema()` text. */
export function treeStringQuery(plan: ParsedPlan, ctx: ExecContext): string {
  return treeString(analyzeSchema(plan, ctx));
}
