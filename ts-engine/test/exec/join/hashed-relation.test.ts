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
});
