import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { makeVector } from "../columnar/vector.js";
import type { ExecContext } from "./exec-context.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted, yieldToEventLoop } from "./util.js";

/** Bounds [start, end) of partition `i` of a range, split as Spark's RangeExec splits it. */
export function rangePartitionBounds(
  start: bigint,
  end: bigint,
  step: bigint,
  slices: number,
  i: number,
): { readonly first: bigint; readonly count: bigint } {
  const span = end - start;
  let n = span / step;
  if (span % step !== 0n && (span > 0n) === (step > 0n)) n += 1n;
  if (n < 0n) n = 0n;
  const s = BigInt(slices);
  const lo = (BigInt(i) * n) / s;
  const hi = (BigInt(i + 1) * n) / s;
  return { first: start + lo * step, count: hi - lo };
}

/** `spark.range`: generates its partition's ids straight into typed arrays, BATCH_SIZE at a time. */
export class RangeExec implements ExecutionPlan {
  readonly name = "Range";
  readonly children: readonly ExecutionPlan[] = [];

  constructor(
    readonly schema: StructType,
    readonly start: bigint,
    readonly end: bigint,
    readonly step: bigint,
    readonly slices: number,
  ) {}

  numPartitions(): number {
    return this.slices;
  }

  explainDetail(): string {
    return ` (${this.start}, ${this.end}, step=${this.step}, splits=${this.slices})`;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const { first, count } = rangePartitionBounds(this.start, this.end, this.step, this.slices, partition);
    const type = this.schema.fields[0]!.dataType;
    const last = first + (count - 1n) * this.step;
    const safe = BigInt(Number.MAX_SAFE_INTEGER);
    const fast = count <= 0n || (first <= safe && first >= -safe && last <= safe && last >= -safe);
    const total = Number(count);
    for (let done = 0; done < total; done += BATCH_SIZE) {
      throwIfAborted(ctx);
      const n = Math.min(BATCH_SIZE, total - done);
      if (fast) {
        const data = new Float64Array(n);
        const st = Number(this.step);
        const base = Number(first) + done * st;
        for (let i = 0; i < n; i++) data[i] = base + i * st;
        yield makeBatch(this.schema, [makeVector(type, data, null, n)], n);
      } else {
        const data = new BigInt64Array(n);
        const base = first + BigInt(done) * this.step;
        for (let i = 0; i < n; i++) data[i] = base + BigInt(i) * this.step;
        yield makeBatch(this.schema, [makeVector(type, data, null, n)], n);
      }
      if ((done / BATCH_SIZE) % 16 === 15) await yieldToEventLoop();
    }
  }
}
