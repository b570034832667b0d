import type { ColumnBatch } from "../../columnar/batch.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { setMemoryMeter } from "../memory/memory-pool.js";
import type { OperatorMeter } from "./operator-metrics.js";

/**
 * An operator with its metrics taken: the rows and batches it yields, the time spent in its
 * stream (its inputs' included), and, through the thread's memory meter, what its memory
 * reservations hold. Without a recorder in the context (no profile asked) it is the operator.
 * The meter is the thread's current one while the operator's code runs: a parent sets its
 * own around each pull and a child sets its own inside it, so reservations an operator makes
 * count against it (a worker thread runs one task at a time).
 */
export class MeteredExec implements ExecutionPlan {
  readonly name: string;
  readonly schema: ExecutionPlan["schema"];
  readonly children: readonly ExecutionPlan[];

  constructor(
    private readonly inner: ExecutionPlan,
    private readonly path: string,
  ) {
    this.name = inner.name;
    this.schema = inner.schema;
    this.children = inner.children;
  }

  numPartitions(ctx: ExecContext): number {
    return this.inner.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.inner.explainDetail();
  }

  execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const recorder = ctx.operatorMetrics;
    if (recorder === undefined) return this.inner.execute(partition, ctx);
    return metered(this.inner, partition, ctx, recorder.meter(this.path));
  }
}

async function* metered(inner: ExecutionPlan, partition: number, ctx: ExecContext, m: OperatorMeter): AsyncGenerator<ColumnBatch> {
  let prev = setMemoryMeter(m);
  const it = ((): AsyncIterator<ColumnBatch> => {
    try {
      return inner.execute(partition, ctx)[Symbol.asyncIterator]();
    } finally {
      setMemoryMeter(prev);
    }
  })();
  let ended = false;
  try {
    for (;;) {
      const t0 = performance.now();
      prev = setMemoryMeter(m);
      let r: IteratorResult<ColumnBatch>;
      try {
        r = await it.next();
      } catch (e) {
        ended = true;
        throw e;
      } finally {
        setMemoryMeter(prev);
        m.timeMs += performance.now() - t0;
      }
      if (r.done === true) {
        ended = true;
        return;
      }
      m.batches++;
      m.rows += r.value.numRows;
      yield r.value;
    }
  } finally {
    // a consumer that stops early (a limit) closes the operator's stream, as for-await would
    if (!ended) await it.return?.();
  }
}
