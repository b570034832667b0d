import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeVector } from "../../../src/columnar/vector.js";
import { vectorToValues } from "../../../src/columnar/rows.js";
import { formatUnscaled } from "../../../src/columnar/decimal-value.js";
import { decimalArithmetic, decimalResultType } from "../../../src/expr/kernels/decimal-arith.js";
import { decimalType, type DecimalType } from "../../../src/types/data-type.js";

/** A reference value: the exact rational num/den (den > 0). */
interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const p10 = (k: number): bigint => 10n ** BigInt(k);
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** The exact result of `a op b` as a rational, written from the definitions (not the kernel's plan). */
function reference(op: "+" | "-" | "*" | "/" | "%", x: bigint, s1: number, y: bigint, s2: number): Rational {
  const a = { num: x, den: p10(s1) };
  const b = { num: y, den: p10(s2) };
  switch (op) {
    case "+":
      return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
    case "-":
      return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
    case "*":
      return { num: a.num * b.num, den: a.den * b.den };
    case "/": {
      const num = a.num * b.den;
      const den = a.den * b.num;
      return den < 0n ? { num: -num, den: -den } : { num, den };
    }
    case "%": {
      // Java BigDecimal.remainder: a - trunc(a / b) * b.
      const q = (a.num * b.den) / (a.den * b.num);
      return { num: a.num * b.den - q * b.num * a.den, den: a.den * b.den };
    }
  }
}

/** num/den at `scale`, rounded half away from zero. */
function roundHalfUp(r: Rational, scale: number): bigint {
  const n = abs(r.num) * p10(scale);
  const q = (2n * n + r.den) / (2n * r.den);
  return r.num < 0n ? -q : q;
}

const decimalArb = fc.integer({ min: 1, max: 38 }).chain((p) =>
  fc.record({ p: fc.constant(p), s: fc.integer({ min: 0, max: p }), u: fc.bigInt({ min: -(p10(p) - 1n), max: p10(p) - 1n }) }),
);

function vectorOf(t: DecimalType, u: bigint) {
  return makeVector(t, t.precision > 18 ? [u] : BigInt64Array.of(u), null, 1);
}

describe("decimal arithmetic against an exact rational reference", () => {
  for (const op of ["+", "-", "*", "/", "%"] as const) {
    it(`${op} rounds HALF_UP to Spark's result scale and nulls overflow (ANSI off)`, () => {
      fc.assert(
        fc.property(decimalArb, decimalArb, (a, b) => {
          const ta = decimalType(a.p, a.s);
          const tb = decimalType(b.p, b.s);
          const out = decimalResultType(op, ta, tb);
          const got = vectorToValues(decimalArithmetic(op, vectorOf(ta, a.u), vectorOf(tb, b.u), out, false))[0];
          if ((op === "/" || op === "%") && b.u === 0n) {
            expect(got).toBeNull();
            return;
          }
          const r = roundHalfUp(reference(op, a.u, a.s, b.u, b.s), out.scale);
          expect(got).toBe(abs(r) >= p10(out.precision) ? null : formatUnscaled(r, out.scale));
        }),
        { numRuns: 400 },
      );
    });
  }

  it("raises NUMERIC_VALUE_OUT_OF_RANGE under ANSI exactly when the legacy result is null", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        const ta = decimalType(a.p, a.s);
        const tb = decimalType(b.p, b.s);
        const out = decimalResultType("*", ta, tb);
        const legacy = vectorToValues(decimalArithmetic("*", vectorOf(ta, a.u), vectorOf(tb, b.u), out, false))[0];
        const ansi = () => decimalArithmetic("*", vectorOf(ta, a.u), vectorOf(tb, b.u), out, true);
        if (legacy === null) expect(ansi).toThrow(/NUMERIC_VALUE_OUT_OF_RANGE/);
        else expect(vectorToValues(ansi())[0]).toBe(legacy);
      }),
      { numRuns: 300 },
    );
  });
});
