import { SparkException } from "../errors/spark-exception.js";
import type { MicroBatchExecution } from "./micro-batch.js";

/** The ids of the queries running in this engine, any session: one id runs once at a time. */
const RUNNING_IDS = new Set<string>();

/**
 * A session's streaming queries (Spark's StreamingQueryManager, `spark.streams`): the active
 * ones by id, and the last to end since `resetTerminated`, which `awaitAnyTermination` reports.
 */
export class StreamingQueryManager {
  private readonly active = new Map<string, MicroBatchExecution>();
  private readonly known = new Map<string, MicroBatchExecution>();
  private terminatedSinceReset: MicroBatchExecution | undefined;
  private waiters: (() => void)[] = [];

  /** Fails as Spark does when the id (a restart of a running checkpoint) or the name is already active. */
  checkCanStart(id: string, name: string | undefined): void {
    if (RUNNING_IDS.has(id)) {
      throw new SparkException("IllegalStateException", "", {}, {
        sqlState: "",
        rawMessage: `Cannot start query with id ${id} as another query with same id is already active. Perhaps you are attempting to restart a query from checkpoint that is already active. You may stop the old query by calling 'stop()' on the old query and then start a new one.`,
      });
    }
    if (name !== undefined && [...this.active.values()].some((q) => q.name === name)) {
      throw new SparkException("IllegalArgumentException", "", {}, { sqlState: "", rawMessage: `Cannot start query with name ${name} as a query with that name is already active in this SparkSession` });
    }
  }

  /** Registers a query that just started. */
  add(q: MicroBatchExecution): void {
    RUNNING_IDS.add(q.id);
    this.active.set(q.id, q);
    this.known.set(q.id, q);
  }

  /** The query's `onTerminated`: no longer active, and the last to end. */
  terminated(q: MicroBatchExecution): void {
    if (this.active.get(q.id) === q) this.active.delete(q.id);
    RUNNING_IDS.delete(q.id);
    this.terminatedSinceReset = q;
    for (const w of this.waiters.splice(0)) w();
  }

  /** `spark.streams.active`. */
  list(): MicroBatchExecution[] {
    return [...this.active.values()];
  }

  /** `spark.streams.get(id)`: an active query (undefined for others, as Spark's None). */
  get(id: string): MicroBatchExecution | undefined {
    return this.active.get(id);
  }

  /** Any query of the session by id, active or not (the client's StreamingQuery handles). */
  lookup(id: string): MicroBatchExecution | undefined {
    return this.known.get(id);
  }

  /** `awaitAnyTermination(timeout)`: true once some query ended since the last reset (its failure thrown); false on timeout. */
  async awaitAny(timeoutMs: number | undefined, signal: AbortSignal): Promise<boolean> {
    for (;;) {
      const t = this.terminatedSinceReset;
      if (t !== undefined) {
        if (t.exception !== undefined) throw t.exception;
        return true;
      }
      const woke = await new Promise<"woke" | "timeout">((resolve) => {
        const timer = timeoutMs === undefined ? undefined : setTimeout(() => resolve("timeout"), timeoutMs);
        const done = (): void => {
          if (timer !== undefined) clearTimeout(timer);
          resolve("woke");
        };
        this.waiters.push(done);
        signal.addEventListener("abort", done, { once: true });
      });
      if (signal.aborted) return false;
      if (woke === "timeout") return false;
    }
  }

  /** `resetTerminated()`. */
  resetTerminated(): void {
    this.terminatedSinceReset = undefined;
  }

  /** Stops every query (the session's end). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.active.values()].map((q) => q.stop()));
  }
}
