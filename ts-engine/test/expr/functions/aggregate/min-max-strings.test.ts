import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../../../src/columnar/builder.js";
import { vectorToValues } from "../../../../src/columnar/rows.js";
import { MinMaxAcc } from "../../../../src/expr/functions/aggregate/min-max.js";
import { StringType } from "../../../../src/types/data-type.js";
import { FUZZ_SEED, FuzzRandom } from "../../../fuzz-seed.js";

const ALPHABET = ["a", "b", "B", "", "é", "ß", "€", "😀", "\u0000", "z"];

/** Code-point order, Spark's UTF8String order for its default collation. */
function codePointLess(a: string, b: string): boolean {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k]! < y[k]!;
  return x.length < y.length;
}

describe(`min/max over strings (seed ${FUZZ_SEED})`, () => {
  it("gives each group's least and greatest string in code-point order, across updates and merges", () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    const groups = 7;
    const mins = new MinMaxAcc(StringType, false);
    const maxs = new MinMaxAcc(StringType, true);
    const partialMin = new MinMaxAcc(StringType, false);
    const want: { lo: (string | null)[]; hi: (string | null)[] } = { lo: new Array(groups).fill(null), hi: new Array(groups).fill(null) };
    for (const acc of [mins, maxs, partialMin]) acc.ensure(groups);
    for (let batch = 0; batch < 4; batch++) {
      const n = 200;
      const vals: (string | null)[] = [];
      const ids = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        ids[i] = rnd.next() % (groups - 1); // the last group never sees a value
        if (rnd.next() % 5 === 0) vals.push(null);
        else vals.push(Array.from({ length: rnd.next() % 4 }, () => ALPHABET[rnd.next() % ALPHABET.length]!).join(""));
        const v = vals[i]!;
        const g = ids[i]!;
        if (v === null) continue;
        if (want.lo[g] === null || codePointLess(v, want.lo[g]!)) want.lo[g] = v;
        if (want.hi[g] === null || codePointLess(want.hi[g]!, v)) want.hi[g] = v;
      }
      const vec = vectorFromValues(StringType, vals);
      mins.update(ids, n, [vec]);
      maxs.update(ids, n, [vec]);
      // A second accumulator's partials merged in: the path the final aggregation takes.
      const other = new MinMaxAcc(StringType, false);
      other.ensure(groups);
      other.update(ids, n, [vec]);
      partialMin.merge(Int32Array.from({ length: groups }, (_, g) => g), groups, other.partial(groups));
    }
    expect(vectorToValues(mins.result(groups))).toEqual(want.lo);
    expect(vectorToValues(maxs.result(groups))).toEqual(want.hi);
    expect(vectorToValues(partialMin.result(groups))).toEqual(want.lo);
  });
});
