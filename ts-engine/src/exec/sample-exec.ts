import type { ColumnBatch } from "../columnar/batch.js";
import { takeBatch } from "../columnar/take.js";
import { XorShiftRandom } from "../expr/kernels/xorshift-random.js";
import { PoissonSampler, partitionSeed } from "./sampling/poisson-sampler.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted } from "./util.js";

/**
 * Spark's SampleExec. Without replacement, as RDD.randomSampleWithRange's
 * BernoulliCellSampler: partition i draws from XORShiftRandom(seed + i), one double per row in
 * order, and keeps the rows whose draw is in [lowerBound, upperBound), so the same seed and
 * partitioning give Spark's rows, and randomSplit's pieces (same seed, adjacent bounds) are
 * disjoint. With replacement, as Spark's PoissonSampler (gap sampling off, as SampleExec
 * asks): each row is repeated a Poisson(upperBound − lowerBound) number of times, drawn as
 * commons-math's PoissonDistribution draws them (both of its methods, below and from a mean
 * of 40) from a Well19937c seeded per partition as PartitionwiseSampledRDD does.
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
    const fraction = this.upperBound - this.lowerBound;
    // RandomSampler.roundingEpsilon: a fraction this small samples nothing
    if (fraction <= (this.withReplacement ? 1e-6 : 0)) return;
    const rng = new XorShiftRandom(this.seed + BigInt(partition));
    const poisson = this.withReplacement ? new PoissonSampler(fraction, partitionSeed(this.seed, partition)) : undefined;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      const rows = poisson !== undefined ? poisson.sampleRows(b.numRows) : bernoulliRows(rng, this.lowerBound, this.upperBound, b.numRows);
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
