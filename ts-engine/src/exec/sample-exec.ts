import type { ColumnBatch } from "../columnar/batch.js";
import { takeBatch } from "../columnar/take.js";
import { XorShiftRandom } from "../expr/kernels/xorshift-random.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted } from "./util.js";

/**
 * Spark's SampleExec. Without replacement, as RDD.randomSampleWithRange's
 * BernoulliCellSampler: partition i draws from XORShiftRandom(seed + i), one double per row in
 * order, and keeps the rows whose draw is in [lowerBound, upperBound), so the same seed and
 * partitioning give Spark's rows, and randomSplit's pieces (same seed, adjacent bounds) are
 * disjoint. With replacement, each row is repeated a Poisson(upperBound − lowerBound) number
 * of times, drawn by Knuth's product of uniforms from the same generator (Spark draws them
 * from commons-math's Well19937c, so the copies differ from Spark's).
 */
export class SampleExec implements ExecutionPlan {
  readonly name = "Sample";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    private readonly lowerBound: number,
    private readonly upperBound: number,
    private readonly withReplacement: boolean,
    private readonly seed: bigint,
    private readonly detail: string,
  ) {
    this.children = [child];
  }

  get schema(): StructType {
    return this.child.schema;
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const rng = new XorShiftRandom(this.seed + BigInt(partition));
    const fraction = this.upperBound - this.lowerBound;
    if (fraction <= 0) return;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      const rows = this.withReplacement ? poissonRows(rng, fraction, b.numRows) : bernoulliRows(rng, this.lowerBound, this.upperBound, b.numRows);
      if (rows.length === 0) continue;
      yield rows.length === b.numRows && !this.withReplacement ? b : takeBatch(b, rows);
    }
  }
}

/** The rows whose draw lies in [lb, ub) (BernoulliCellSampler without complement). */
function bernoulliRows(rng: XorShiftRandom, lb: number, ub: number, n: number): Int32Array {
  const keep = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = rng.nextDouble();
    if (x >= lb && x < ub) keep[k++] = i;
  }
  return keep.subarray(0, k);
}

/** Each row repeated a Poisson(mean) number of times (the product-of-uniforms method commons-math uses below mean 40). */
function poissonRows(rng: XorShiftRandom, mean: number, n: number): Int32Array {
  const p = Math.exp(-mean);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let r = 1;
    let count = 0;
    for (;;) {
      r *= rng.nextDouble();
      if (r < p || count >= 1000 * mean) break;
      count++;
    }
    for (let c = 0; c < count; c++) out.push(i);
  }
  return Int32Array.from(out);
}
