import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeVector } from "../../../../src/columnar/vector.js";
import { vectorToValues } from "../../../../src/columnar/rows.js";
import { formatUnscaled } from "../../../../src/columnar/decimal-value.js";
import { DecimalAcc } from "../../../../src/expr/functions/aggregate/decimal-acc.js";
import { singleGroupIds } from "../../../../src/expr/functions/aggregate/accumulator.js";
import { decimalType } from "../../../../src/types/data-type.js";

// DecimalAcc sums most rows as exact doubles and moves them into BigInts near 2^52; these
// properties check it against plain BigInt sums, with values around 2^52 and 2^32 so that the
// double path, its flushes and the BigInt path all run, on both unscaled storages.

const B52 = 2n ** 52n;
const valueArb = (max: bigint): fc.Arbitrary<bigint> =>
  fc.oneof(
    fc.bigInt({ min: -max, max }),
    fc.bigInt({ min: B52 - 1000n, max: B52 + 1000n }).map((x) => (x > max ? max : x)),
    fc.bigInt({ min: -(B52 + 1000n), max: -(B52 - 1000n) }).map((x) => (x < -max ? -max : x)),
    fc.bigInt({ min: -(2n ** 33n), max: 2n ** 33n }),
  );

describe("DecimalAcc sums against BigInt sums", () => {
  for (const p of [18, 30]) {
    const t = decimalType(p, 2);
    const max = 10n ** BigInt(p) - 1n;
    it(`sum and avg over decimal(${p},2) with and without groups, across batches`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.record({ g: fc.integer({ min: 0, max: 3 }), x: valueArb(max), ok: fc.boolean() }), { maxLength: 40 }), { minLength: 1, maxLength: 6 }),
          fc.boolean(),
          (batches, grouped) => {
            const rt = decimalType(Math.min(38, p + 10), 2);
            const acc = new DecimalAcc("sum", t, rt, false);
            const want = [0n, 0n, 0n, 0n];
            const seen = [false, false, false, false];
            acc.ensure(4);
            for (const b of batches) {
              const n = b.length;
              const xs = b.map((r) => (r.ok ? r.x : 0n));
              const data = p > 18 ? xs : BigInt64Array.from(xs);
              const validity = Uint8Array.from(b.map((r) => (r.ok ? 1 : 0)));
              const groups = grouped ? Int32Array.from(b.map((r) => r.g)) : singleGroupIds(n);
              acc.update(groups, n, [makeVector(t, data, validity, n)]);
              b.forEach((r) => {
                if (!r.ok) return;
                const g = grouped ? r.g : 0;
                want[g] = want[g]! + r.x;
                seen[g] = true;
              });
            }
            const got = vectorToValues(acc.result(4));
            expect(got).toEqual(want.map((w, g) => (seen[g] ? formatUnscaled(w, 2) : null)));
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it("keeps folding after a partial result (the pending doubles are settled, not lost)", () => {
    const t = decimalType(10, 0);
    const acc = new DecimalAcc("sum", t, decimalType(20, 0), false);
    acc.ensure(1);
    const ids = Int32Array.of(0, 0);
    acc.update(ids, 2, [makeVector(t, BigInt64Array.of(5n, 7n), null, 2)]);
    expect(vectorToValues(acc.partial(1)[0]!)).toEqual(["12"]);
    acc.update(ids, 2, [makeVector(t, BigInt64Array.of(1n, 2n), null, 2)]);
    expect(vectorToValues(acc.result(1))).toEqual(["15"]);
  });
});
