import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeVector, type Vector } from "../../../src/columnar/vector.js";
import { vectorToValues } from "../../../src/columnar/rows.js";
import { formatUnscaled } from "../../../src/columnar/decimal-value.js";
import { compare, type CompareOp } from "../../../src/expr/kernels/comparison.js";
import { castVector } from "../../../src/expr/eval/cast.js";
import { castValue } from "../../../src/expr/eval/cast-value.js";
import { DoubleType, decimalType, type DecimalType } from "../../../src/types/data-type.js";

// The decimal comparison and cast kernels work on unscaled storage with no text per row; these
// properties check them against definitions that go through the exact values (BigInt
// rationals, and the row-wise text cast that was the only path before).

const p10 = (k: number): bigint => 10n ** BigInt(k);

interface Dec {
  readonly p: number;
  readonly s: number;
  readonly us: readonly bigint[];
}

/** Unscaled values biased towards the 32-bit word boundaries and the type's limits. */
function unscaledArb(p: number): fc.Arbitrary<bigint> {
  const max = p10(p) - 1n;
  const edges = [0n, 1n, -1n, max, -max, 2n ** 32n - 1n, 2n ** 32n, -(2n ** 32n), 2n ** 53n, -(2n ** 53n) - 1n].filter((x) => x <= max && x >= -max);
  return fc.oneof(fc.bigInt({ min: -max, max }), fc.constantFrom(...edges), fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }).filter((x) => x <= max && x >= -max));
}

const decArb = (n: number, wide: boolean): fc.Arbitrary<Dec> =>
  fc
    .integer({ min: wide ? 19 : 1, max: wide ? 38 : 18 })
    .chain((p) => fc.record({ p: fc.constant(p), s: fc.integer({ min: 0, max: p }), us: fc.array(unscaledArb(p), { minLength: n, maxLength: n }) }));

/** A decimal vector; dec64 ones sit at a non-zero byte offset in their buffer, as batch slices do. */
function vectorOf(t: DecimalType, us: readonly bigint[]): Vector {
  if (t.precision > 18) return makeVector(t, [...us], null, us.length);
  const buf = new BigInt64Array(us.length + 3);
  buf.set(us, 3);
  return makeVector(t, buf.subarray(3), null, us.length);
}

/** Sign of x/10^sx − y/10^sy, exactly. */
function exactOrder(x: bigint, sx: number, y: bigint, sy: number): number {
  const d = x * p10(sy) - y * p10(sx);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

const OPS: readonly CompareOp[] = ["==", "<", "<=", ">", ">=", "<=>"];

describe("decimal comparison on unscaled storage", () => {
  for (const wide of [false, true]) {
    it(`orders ${wide ? "wide" : "compact"} decimals of any scales by value`, () => {
      fc.assert(
        fc.property(decArb(6, wide), decArb(6, false), fc.boolean(), fc.constantFrom(...OPS), (a, b, sameScale, op) => {
          const tb = sameScale ? decimalType(Math.max(b.p, a.s), a.s) : decimalType(b.p, b.s);
          const bs = sameScale ? b.us.map((u) => u % p10(Math.min(tb.precision, 18))) : b.us;
          const got = vectorToValues(compare(op, vectorOf(decimalType(a.p, a.s), a.us), vectorOf(tb, bs)));
          const want = a.us.map((x, i) => {
            const c = exactOrder(x, a.s, bs[i]!, tb.scale);
            return op === "==" || op === "<=>" ? c === 0 : op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
          });
          expect(got).toEqual(want);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("gives null where either side is null, and <=> treats null as a value", () => {
    const t = decimalType(10, 2);
    const a = makeVector(t, BigInt64Array.of(100n, 5n, 0n), Uint8Array.of(1, 0, 0), 3);
    const b = makeVector(t, BigInt64Array.of(100n, 5n, 7n), Uint8Array.of(1, 1, 0), 3);
    expect(vectorToValues(compare("==", a, b))).toEqual([true, null, null]);
    expect(vectorToValues(compare("<=>", a, b))).toEqual([true, false, true]);
  });
});

describe("decimal casts on unscaled storage", () => {
  const opts = (ansi: boolean) => ({ ansi, timeZone: "UTC" });

  it("decimal → double is the correctly rounded double of the value (as Number(text))", () => {
    fc.assert(
      fc.property(decArb(8, false), decArb(4, true), (a, w) => {
        for (const d of [a, w]) {
          const t = decimalType(d.p, d.s);
          const got = vectorToValues(castVector(vectorOf(t, d.us), DoubleType, { ansi: false, timeZone: "UTC" }));
          expect(got).toEqual(d.us.map((u) => Number(formatUnscaled(u, d.s))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("decimal → decimal rescales HALF_UP and nulls (or, under ANSI, raises on) overflow as the row-wise cast does", () => {
    fc.assert(
      fc.property(decArb(6, false), fc.integer({ min: 1, max: 38 }), fc.integer({ min: 0, max: 38 }), fc.boolean(), (a, p, s0, ansi) => {
        const from = decimalType(a.p, a.s);
        const to = decimalType(p, Math.min(s0, p));
        const rowWise = (u: bigint): unknown => {
          try {
            return castValue(formatUnscaled(u, a.s), from, to, opts(ansi));
          } catch (e) {
            return e instanceof Error ? e.message : e;
          }
        };
        const want = a.us.map(rowWise);
        const firstError = want.find((x) => typeof x === "string" && x.includes("NUMERIC_VALUE_OUT_OF_RANGE"));
        if (firstError !== undefined) {
          expect(() => castVector(vectorOf(from, a.us), to, opts(ansi))).toThrow(firstError as string);
        } else {
          expect(vectorToValues(castVector(vectorOf(from, a.us), to, opts(ansi)))).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});
