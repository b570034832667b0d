import type { MemoryMeter } from "../memory/memory-pool.js";

/**
 * What one operator did in a query (Spark's SQL metrics, as the UI shows them per node): rows
 * and batches it produced, wall time spent producing them (its inputs' time included: `self`
 * is computed from the tree when shown), the most memory its reservations held at once in one
 * task, and the tasks it ran in. Plain data, summed over tasks.
 */
export interface OperatorMetrics {
  readonly rows: number;
  readonly batches: number;
  /** Milliseconds inside the operator's stream, its inputs' streams included, summed over tasks. */
  readonly timeMs: number;
  /** Bytes its memory reservations held at most, in the task where that was highest. */
  readonly peakBytes: number;
  readonly tasks: number;
}

/** One task's metrics, by the operator's path in the stage's plan (plan-paths.ts). */
export type TaskOperatorMetrics = Readonly<Record<string, OperatorMetrics>>;

/** Sums two operators' metrics (peak memory: the larger). */
export function mergeMetrics(a: OperatorMetrics | undefined, b: OperatorMetrics): OperatorMetrics {
  if (a === undefined) return b;
  return {
    rows: a.rows + b.rows,
    batches: a.batches + b.batches,
    timeMs: a.timeMs + b.timeMs,
    peakBytes: Math.max(a.peakBytes, b.peakBytes),
    tasks: a.tasks + b.tasks,
  };
}

/** The counters of one operator in one task, filled by its MeteredExec and its memory reservations. */
export class OperatorMeter implements MemoryMeter {
  rows = 0;
  batches = 0;
  timeMs = 0;
  private heldBytes = 0;
  private peak = 0;

  held(deltaBytes: number): void {
    this.heldBytes += deltaBytes;
    if (this.heldBytes > this.peak) this.peak = this.heldBytes;
  }

  snapshot(): OperatorMetrics {
    return { rows: this.rows, batches: this.batches, timeMs: this.timeMs, peakBytes: this.peak, tasks: 1 };
  }
}

/** The meters of one task's operators (made on the thread that runs it), by path. */
export class TaskMetricsRecorder {
  private readonly meters = new Map<string, OperatorMeter>();

  /** The meter of the operator at `path` (one per path: a coalesced task's parts share it). */
  meter(path: string): OperatorMeter {
    let m = this.meters.get(path);
    if (m === undefined) {
      m = new OperatorMeter();
      this.meters.set(path, m);
    }
    return m;
  }

  snapshot(): TaskOperatorMetrics {
    return Object.fromEntries([...this.meters].map(([k, m]) => [k, m.snapshot()]));
  }
}
