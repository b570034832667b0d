import { SparkException, toSparkException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { hasStreamingAggregation, streamingGroupKeyCount, withBatchSources } from "../plan/streaming-sources.js";
import type { StreamCheckpoint } from "./checkpoint/stream-checkpoint.js";
import type { OutputMode } from "./output-mode.js";
import { offsetValue, perSecond, type BatchDurations, type QueryProgress } from "./progress.js";
import type { StreamSink } from "./sinks/stream-sink.js";
import type { StreamSource } from "./sources/stream-source.js";
import type { Trigger } from "./trigger.js";
import type { StructType } from "../types/data-type.js";

/** What a query's status says (Spark's StreamingQueryStatus). */
export interface QueryStatus {
  readonly message: string;
  readonly isDataAvailable: boolean;
  readonly isTriggerActive: boolean;
}

/** Everything a micro-batch query is made of, fixed when it starts. */
export interface StreamQuerySpec {
  readonly id: string;
  readonly runId: string;
  readonly name: string | undefined;
  /** The user's plan: its streaming sources stand where each batch's rows go. */
  readonly plan: ParsedPlan;
  readonly sources: readonly StreamSource[];
  readonly sink: StreamSink;
  readonly mode: OutputMode;
  readonly trigger: Trigger;
  readonly checkpoint: StreamCheckpoint;
  /** An ExecContext for one batch, cancelled by `signal`. */
  readonly context: (signal: AbortSignal) => ExecContext;
  /** Runs a plan to its schema and rows (update mode's changed groups). */
  readonly collectRows: (plan: ParsedPlan, ctx: ExecContext) => Promise<{ readonly schema: StructType; readonly rows: unknown[][] }>;
  /** Counts a plan's rows (a source's rows in a batch, for the progress report). */
  readonly countRows: (plan: ParsedPlan, ctx: ExecContext) => Promise<number>;
  /** The conf entries the offsets log records. */
  readonly conf: Readonly<Record<string, string>>;
  /** Called once the query ended (stopped, finished or failed). */
  readonly onTerminated: (q: MicroBatchExecution) => void;
}

/**
 * How long an idle query waits before it looks for new data again: Spark's
 * spark.sql.streaming.pollingDelay (10 ms) for sources that only compute offsets, longer where
 * a look lists a directory, so that an idle file stream does not keep a core busy.
 */
const POLLING_DELAY_MS = 10;
const LISTING_POLL_MS = 100;
/** How often an idle query reports a progress without a batch (spark.sql.streaming.noDataProgressEventInterval). */
const NO_DATA_PROGRESS_MS = 10_000;
/** Progress reports kept (spark.sql.streaming.numRecentProgressUpdates). */
const RECENT_PROGRESS = 100;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * A running streaming query (Spark's MicroBatchExecution). It runs in the engine's event loop
 * in the background: each batch asks every source how far its data goes, writes that to the
 * offsets log, plans the source ranges as ordinary batch relations inside the user's plan, runs
 * that plan through the batch engine into the sink, and writes the commit log. Between batches it
 * awaits timers and I/O only, so the serving loop is never held. With aggregations in complete
 * or update mode each batch runs over every range since the first (the result table as a whole);
 * see the report's note on state.
 */
export class MicroBatchExecution {
  private readonly controller = new AbortController();
  private statusNow: QueryStatus = { message: "Initializing sources", isDataAvailable: false, isTriggerActive: false };
  private readonly progress: QueryProgress[] = [];
  private failure: SparkException | undefined;
  private active = true;
  /** Bumped each time a look for new data found none: processAllAvailable waits for one after its call. */
  private idleChecks = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private lastPlan: ParsedPlan | undefined;
  /** When the last report was made (a batch's or an idle one); idle triggers report at most every NO_DATA_PROGRESS_MS. */
  private lastReportMs = Number.NEGATIVE_INFINITY;
  /** Resolves when the query ended, however it ended. */
  readonly terminated: Promise<void>;

  constructor(readonly spec: StreamQuerySpec) {
    this.terminated = this.run();
  }

  get id(): string {
    return this.spec.id;
  }
  get runId(): string {
    return this.spec.runId;
  }
  get name(): string | undefined {
    return this.spec.name;
  }
  get isActive(): boolean {
    return this.active;
  }
  get status(): QueryStatus {
    return this.statusNow;
  }
  get recentProgress(): readonly QueryProgress[] {
    return this.progress;
  }
  get exception(): SparkException | undefined {
    return this.failure;
  }
  /** The last batch's plan (what explain shows), or the user's plan before the first batch. */
  get explainPlan(): ParsedPlan {
    return this.lastPlan ?? this.spec.plan;
  }

  /** Stops the query (after the batch in flight is cancelled) and resolves once it ended. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.terminated;
  }

  /** Resolves once everything available at the call has been processed, or the query ended. */
  async processAllAvailable(): Promise<void> {
    const target = this.idleChecks + 2; // a check that started after this call found nothing new
    while (this.active && this.idleChecks < target) await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  private markIdle(): void {
    this.idleChecks++;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private async run(): Promise<void> {
    await Promise.resolve(); // the constructor returns before the first batch starts
    const signal = this.controller.signal;
    const { trigger, sources, checkpoint } = this.spec;
    try {
      const resume = await checkpoint.resumePoint();
      let batchId = resume.nextBatchId;
      let committed: (string | undefined)[] = resume.committed?.map(parseLogged) ?? sources.map(() => undefined);
      let ran = 0;
      if (resume.pending !== undefined && !signal.aborted) {
        const ends = resume.pending.offsets.map(parseLogged);
        await this.runBatch(batchId, committed, ends, Date.now(), 0, false);
        committed = ends;
        batchId++;
        ran++;
      }
      if (trigger.kind === "availableNow") for (const s of sources) await s.freezeAvailable();
      while (!signal.aborted) {
        if (trigger.kind === "once" && ran > 0) break;
        const started = Date.now();
        this.statusNow = { message: `Getting offsets from ${sources.map((s) => s.description).join(", ")}`, isDataAvailable: false, isTriggerActive: true };
        const ends: (string | undefined)[] = [];
        for (let i = 0; i < sources.length; i++) ends.push(await sources[i]!.nextOffset(committed[i], trigger.kind !== "once"));
        const latestOffsetMs = Date.now() - started;
        const hasData = ends.some((e, i) => e !== undefined && e !== committed[i]);
        if (!hasData) {
          if (Date.now() - NO_DATA_PROGRESS_MS >= this.lastReportMs) this.reportIdle(batchId, committed, started, latestOffsetMs);
          this.markIdle();
          if (trigger.kind === "once" || trigger.kind === "availableNow") break;
          this.statusNow = { message: "Waiting for data to arrive", isDataAvailable: false, isTriggerActive: false };
          const poll = sources.every((s) => s.endless) ? POLLING_DELAY_MS : LISTING_POLL_MS;
          await sleep(trigger.kind === "processingTime" ? Math.max(poll, trigger.intervalMs - (Date.now() - started)) : poll, signal);
          continue;
        }
        await this.runBatch(batchId, committed, ends, started, latestOffsetMs, true);
        committed = ends;
        batchId++;
        ran++;
        if (trigger.kind === "availableNow" && sources.every((s) => s.endless)) break;
        if (trigger.kind === "processingTime") {
          this.statusNow = { message: "Waiting for next trigger", isDataAvailable: true, isTriggerActive: false };
          await sleep(trigger.intervalMs - (Date.now() - started), signal);
        }
      }
    } catch (e) {
      if (!signal.aborted) this.failure = this.streamFailed(e);
    } finally {
      this.active = false;
      this.statusNow = { message: "Stopped", isDataAvailable: false, isTriggerActive: false };
      for (const w of this.idleWaiters.splice(0)) w();
      this.spec.onTerminated(this);
    }
  }

  /** Spark's StreamingQueryException: the cause's message and class, named for the query. */
  private streamFailed(e: unknown): SparkException {
    const cause = toSparkException(e);
    const message = cause.pythonTraceback === undefined ? cause.message : `${cause.message}\n${cause.pythonTraceback}`;
    return new SparkException("StreamingQueryException", "STREAM_FAILED", { id: this.id, runId: this.runId, message });
  }

  private async runBatch(batchId: number, starts: readonly (string | undefined)[], ends: readonly (string | undefined)[], started: number, latestOffsetMs: number, log: boolean): Promise<void> {
    const { sources, sink, mode, checkpoint } = this.spec;
    const ctx = this.spec.context(this.controller.signal);
    this.statusNow = { message: "Processing new data", isDataAvailable: true, isTriggerActive: true };
    const t0 = Date.now();
    if (log) await checkpoint.writeOffsets(batchId, { batchWatermarkMs: 0, batchTimestampMs: started, conf: this.spec.conf, offsets: ends.map((e) => e ?? "-") });
    const t1 = Date.now();
    // the result table as a whole: an aggregation in complete/update mode runs over every range so far
    const whole = mode !== "append" && hasStreamingAggregation(this.spec.plan);
    const batchPlans: ParsedPlan[] = [];
    const slices: ParsedPlan[] = [];
    const counts: number[] = [];
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      const end = ends[i] ?? starts[i];
      const slice = end === undefined ? undefined : await s.planBatch(starts[i], end);
      counts.push(slice === undefined ? 0 : await this.spec.countRows(slice, ctx));
      slices.push(slice ?? { kind: "LocalRelation", schema: s.schema, rows: [] });
      batchPlans.push(end === undefined ? { kind: "LocalRelation", schema: s.schema, rows: [] } : whole ? await s.planBatch(undefined, end) : slice!);
    }
    let plan = withBatchSources(this.spec.plan, batchPlans);
    this.lastPlan = plan;
    const keys = whole && mode === "update" ? streamingGroupKeyCount(this.spec.plan) : undefined;
    if (keys !== undefined) plan = await this.updatedGroups(plan, withBatchSources(this.spec.plan, slices), keys, ctx);
    const t2 = Date.now();
    const written = await sink.addBatch(batchId, plan, mode, ctx);
    const t3 = Date.now();
    await checkpoint.writeCommit(batchId, 0);
    const t4 = Date.now();
    const total = counts.reduce((a, b) => a + b, 0);
    const durations: BatchDurations = { addBatch: t3 - t2, commitOffsets: t4 - t3, getBatch: 0, latestOffset: latestOffsetMs, queryPlanning: t2 - t1, triggerExecution: t4 - started, walCommit: t1 - t0 };
    const previous = this.progress[this.progress.length - 1];
    const sinceLast = previous === undefined ? 0 : started - Date.parse(previous.timestamp);
    const processed = t4 - started;
    this.progress.push({
      id: this.id,
      runId: this.runId,
      name: this.name ?? null,
      timestamp: new Date(started).toISOString(),
      batchId,
      batchDuration: processed,
      numInputRows: total,
      inputRowsPerSecond: perSecond(total, sinceLast),
      processedRowsPerSecond: perSecond(total, processed),
      durationMs: durations,
      stateOperators: [],
      sources: sources.map((s, i) => ({
        description: s.description,
        startOffset: offsetValue(starts[i]),
        endOffset: offsetValue(ends[i]),
        latestOffset: null,
        numInputRows: counts[i] ?? 0,
        inputRowsPerSecond: perSecond(counts[i] ?? 0, sinceLast),
        processedRowsPerSecond: perSecond(counts[i] ?? 0, processed),
      })),
      sink: { description: sink.description, numOutputRows: written },
    });
    this.record(t4);
  }

  /**
   * Update mode: the rows of the whole result table whose group this batch's rows touched (the
   * groups of the same aggregation over the batch alone), as Spark's state store emits them.
   */
  private async updatedGroups(whole: ParsedPlan, batchOnly: ParsedPlan, keyCount: number, ctx: ExecContext): Promise<ParsedPlan> {
    const touched = new Set((await this.spec.collectRows(batchOnly, ctx)).rows.map((r) => groupKey(r, keyCount)));
    const all = await this.spec.collectRows(whole, ctx);
    return { kind: "LocalRelation", schema: all.schema, rows: all.rows.filter((r) => touched.has(groupKey(r, keyCount))) };
  }

  private record(at: number): void {
    this.lastReportMs = at;
    if (this.progress.length > RECENT_PROGRESS) this.progress.shift();
  }

  /** A trigger that found no new data reports a progress of no rows for the next batch id, as Spark's finishNoExecutionTrigger. */
  private reportIdle(batchId: number, committed: readonly (string | undefined)[], started: number, latestOffsetMs: number): void {
    const now = Date.now();
    this.progress.push({
      id: this.id,
      runId: this.runId,
      name: this.name ?? null,
      timestamp: new Date(started).toISOString(),
      batchId,
      batchDuration: now - started,
      numInputRows: 0,
      inputRowsPerSecond: 0,
      processedRowsPerSecond: 0,
      durationMs: { latestOffset: latestOffsetMs, triggerExecution: now - started },
      stateOperators: [],
      sources: this.spec.sources.map((s, i) => ({
        description: s.description,
        startOffset: offsetValue(committed[i]),
        endOffset: offsetValue(committed[i]),
        latestOffset: offsetValue(committed[i]),
        numInputRows: 0,
        inputRowsPerSecond: 0,
        processedRowsPerSecond: 0,
      })),
      sink: { description: this.spec.sink.description, numOutputRows: -1 },
    });
    this.record(now);
  }
}

/** An offsets-log line back to a source offset ("-" = the source had none yet). */
function parseLogged(line: string): string | undefined {
  return line === "-" ? undefined : line;
}

/** A row's first `n` values as one comparable text (bigints and bytes included). */
function groupKey(row: readonly unknown[], n: number): string {
  return JSON.stringify(row.slice(0, n), (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v));
}
