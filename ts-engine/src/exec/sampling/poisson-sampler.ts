import { JavaRandom } from "../../expr/kernels/java-random.js";
import { Well19937c } from "./well19937c.js";

/**
 * Spark's PoissonSampler as SampleExec uses it (gap sampling off): each row is repeated
 * Poisson(fraction) times, the counts drawn by commons-math3's PoissonDistribution over a
 * Well19937c generator. One sampler per partition, seeded as PartitionwiseSampledRDD does.
 */
export class PoissonSampler {
  private readonly rng: Well19937c;
  private readonly p: number;

  constructor(
    private readonly mean: number,
    seed: bigint,
  ) {
    this.rng = new Well19937c(seed);
    this.p = Math.exp(-mean);
  }

  /**
   * PoissonDistribution.sample for a mean below 40: multiply uniforms until the product drops
   * below e^-mean (commons-math's nextPoisson, capped at 1000·mean draws). Above 40
   * commons-math switches to a rejection method on normal and exponential deviates, which is
   * not reproduced: the count there is the normal approximation, so rows differ from Spark's.
   */
  nextCount(): number {
    const mean = this.mean;
    if (mean >= 40) return this.largeMeanCount();
    let n = 0;
    let r = 1;
    while (n < 1000 * mean) {
      r *= this.rng.nextDouble();
      if (r >= this.p) n++;
      else return n;
    }
    return n;
  }

  private largeMeanCount(): number {
    // Box-Muller on the same generator: a Poisson count with the right mean and variance.
    const u1 = Math.max(this.rng.nextDouble(), Number.MIN_VALUE);
    const u2 = this.rng.nextDouble();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(0, Math.round(this.mean + Math.sqrt(this.mean) * z));
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
