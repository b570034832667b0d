import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeBatch } from "../../../src/columnar/batch.js";
import { makeVector } from "../../../src/columnar/vector.js";
import { buildHashedRelation, RelationProbe } from "../../../src/exec/join/hashed-relation.js";
import { IndexBuffer } from "../../../src/exec/join/index-buffer.js";
import type { BoundRef } from "../../../src/expr/expr.js";
import { DoubleType, LongType, StringType, structField, structType, type DataType } from "../../../src/types/data-type.js";
import { evalContextOf } from "../../../src/exec/util.js";
import { testCtx } from "../../engine/helpers.js";

const ref = (ordinal: number, dataType: DataType): BoundRef => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name: `c${ordinal}` });

describe("HashedRelation", () => {
  const schema = structType([structField("d", DoubleType), structField("l", LongType), structField("s", StringType)]);
  const ectx = evalContextOf(testCtx());

  it("lives in shared memory and matches keys as the hash join does: -0 = 0, NaN = NaN, nulls never, longs by value", () => {
    const build = makeBatch(
      schema,
      [
        makeVector(DoubleType, Float64Array.from([0, NaN, 1.5, 2, 0]), Uint8Array.from([1, 1, 1, 1, 0])),
        makeVector(LongType, Float64Array.from([1, 2, 3, 2 ** 40, 5]), null),
        makeVector(StringType, ["a", "b", "c", "d", "e"], null),
      ],
      5,
    );
    const rel = buildHashedRelation(schema, [build], [ref(0, DoubleType), ref(1, LongType)], ectx);
    expect(rel.batch.columns[0]!.data).toBeInstanceOf(Float64Array);
    expect((rel.batch.columns[0]!.data as Float64Array).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(rel.head.buffer).toBeInstanceOf(SharedArrayBuffer);
    // probe with -0.0, NaN, a BigInt-stored long (a batch with a value past 2^53) and a null
    const probeKeys = [
      makeVector(DoubleType, Float64Array.from([-0, NaN, 2, 0, 1.5]), Uint8Array.from([1, 1, 1, 0, 1])),
      makeVector(LongType, BigInt64Array.from([1n, 2n, 2n ** 40n, 5n, 2n ** 60n]), null),
    ];
    const si = new IndexBuffer();
    const bi = new IndexBuffer();
    new RelationProbe(rel, [ref(0, DoubleType), ref(1, LongType)], ectx).candidates(probeKeys, 5, si, bi);
    expect(Array.from(si.view())).toEqual([0, 1, 2]);
    expect(Array.from(bi.view())).toEqual([0, 1, 3]);
  });

  it("stores a range of unique keys in key order (dense) and probes it as a nested loop would", () => {
    const kv = structType([structField("k", LongType), structField("p", DoubleType)]);
    const key = [ref(0, LongType)];
    // build keys: a shuffled range from `min`, sometimes with one key left out, repeated or null
    const buildArb = fc.record({
      min: fc.integer({ min: -1000, max: 2 ** 40 }),
      n: fc.integer({ min: 1, max: 40 }),
      seed: fc.integer(),
      flaw: fc.constantFrom("none", "gap", "dup", "null"),
    });
    fc.assert(
      fc.property(buildArb, fc.array(fc.integer({ min: -3, max: 45 }), { maxLength: 50 }), ({ min, n, seed, flaw }, offsets) => {
        const keys = Array.from({ length: n }, (_, i) => min + i);
        if (flaw === "gap" && n > 1) keys[n - 1] = min + n;
        if (flaw === "dup" && n > 1) keys[n - 1] = min;
        let x = seed | 1;
        for (let i = n - 1; i > 0; i--) {
          x = (Math.imul(x, 1103515245) + 12345) | 0;
          const j = (x >>> 8) % (i + 1);
          [keys[i], keys[j]] = [keys[j]!, keys[i]!];
        }
        const valid = flaw === "null" ? Uint8Array.from(keys.map((_, i) => (i === 0 ? 0 : 1))) : null;
        const build = makeBatch(kv, [makeVector(LongType, Float64Array.from(keys), valid), makeVector(DoubleType, Float64Array.from(keys.map((_, i) => i + 0.5)), null)], n);
        const rel = buildHashedRelation(kv, [build], key, ectx);
        expect(rel.intIndex?.kind === "dense").toBe(flaw === "none" || (n === 1 && flaw !== "null"));
        const stream = offsets.map((o) => min + o);
        const si = new IndexBuffer();
        const bi = new IndexBuffer();
        new RelationProbe(rel, key, ectx).candidates([makeVector(LongType, Float64Array.from(stream), null)], stream.length, si, bi);
        // pairs as (stream row, the build row's payload): the relation may reorder its rows
        const payload = rel.batch.columns[1]!.data as Float64Array;
        const got = Array.from(si.view(), (s, k) => [s, payload[bi.view()[k]!]!]);
        const want: number[][] = [];
        stream.forEach((sk, s) => keys.forEach((bk, r) => (valid === null || valid[r] === 1) && bk === sk && want.push([s, r + 0.5])));
        expect(got).toEqual(want);
        expect(rel.batch.numRows).toBe(n);
      }),
    );
  });
});
