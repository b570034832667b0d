import { JavaRandom } from "../../expr/kernels/java-random.js";
import { PoissonLargeMean, smallMeanCount } from "./poisson-large-mean.js";
import { Well19937c } from "./well19937c.js";

/**
 * Spark's PoissonSampler as SampleExec uses it (gap sampling off): each row is repeated
 * Poisson(fraction) times, the counts drawn by commons-math3's PoissonDistribution over a
 * Well19937c generator. One sampler per partition, seeded as PartitionwiseSampledRDD does.
 */
export class PoissonSampler {
  private readonly rng: Well19937c;
  private readonly p: number;
  /** commons-math's other method, from a mean of 40 on. */
  private readonly large: PoissonLargeMean | undefined;

  constructor(
    private readonly mean: number,
    seed: bigint,
  ) {
    this.rng = new Well19937c(seed);
    this.p = Math.exp(-mean);
    this.large = mean >= 40 ? new PoissonLargeMean(mean, this.rng) : undefined;
  }

  /** PoissonDistribution.sample(): one row's number of copies (commons-math's nextPoisson). */
  nextCount(): number {
    return this.large !== undefined ? this.large.next() : smallMeanCount(this.rng, this.mean, this.p);
  }

  /** The rows of a batch of `n`, each index repeated its count (ascending, as Spark emits them). */
  sampleRows(n: number): Int32Array {
    let out = new Int32Array(Math.max(16, Math.ceil(n * Math.min(this.mean, 4)) + 16));
    let k = 0;
    for (let i = 0; i < n; i++) {
      const c = this.nextCount();
      if (c === 0) continue;
      if (k + c > out.length) {
        const grown = new Int32Array(Math.max(out.length * 2, k + c));
        grown.set(out.subarray(0, k));
        out = grown;
      }
      out.fill(i, k, k + c);
      k += c;
    }
    return out.subarray(0, k);
  }
}

/**
 * PartitionwiseSampledRDD's per-partition seeds: java.util.Random(seed).nextLong() drawn once
 * per partition in order, so partition i's sampler gets the (i+1)-th long.
 */
export function partitionSeed(seed: bigint, partition: number): bigint {
  const r = new JavaRandom(seed);
  let s = 0n;
  for (let i = 0; i <= partition; i++) s = r.nextLong();
  return s;
}
