import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PoissonSampler } from "../../../src/exec/sampling/poisson-sampler.js";

// commons-math3 3.6.1's PoissonDistribution.sample() for these means and seeds, recorded by
// RecordPoisson.java: small means multiply uniforms, means of 40 and more take its rejection
// method (normal and exponential deviates on the same Well19937c), as Spark's sampler does.
interface Recorded {
  readonly mean: number;
  readonly seed: string;
  readonly counts: readonly number[];
}
const recorded = JSON.parse(readFileSync(new URL("./poisson-counts.json", import.meta.url), "utf8")) as Recorded[];

describe("Spark's Poisson sampler (commons-math PoissonDistribution)", () => {
  it.each(recorded.map((r) => [r.mean, r.seed, r] as const))("mean %d, seed %s: the same counts, in order", (_mean, _seed, r) => {
    const s = new PoissonSampler(r.mean, BigInt(r.seed));
    expect(Array.from({ length: r.counts.length }, () => s.nextCount())).toEqual(r.counts);
  });

  it("large means keep the distribution's mean and variance", () => {
    const s = new PoissonSampler(250.5, 99n);
    const n = 20000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const c = s.nextCount();
      sum += c;
      sq += c * c;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 250.5)).toBeLessThan(0.5);
    expect(Math.abs(sq / n - mean * mean - 250.5)).toBeLessThan(15);
  });
});
