import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import type { ExecContext } from "../../exec/exec-context.js";
import { InternalError } from "../../errors/spark-exception.js";
import { assertNever } from "../../errors/assert-never.js";
import { coalescePartitions, identityRanges, type PartitionRange } from "../exchange/coalesce-partitions.js";
import { mergeOrdered, mergeOrderedAhead } from "../exchange/merge-streams.js";
import { ShuffleMemory, ShuffleOutput } from "../exchange/shuffle-store.js";
import { executionMemory } from "../memory/memory-size.js";
import { rangeBounds } from "../exchange/range-partition.js";
import type { Expr, SortOrder } from "../../expr/expr.js";
import type { HashedRelation } from "../join/hashed-relation.js";
import type { BroadcastExchangeP, PhysicalPlan, ShuffleReadP } from "../physical-plan.js";
import { childrenOf, coalescedRange, physicalSchema, withChildren } from "../physical-plan.js";
import { runTask } from "./run-task.js";
import { maxTaskFailures, stageFailure, workerExited } from "../../python/worker-errors.js";
import { collectMetricsNodes, MetricsCollector } from "../observed-metrics.js";
import { cutStages, stageKinds, type Stage } from "./stages.js";
import type { StageTask, TaskBroadcastInput, TaskCacheInput, TaskItem, TaskOutput, TaskShuffleInput } from "./task.js";
import { closing, retriedOnThreadLoss, threadLost } from "./task-retry.js";
import type { WorkerPool } from "./worker-pool.js";
import type { Materialised } from "../cache/cache-manager.js";
import { TaskMetricsRecorder, type TaskOperatorMetrics } from "../metrics/operator-metrics.js";

/** How a query's result partitions run. */
export interface ResultRunOptions {
  /**
   * Result partitions computed at once, in order (toLocalIterator: 1, or 2 with
   * prefetchPartitions, as PySpark runs one job per partition); every lane by default.
   */
  readonly partitionsAtOnce?: number;
}

/** Range exchanges sample this many keys per output partition (Spark's sampleSizePerPartition), at most 1M. */
const SAMPLE_PER_PARTITION = 100;

/**
 * The two shuffle reads a shuffled join pairs partition by partition (a sort-merge join
 * reads each through its Sort), which must be coalesced alike; null for other nodes.
 */
function coPartitionedReads(p: PhysicalPlan): readonly [ShuffleReadP, ShuffleReadP] | null {
  if (p.kind === "HashJoin" && p.strategy === "shuffled" && p.left.kind === "ShuffleRead" && p.right.kind === "ShuffleRead") return [p.left, p.right];
  if (p.kind !== "SortMergeJoin") return null;
  const l = readOf(p.left);
  const r = readOf(p.right);
  return l === null || r === null ? null : [l, r];
}

function readOf(q: PhysicalPlan): ShuffleReadP | null {
  return q.kind === "ShuffleRead" ? q : q.kind === "Sort" ? readOf(q.input) : null;
}

/**
 * The shuffle read of a shuffled join whose other side is a bucketed table read by bucket
 * (planner.ts bucketedSides): its partitions must stay the buckets' (Spark's AQE coalesces
 * no shuffle whose stage also reads a table's partitions); null for other nodes.
 */
function readBesideBuckets(p: PhysicalPlan): ShuffleReadP | null {
  const shuffled = (p.kind === "HashJoin" && p.strategy === "shuffled") || p.kind === "SortMergeJoin";
  if (!shuffled) return null;
  const l = readOf(p.left);
  const r = readOf(p.right);
  return l === null ? r : r === null ? l : null;
}

function sliceRows<T>(rows: readonly T[], slices: number, p: number): T[] {
  const n = rows.length;
  return rows.slice(Math.floor((p * n) / slices), Math.floor(((p + 1) * n) / slices));
}

/**
 * One query's run of the stage DAG on the main thread: map stages first (their tasks
 * write hash- or range-partitioned shuffle blocks, held here), broadcasts collected
 * once, then each reading stage's tasks are sent their blocks plus the stage's plan.
 * Tasks run on the worker pool; without one (tests on TS sources) the same tasks run
 * in-process. Stages with Python UDFs are tasks like any other: each worker thread talks
 * to a Python worker process of its own. The first failing task fails the query and
 * cancels the others.
 */
class QueryRun {
  readonly ctx: ExecContext;
  private readonly abort = new AbortController();
  private readonly shuffles = new Map<number, ShuffleOutput>();
  /** What this run's shuffle outputs hold in memory, against the execution memory budget. */
  private readonly shuffleMemory: ShuffleMemory;
  private readonly broadcasts = new Map<number, ColumnBatch[]>();
  /** Broadcasts hashed on their join keys (once per query, in shared memory). */
  private readonly relations = new Map<number, HashedRelation>();
  private readonly runs = new Map<number, Promise<void>>();
  /** The cached relations this run reads, once materialised. */
  private readonly cached = new Map<number, Materialised>();
  /** Each range shuffle's bounds (null: its input was empty), kept for a re-run of its stage. */
  private readonly rangeBounds = new Map<number, ColumnBatch | null>();
  private error: unknown = undefined;
  private readonly detach: () => void;

  constructor(
    outer: ExecContext,
    private readonly metrics?: MetricsCollector,
    /**
     * The run this one re-runs stages of (a task whose worker thread died took its shuffle
     * blocks with it): its shuffles' partitions and range bounds are taken as they were.
     */
    private readonly lineageOf?: QueryRun,
  ) {
    const onAbort = (): void => this.abort.abort();
    if (outer.signal.aborted) this.abort.abort();
    outer.signal.addEventListener("abort", onAbort, { once: true });
    this.detach = () => outer.signal.removeEventListener("abort", onAbort);
    this.ctx = { ...outer, signal: this.abort.signal };
    this.shuffleMemory = new ShuffleMemory(executionMemory(outer.conf), outer.conf);
  }

  /** Records the observed metrics of a run that ended (Spark reports them when the action succeeds). */
  recordMetrics(): void {
    const store = this.ctx.observations;
    if (this.metrics === undefined || store === undefined) return;
    for (const m of this.metrics.results(this.ctx)) store.record(m);
  }

  /** Ends the run: tasks still going are cancelled. */
  close(): void {
    this.detach();
    this.abort.abort();
    for (const s of this.shuffles.values()) s.discard();
  }

  private fail(e: unknown): unknown {
    if (this.error === undefined) {
      this.error = e;
      this.abort.abort();
    }
    return this.error;
  }

  private get lanes(): number {
    const pool = this.ctx.services.workerPool;
    return Math.max(1, pool !== undefined && pool.available ? pool.size : this.ctx.services.parallelism);
  }

  /** Output partitions of a stage subtree, given the reads' coalesced ranges. */
  partitionsOf(p: PhysicalPlan): number {
    switch (p.kind) {
      case "Range":
      case "LocalTableScan":
        return p.slices;
      case "FileSourceScan":
        return p.numPartitions;
      case "ShuffleRead":
        return this.shuffle(p.shuffleId).ranges.length;
      case "BroadcastRead":
        return 1;
      case "InMemoryTableScan":
        return this.cachedInput(p.cacheId).partitions;
      case "Project":
      case "Filter":
      case "HashAggregate":
      case "Sort":
      case "Limit":
      case "BatchEvalPython":
      case "Generate":
      case "WriteFiles":
      case "Expand":
      case "Sample":
      case "Window":
      case "CollectMetrics":
      case "ArrowPython":
        return this.partitionsOf(p.input);
      case "Union":
        return p.inputs.reduce((s, c) => s + this.partitionsOf(c), 0);
      case "HashJoin":
        return this.partitionsOf(p.strategy === "broadcast" ? (p.build === "right" ? p.left : p.right) : p.left);
      case "SortMergeJoin":
        return this.partitionsOf(p.left);
      case "Coalesce":
        // as CoalesceExec: never more than asked, and one (empty) partition of nothing
        return Math.min(p.numPartitions, Math.max(1, this.partitionsOf(p.input)));
      case "ShuffleExchange":
      case "BroadcastExchange":
        throw new InternalError("exchange inside a stage");
      default:
        return assertNever(p);
    }
  }

  private cachedInput(id: number): Materialised {
    const m = this.cached.get(id);
    if (m === undefined) throw new InternalError(`cached relation ${id} is not materialised`);
    return m;
  }

  /**
   * Materialises every cached relation the stage reads (Spark builds an InMemoryRelation's
   * partitions with the first job that reads them): the cached plan runs as its own stages
   * on the worker threads, each task copying its partition into shared memory.
   */
  private async materialiseCaches(plan: PhysicalPlan): Promise<void> {
    const scans: number[] = [];
    const visit = (p: PhysicalPlan): void => {
      if (p.kind === "InMemoryTableScan" && !this.cached.has(p.cacheId)) scans.push(p.cacheId);
      for (const c of childrenOf(p)) visit(c);
    };
    visit(plan);
    if (scans.length === 0) return;
    const cache = this.ctx.services.cache;
    if (cache === undefined) throw new InternalError("a cached relation without a cache manager");
    for (const id of scans) {
      const m = await cache.materialise(id, this.ctx.conf, (physical) => this.runNested(physical));
      this.cached.set(id, m);
    }
  }

  /** A cached plan run to completion, partition by partition (a root CollectLimit cuts the rows in partition order). */
  private async runNested(physical: PhysicalPlan): Promise<ColumnBatch[][]> {
    const run = new QueryRun(this.ctx);
    try {
      const parts = await run.partitions(cutStages(physical));
      if (physical.kind === "Limit" && physical.scope === "collect") return limitPartitions(parts, physical.n, physical.offset ?? 0);
      return parts;
    } finally {
      run.close();
    }
  }

  /** Every partition of the result stage, each as its own list of batches (in shared memory). */
  async partitions(stage: Stage): Promise<ColumnBatch[][]> {
    await this.parents(stage);
    const n = this.partitionsOf(stage.plan);
    const parts: ColumnBatch[][] = Array.from({ length: n }, () => []);
    await this.all(stage, n, () => ({ kind: "cache" }), (p, item) => parts[p]!.push(item.batch));
    return parts;
  }

  private shuffle(id: number): ShuffleOutput {
    const s = this.shuffles.get(id);
    if (s === undefined) throw new InternalError(`shuffle ${id} has not run`);
    return s;
  }

  /**
   * Decides the partitions of every shuffle the stage reads from their map output sizes
   * (AQE): a shuffled join's two sides are coalesced together so they stay aligned.
   */
  private prepareReads(plan: PhysicalPlan): void {
    const groups: number[][] = [];
    const grouped = new Set<number>();
    const visit = (p: PhysicalPlan): void => {
      const sides = coPartitionedReads(p);
      if (sides !== null) {
        groups.push([sides[0].shuffleId, sides[1].shuffleId]);
        grouped.add(sides[0].shuffleId).add(sides[1].shuffleId);
      }
      if (p.kind === "ShuffleRead" && !grouped.has(p.shuffleId)) groups.push([p.shuffleId]);
      // a user's repartition(n) keeps its n partitions (AQE coalesces no REPARTITION_BY_NUM shuffle)
      if (p.kind === "ShuffleRead" && p.exchange.origin === "REPARTITION_BY_NUM") fixed.add(p.shuffleId);
      const beside = readBesideBuckets(p);
      if (beside !== null) fixed.add(beside.shuffleId);
      for (const c of childrenOf(p)) visit(c);
    };
    const fixed = new Set<number>();
    visit(plan);
    for (const g of groups) {
      const outs = g.map((id) => this.shuffle(id));
      const n = outs[0]!.numPartitions;
      if (outs.some((o) => o.numPartitions !== n)) throw new InternalError("co-partitioned shuffles differ in partitions");
      const sizes = Array.from({ length: n }, (_, i) => outs.reduce((s, o) => s + o.bytes[i]!, 0));
      const inherited = this.lineageOf?.shuffles.get(g[0]!)?.ranges;
      const ranges = inherited ?? (g.some((id) => fixed.has(id)) ? identityRanges(n) : coalescePartitions(sizes, this.ctx.conf, this.ctx.services.parallelism));
      for (const o of outs) o.ranges = ranges;
    }
  }

  /**
   * Partition `p` of a stage as a task: local rows cut to it, its shuffle blocks, broadcasts
   * and cached batches. A `retryable` task's shuffle blocks stay with this run (not handed
   * out for the last time, not moved to the worker), so that another attempt can read them.
   */
  private async makeTask(stage: Stage, p: number, output: TaskOutput, retryable: boolean): Promise<StageTask> {
    const shuffleReads: Promise<TaskShuffleInput>[] = [];
    const broadcasts: TaskBroadcastInput[] = [];
    const reads: Promise<TaskCacheInput>[] = [];
    const cut = (q: PhysicalPlan, part: number): PhysicalPlan => {
      switch (q.kind) {
        case "LocalTableScan":
          return part < 0 ? { ...q, rows: [], slice: -1 } : { ...q, rows: sliceRows(q.rows, q.slices, part), slice: part };
        case "FileSourceScan": {
          // a task is sent only its own splits
          const own = q.partitions[part];
          return { ...q, partitions: part < 0 || own === undefined ? [] : [own], slice: part };
        }
        case "ShuffleRead": {
          const s = this.shuffle(q.shuffleId);
          const r = s.ranges[part];
          const base = { shuffleId: q.shuffleId, numPartitions: s.ranges.length, partition: part };
          shuffleReads.push(r === undefined ? Promise.resolve({ ...base, batches: [] }) : s.take(r, output.kind !== "sample" && !retryable).then((batches) => ({ ...base, batches })));
          return q;
        }
        case "BroadcastRead": {
          const b = this.broadcasts.get(q.broadcastId);
          if (b === undefined) throw new InternalError(`broadcast ${q.broadcastId} has not run`);
          const relation = this.relations.get(q.broadcastId);
          broadcasts.push({ broadcastId: q.broadcastId, batches: b, ...(relation === undefined ? {} : { relation }) });
          return q;
        }
        case "InMemoryTableScan": {
          const m = this.cachedInput(q.cacheId);
          reads.push(this.cachedPartition(q.cacheId, m, part));
          return q;
        }
        case "Coalesce": {
          // the task runs its input partitions one after another, each subtree cut to its own
          const m = this.partitionsOf(q.input);
          const { start, end } = part < 0 ? { start: 0, end: 0 } : coalescedRange(part, m, this.partitionsOf(q));
          const parts: { partition: number; plan: PhysicalPlan }[] = [];
          for (let i = start; i < end; i++) parts.push({ partition: i, plan: cut(q.input, i) });
          return { ...q, input: cut(q.input, -1), parts };
        }
        case "Union": {
          let off = 0;
          const kids = q.inputs.map((c) => {
            const n = this.partitionsOf(c);
            const r = part >= off && part < off + n ? part - off : -1;
            off += n;
            return cut(c, r);
          });
          return withChildren(q, kids);
        }
        case "Range":
        case "Project":
        case "Filter":
        case "HashAggregate":
        case "Sort":
        case "Limit":
        case "HashJoin":
        case "SortMergeJoin":
        case "BatchEvalPython":
        case "Generate":
        case "WriteFiles":
        case "Expand":
        case "Sample":
        case "Window":
        case "CollectMetrics":
        case "ArrowPython":
        case "ShuffleExchange":
        case "BroadcastExchange":
          return withChildren(
            q,
            childrenOf(q).map((c) => cut(c, part)),
          );
        default:
          return assertNever(q);
      }
    };
    const plan = cut(stage.plan, p);
    const shuffles = await Promise.all(shuffleReads);
    const cached = await Promise.all(reads);
    // a range exchange's sampling pass reads its input a second time: its metrics are not counted
    const profile = this.ctx.profile !== undefined && output.kind !== "sample";
    return { stageId: stage.id, plan, partition: p, output, shuffles, broadcasts, cached, ...(retryable ? { retryable } : {}), ...(profile ? { profile } : {}) };
  }

  /** Partition `part` of a cached relation for one task: the store's blocks (read back when spilled). */
  private async cachedPartition(cacheId: number, m: Materialised, part: number): Promise<TaskCacheInput> {
    const base = { cacheId, numPartitions: m.partitions, partition: part };
    if (part < 0 || part >= m.partitions) return { ...base, batches: [] };
    const own = m.computed?.[part];
    if (own !== undefined) return { ...base, batches: own };
    const cache = this.ctx.services.cache;
    if (cache === undefined) throw new InternalError("a cached relation without a cache manager");
    return { ...base, batches: await cache.read(cacheId, part) };
  }

  /**
   * Runs a task where it belongs and reports where it ran; its failure fails the query.
   * `retryable`: the caller may run the task again (a foreach partition whose worker died).
   */
  private async *task(stage: Stage, p: number, output: TaskOutput, retryable = false): AsyncGenerator<TaskItem> {
    const kinds = stageKinds(stage.plan);
    const report = (threadId: number, operatorMetrics?: TaskOperatorMetrics): void => {
      this.ctx.services.onTask?.({ stageId: stage.id, partition: p, kinds, threadId });
      if (operatorMetrics !== undefined) this.ctx.profile?.add(stage, operatorMetrics);
    };
    const pool = this.ctx.services.workerPool;
    try {
      const python = kinds.includes("BatchEvalPython") || kinds.includes("ArrowPython");
      const task = await this.makeTask(stage, p, output, retryable || python);
      const onPool = pool !== undefined && pool.available;
      // in-process, the task's operators are metered here (on the pool, the worker meters them)
      const recorder = !onPool && task.profile === true ? new TaskMetricsRecorder() : undefined;
      const local = recorder === undefined ? this.ctx : { ...this.ctx, operatorMetrics: recorder };
      const attempt = (): AsyncIterable<TaskItem> => (onPool ? pool.run(task, this.ctx, report) : runTask(task, local));
      const items = python ? await this.retried(stage.id, p, () => gathered(attempt())) : onPool ? this.onThreads(stage, p, output, task, pool, report) : attempt();
      for await (const item of items) {
        // a CollectMetrics' partial states go to the query's metrics, not to the stage's output
        if (item.metricsId !== undefined) this.metrics?.merge(item.metricsId, item.batch);
        else yield item;
      }
      if (!onPool) report(0, recorder?.snapshot());
    } catch (e) {
      throw this.fail(e);
    }
  }

  /**
   * A task on the worker threads, run again on a fresh thread when its thread dies, up to
   * spark.task.maxFailures attempts (task-retry.ts). The shuffle blocks a dead thread was sent
   * died with it, so a later attempt reads them from a re-run of the stages that wrote them
   * (same partitions, same range bounds, chunks in map partition order), as Spark resubmits a
   * map stage whose output was lost.
   */
  private onThreads(stage: Stage, p: number, output: TaskOutput, first: StageTask, pool: WorkerPool, report: (threadId: number) => void): AsyncIterable<TaskItem> {
    const moved = first.retryable !== true && output.kind !== "sample" && first.shuffles.some((s) => s.batches.length > 0);
    const attempt = async (n: number): Promise<AsyncIterable<TaskItem>> => {
      if (n === 0) return pool.run(first, this.ctx, report);
      if (!moved) return pool.run({ ...first, attempt: n }, this.ctx, report);
      const rerun = new QueryRun(this.ctx, undefined, this);
      try {
        await rerun.parents(stage);
        const task = await rerun.makeTask(stage, p, output, false);
        return closing(pool.run({ ...task, attempt: n }, this.ctx, report), () => rerun.close());
      } catch (e) {
        rerun.close();
        throw e;
      }
    };
    const maxFailures = maxTaskFailures(this.ctx.conf.get("spark.task.maxFailures"));
    return retriedOnThreadLoss(attempt, { stageId: stage.id, partition: p, maxFailures, cancelled: () => this.abort.signal.aborted });
  }

  /**
   * A task that runs Python, run until it succeeds (a stage's items are gathered first; a
   * foreach task is its partition streamed to a worker): when its Python worker or its worker
   * thread dies (crash, os._exit, OOM kill) the task runs again on a fresh one, up to
   * spark.task.maxFailures attempts as Spark retries a lost task, and then the job fails naming
   * the task. An exception raised by user code fails at once (it would raise again).
   */
  private async retried<T>(stageId: number, p: number, attempt: () => Promise<T>): Promise<T> {
    const max = maxTaskFailures(this.ctx.conf.get("spark.task.maxFailures"));
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (e) {
        if (!(workerExited(e) || threadLost(e)) || this.ctx.signal.aborted || this.abort.signal.aborted) throw e;
        if (n >= max) throw stageFailure(e, p, stageId, n);
      }
    }
  }

  /** Runs tasks 0 … n-1 of a stage, a pool's worth at a time, handing every item to `sink`. */
  private async all(stage: Stage, n: number, output: (p: number) => TaskOutput, sink: (p: number, item: TaskItem) => void): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < n) {
        const p = next++;
        for await (const item of this.task(stage, p, output(p))) sink(p, item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(n, this.lanes) }, lane));
  }

  /**
   * Hashes a broadcast hash join's build side once for the whole query: one task on a
   * worker reads the collected rows and builds the relation in shared memory, which every
   * task of the join then reads instead of building its own table.
   */
  private async hashBroadcast(stage: Stage, broadcastId: number, keys: readonly Expr[]): Promise<void> {
    const schema = physicalSchema(stage.plan);
    const exchange: BroadcastExchangeP = { kind: "BroadcastExchange", input: stage.plan, planId: broadcastId, detail: "" };
    const read: Stage = { id: stage.id, plan: { kind: "BroadcastRead", broadcastId, schema, exchange }, output: stage.output, parents: [] };
    await this.all(read, 1, () => ({ kind: "hashed", keys }), (_p, item) => {
      if (item.relation === undefined) return;
      this.relations.set(broadcastId, item.relation);
      this.broadcasts.set(broadcastId, [item.relation.batch]);
    });
  }

  /** A range shuffle's bounds from a sample of its map stage's sort keys (null: no rows). */
  private async sampledBounds(stage: Stage, n: number, orders: readonly SortOrder[], numPartitions: number): Promise<ColumnBatch | null> {
    const size = Math.min(SAMPLE_PER_PARTITION * numPartitions, 1_000_000);
    const perTask = Math.ceil((3 * size) / Math.max(1, n));
    const samples: ColumnBatch[] = [];
    await this.all(stage, n, () => ({ kind: "sample", orders, size: perTask }), (_p, item) => samples.push(item.batch));
    return samples.length === 0 ? null : rangeBounds(concatBatches(samples[0]!.schema, samples), orders, numPartitions);
  }

  /** Runs a stage that feeds others (memoized: each runs once). */
  private run(stage: Stage): Promise<void> {
    let r = this.runs.get(stage.id);
    if (r === undefined) {
      r = this.runMap(stage);
      r.catch(() => undefined);
      this.runs.set(stage.id, r);
    }
    return r;
  }

  /** Runs every stage `stage` reads and decides its reads' partitions (the result stage itself does not run). */
  async prepare(stage: Stage): Promise<void> {
    await this.parents(stage);
  }

  private async parents(stage: Stage): Promise<void> {
    try {
      await Promise.all(stage.parents.map((s) => this.run(s)));
    } catch (e) {
      throw this.fail(e);
    }
    this.prepareReads(stage.plan);
    try {
      await this.materialiseCaches(stage.plan);
    } catch (e) {
      throw this.fail(e);
    }
  }

  private async runMap(stage: Stage): Promise<void> {
    await this.parents(stage);
    const n = this.partitionsOf(stage.plan);
    const out = stage.output;
    switch (out.kind) {
      case "result":
        throw new InternalError("the result stage is not a map stage");
      case "broadcast": {
        const parts: ColumnBatch[][] = Array.from({ length: n }, () => []);
        await this.all(stage, n, () => ({ kind: "rows" }), (p, item) => parts[p]!.push(item.batch));
        this.broadcasts.set(out.broadcastId, parts.flat());
        if (out.keys !== undefined) await this.hashBroadcast(stage, out.broadcastId, out.keys);
        return;
      }
      case "shuffle": {
        const part = out.partitioning;
        if (part.kind === "range") {
          const known = this.lineageOf?.rangeBounds.get(out.shuffleId);
          const bounds = known !== undefined ? known : await this.sampledBounds(stage, n, part.orders, part.numPartitions);
          this.rangeBounds.set(out.shuffleId, bounds);
          const so = new ShuffleOutput(bounds === null ? 1 : bounds.numRows + 1, this.shuffleMemory);
          this.shuffles.set(out.shuffleId, so);
          if (bounds === null) return;
          await this.all(stage, n, () => ({ kind: "range", orders: part.orders, bounds }), (p, item) => so.add(item.batch, item.offsets, p));
          return;
        }
        if (part.kind === "roundRobin") {
          const so = new ShuffleOutput(part.numPartitions, this.shuffleMemory);
          this.shuffles.set(out.shuffleId, so);
          await this.all(stage, n, () => ({ kind: "roundRobin", numPartitions: part.numPartitions }), (p, item) => so.add(item.batch, item.offsets, p));
          return;
        }
        const numPartitions = part.kind === "hash" ? part.numPartitions : 1;
        const keys = part.kind === "hash" ? part.keys : [];
        const sparkHash = part.kind === "hash" && part.sparkHash === true;
        const so = new ShuffleOutput(numPartitions, this.shuffleMemory);
        this.shuffles.set(out.shuffleId, so);
        await this.all(stage, n, () => ({ kind: "hash", keys, numPartitions, ...(sparkHash ? { sparkHash } : {}) }), (p, item) => so.add(item.batch, item.offsets, p));
        return;
      }
      default:
        assertNever(out);
    }
  }

  /**
   * The result stage's batches in partition order, cut at `limit` rows in all (`retryable`:
   * the caller may read them again; `atOnce`: at most that many partitions run together).
   */
  async *result(stage: Stage, limit: number, retryable = false, atOnce?: number): AsyncGenerator<ColumnBatch> {
    await this.parents(stage);
    const n = this.partitionsOf(stage.plan);
    let left = limit;
    if (left <= 0) return;
    const make = (p: number): AsyncIterable<ColumnBatch> => batchesOf(this.task(stage, p, { kind: "rows" }, retryable));
    // Without a limit every batch is kept by the caller: later partitions run to their end
    // while earlier ones drain instead of stalling after a few batches (as Spark fetches
    // every partition of a collect at once). With a limit they wait, to stop early.
    const ahead = Number.isFinite(limit) ? undefined : Number.POSITIVE_INFINITY;
    // A bounded run (toLocalIterator) holds only what its reader is about to read: the
    // partition being read and atOnce - 1 after it, each a few batches ahead at most.
    const merged = atOnce === undefined ? mergeOrdered(n, make, this.lanes, ahead) : mergeOrderedAhead(n, make, atOnce - 1);
    try {
      for await (const b of merged) {
        if (b.numRows >= left) {
          yield sliceBatch(b, 0, left);
          return;
        }
        left -= b.numRows;
        yield b;
      }
    } catch (e) {
      throw this.fail(e);
    }
  }

  /**
   * Hands each result partition's batches, as its task makes them, to `consume`, a lane's
   * worth of partitions at a time (df.foreach / foreachPartition): nothing is gathered here,
   * so only the partitions being consumed are in memory.
   */
  async eachPartition(stage: Stage, consume: (partition: number, batches: AsyncIterable<ColumnBatch>) => Promise<void>): Promise<void> {
    await this.parents(stage);
    const n = this.partitionsOf(stage.plan);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < n) {
        const p = next++;
        // the consumer's Python worker dying loses the task: it runs again, partition and all
        await this.retried(stage.id, p, () => consume(p, batchesOf(this.task(stage, p, { kind: "rows" }, true))));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(n, this.lanes) }, lane));
    } catch (e) {
      throw this.fail(e);
    }
  }

  /**
   * A root CollectLimit's rows handed to `consume` as one partition (Spark's df.rdd of a
   * CollectLimit has one), retried as eachPartition's are when the consumer's worker dies.
   */
  async limitedPartition(stage: Stage, limit: number, offset: number, consume: (partition: number, batches: AsyncIterable<ColumnBatch>) => Promise<void>): Promise<void> {
    try {
      await this.retried(stage.id, 0, () => consume(0, skipRows(this.result(stage, limit, true), offset)));
    } catch (e) {
      throw this.fail(e);
    }
  }
}

/** The first `n` rows of partitions taken in order (a cached CollectLimit). */
function limitPartitions(parts: ColumnBatch[][], n: number, offset: number): ColumnBatch[][] {
  let left = n < 0 ? Number.POSITIVE_INFINITY : n;
  let skip = offset;
  return parts.map((bs) => {
    const out: ColumnBatch[] = [];
    for (const b of bs) {
      if (left <= 0) break;
      const take = Math.min(b.numRows, left);
      left -= take;
      const from = Math.min(skip, take);
      skip -= from;
      if (from < take) out.push(from === 0 && take === b.numRows ? b : sliceBatch(b, from, take));
    }
    return out;
  });
}

/** The rows of `batches` after the first `offset` (a CollectLimit's offset, Spark's CollectLimitExec). */
async function* skipRows(batches: AsyncGenerator<ColumnBatch>, offset: number): AsyncGenerator<ColumnBatch> {
  let skip = offset;
  for await (const b of batches) {
    if (skip >= b.numRows) {
      skip -= b.numRows;
      continue;
    }
    yield skip === 0 ? b : sliceBatch(b, skip, b.numRows);
    skip = 0;
  }
}

/** Every item of a task attempt, kept until it ends (a retried attempt's items are dropped with it). */
async function gathered(items: AsyncIterable<TaskItem>): Promise<TaskItem[]> {
  const out: TaskItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* batchesOf(items: AsyncIterable<TaskItem>): AsyncGenerator<ColumnBatch> {
  for await (const item of items) yield item.batch;
}

/**
 * The partitions of a plan's result, as `df.rdd.getNumPartitions()` gives them in Spark
 * with AQE: the stages before the result stage run (their shuffles are coalesced by their
 * sizes), and the result stage's partitions are counted; it does not run. A root
 * CollectLimit is one partition, as Spark's CollectLimitExec executes.
 */
export async function resultPartitions(plan: PhysicalPlan, ctx: ExecContext): Promise<number> {
  if (plan.kind === "Limit" && plan.scope === "collect") return 1;
  const run = new QueryRun(ctx);
  try {
    const stage = cutStages(plan);
    await run.prepare(stage);
    return run.partitionsOf(stage.plan);
  } finally {
    run.close();
  }
}

/**
 * Runs a physical plan: cuts it into stages at its exchanges and runs the stage DAG,
 * every operator inside tasks (on the worker pool when there is one). Yields the result
 * partitions' batches in partition order; nothing runs until the first is pulled.
 * `opts.partitionsAtOnce` bounds how many result partitions run ahead of the consumer.
 */
export async function* runPhysical(plan: PhysicalPlan, ctx: ExecContext, opts: ResultRunOptions = {}): AsyncGenerator<ColumnBatch> {
  const observed = collectMetricsNodes(plan);
  const run = new QueryRun(ctx, observed.length === 0 ? undefined : new MetricsCollector(observed, ctx.conf.ansi));
  const collect = plan.kind === "Limit" && plan.scope === "collect" ? plan : undefined;
  const limit = collect === undefined || collect.n < 0 ? Number.POSITIVE_INFINITY : collect.n;
  try {
    yield* skipRows(run.result(cutStages(plan), limit, false, opts.partitionsAtOnce), collect?.offset ?? 0);
    run.recordMetrics();
  } finally {
    run.close();
  }
}

/**
 * Runs a physical plan and hands each result partition's batches to `consume` as they are
 * made, several partitions at once (one per lane), with no ordering and no gathering:
 * df.foreach / foreachPartition stream every partition to Python this way. A root
 * CollectLimit is one partition. A partition whose consumer rejects because its Python
 * worker died is run and consumed again (spark.task.maxFailures).
 */
export async function runPhysicalPartitions(plan: PhysicalPlan, ctx: ExecContext, consume: (partition: number, batches: AsyncIterable<ColumnBatch>) => Promise<void>): Promise<void> {
  const observed = collectMetricsNodes(plan);
  const run = new QueryRun(ctx, observed.length === 0 ? undefined : new MetricsCollector(observed, ctx.conf.ansi));
  try {
    if (plan.kind === "Limit" && plan.scope === "collect") await run.limitedPartition(cutStages(plan), plan.n < 0 ? Number.POSITIVE_INFINITY : plan.n, plan.offset ?? 0, consume);
    else await run.eachPartition(cutStages(plan), consume);
    run.recordMetrics();
  } finally {
    run.close();
  }
}
