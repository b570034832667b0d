import { describe, expect, it } from "vitest";
import { solveNormalEquation, statsLength, statsOf } from "../../../src/ml/linalg/normal-equation.js";

/** Flat least-squares state of rows (x, y) with unit weights, as the aggregate folds them. */
function stats(rows: readonly (readonly [readonly number[], number])[]): Float64Array {
  const d = rows[0]![0].length;
  const st = new Float64Array(statsLength(d));
  st[0] = d;
  for (const [x, y] of rows) {
    st[1] += 1;
    st[2] += 1;
    st[3] += y;
    st[4] += y * y;
    for (let i = 0; i < d; i++) {
      st[5 + i] += x[i]!;
      st[5 + d + i] += x[i]! * y;
      for (let j = i; j < d; j++) st[5 + 2 * d + i * d - (i * (i - 1)) / 2 + (j - i)] += x[i]! * x[j]!;
    }
  }
  return st;
}

describe("solveNormalEquation", () => {
  const rows: [number[], number][] = [[[1, 2], 9], [[2, 1], 8], [[3, 5], 22], [[4, 3], 18], [[0, 1], 4.5]];
  // y = 2·x1 + 3·x2 + 1 exactly, except the last row (4 + 0.5 noise)

  it("recovers an exact linear relation with its intercept", () => {
    const exact = rows.slice(0, 4);
    const fit = solveNormalEquation(statsOf(stats(exact)), { fitIntercept: true, regParam: 0, standardization: true });
    expect(fit.coefficients[0]).toBeCloseTo(2, 10);
    expect(fit.coefficients[1]).toBeCloseTo(3, 10);
    expect(fit.intercept).toBeCloseTo(1, 10);
    expect(fit.r2).toBeCloseTo(1, 10);
  });

  it("gives the same fit from merged partition partials as from one pass", () => {
    const whole = stats(rows);
    const a = stats(rows.slice(0, 2));
    const b = stats(rows.slice(2));
    const merged = a.map((v, k) => (k === 0 ? v : v + b[k]!));
    const p = { fitIntercept: true, regParam: 0.1, standardization: true };
    const f1 = solveNormalEquation(statsOf(whole), p);
    const f2 = solveNormalEquation(statsOf(merged), p);
    expect(Array.from(f2.coefficients)).toEqual(Array.from(f1.coefficients).map((c) => expect.closeTo(c, 12)));
    expect(f2.intercept).toBeCloseTo(f1.intercept, 12);
  });

  it("shrinks coefficients under an L2 penalty", () => {
    const free = solveNormalEquation(statsOf(stats(rows)), { fitIntercept: true, regParam: 0, standardization: true });
    const ridge = solveNormalEquation(statsOf(stats(rows)), { fitIntercept: true, regParam: 1, standardization: true });
    const norm = (v: Float64Array): number => Math.hypot(...v);
    expect(norm(ridge.coefficients)).toBeLessThan(norm(free.coefficients));
  });
});
