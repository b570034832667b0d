import { describe, expect, it } from "vitest";
import { QuantileSummary } from "../../../src/expr/kernels/quantile-summaries.js";

function summaryOf(values: readonly number[], eps: number): QuantileSummary {
  const q = new QuantileSummary(eps);
  for (const v of values) q.insert(v);
  q.compress();
  return q;
}

/** The ceil(q·n)-th smallest value (rank 1-based), what an exact GK query returns. */
function exact(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

describe("QuantileSummary (Spark's QuantileSummaries)", () => {
  it("answers exactly with relative error 0", () => {
    const values = Array.from({ length: 997 }, (_, i) => (i * 7919) % 997);
    const sorted = [...values].sort((a, b) => a - b);
    const probs = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
    expect(summaryOf(values, 0).query(probs)).toEqual(probs.map((p) => exact(sorted, p)));
  });

  it("stays within the rank error bound, also across merged partitions", () => {
    const n = 120_000; // past the 50,000-value head buffer, so inserts are batched and compressed
    const values = Array.from({ length: n }, (_, i) => (i * 104729) % n);
    const eps = 0.01;
    const a = summaryOf(values.slice(0, n / 2), eps);
    a.merge(summaryOf(values.slice(n / 2), eps));
    const probs = [0.05, 0.3, 0.5, 0.8, 0.95];
    const got = a.query(probs)!;
    probs.forEach((p, i) => {
      // values are 0..n-1 once each, so a value's rank is the value + 1
      const rank = got[i]! + 1;
      expect(rank).toBeGreaterThanOrEqual(Math.floor((p - eps) * n));
      expect(rank).toBeLessThanOrEqual(Math.ceil((p + eps) * n));
    });
  });

  it("gives the extremes for probabilities within the error of 0 and 1, and null when empty", () => {
    const s = summaryOf([5, 3, 9, 1], 0.1);
    expect(s.query([0.05, 0.95, 0])).toEqual([1, 9, 1]);
    expect(summaryOf([], 0.1).query([0.5])).toBeNull();
  });

  it("round-trips its compressed state", () => {
    const s = summaryOf(Array.from({ length: 500 }, (_, i) => i), 0.05);
    const back = QuantileSummary.decode(0.05, s.size, s.encode());
    expect(back.query([0.2, 0.5, 0.7])).toEqual(s.query([0.2, 0.5, 0.7]));
  });
});
