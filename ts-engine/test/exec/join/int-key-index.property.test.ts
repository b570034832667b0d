import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeVector, type Vector } from "../../../src/columnar/vector.js";
import { buildIntKeyIndex, intBuildKeys, probeIntKeyIndex } from "../../../src/exec/join/int-key-index.js";
import { IndexBuffer } from "../../../src/exec/join/index-buffer.js";
import { projectedColumns, unreadColumn } from "../../../src/exec/join/join-projection.js";
import type { BoundRef, Expr } from "../../../src/expr/expr.js";
import { DoubleType, IntegerType, LongType, StringType } from "../../../src/types/data-type.js";

// The integral join index against a nested loop: every (stream row, build row) pair of equal
// non-null keys, in stream-row order and, within a stream row, in build-row order, whatever
// the key range (dense, sparse, negative, past 2^31, near 2^53) and the duplicates.

const keyArb = fc.oneof(
  fc.integer({ min: -5, max: 20 }),
  fc.integer({ min: -(2 ** 31) - 3, max: -(2 ** 31) + 3 }),
  fc.integer({ min: 2 ** 32 - 3, max: 2 ** 32 + 3 }),
  fc.integer({ min: Number.MAX_SAFE_INTEGER - 4, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: 0, max: 1_000_000 }),
);
const rowArb = fc.record({ k: keyArb, ok: fc.boolean() });

function longVector(rows: readonly { k: number; ok: boolean }[]): Vector {
  const allValid = rows.every((r) => r.ok);
  return makeVector(LongType, Float64Array.from(rows.map((r) => r.k)), allValid ? null : Uint8Array.from(rows.map((r) => (r.ok ? 1 : 0))));
}

function nestedLoop(build: readonly { k: number; ok: boolean }[], stream: readonly { k: number; ok: boolean }[]): [number[], number[]] {
  const s: number[] = [];
  const b: number[] = [];
  stream.forEach((x, i) => {
    if (!x.ok) return;
    build.forEach((y, r) => {
      if (y.ok && y.k === x.k) {
        s.push(i);
        b.push(r);
      }
    });
  });
  return [s, b];
}

describe("IntKeyIndex", () => {
  it("pairs equal keys as a nested loop does, in stream then build row order", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(rowArb, { maxLength: 60 }), fc.boolean(), (build, stream, shared) => {
        const bv = longVector(build);
        const keys = intBuildKeys([bv], build.length);
        expect(keys).not.toBeNull();
        const idx = buildIntKeyIndex(keys!, bv.validity, build.length, shared);
        const si = new IndexBuffer();
        const bi = new IndexBuffer();
        probeIntKeyIndex(idx, longVector(stream), stream.length, si, bi);
        const [ws, wb] = nestedLoop(build, stream);
        expect(Array.from(si.view())).toEqual(ws);
        expect(Array.from(bi.view())).toEqual(wb);
      }),
    );
  });

  it("probes with int keys and BigInt-stored longs; a long past 2^53 matches nothing", () => {
    const build = makeVector(LongType, Float64Array.from([7, 2 ** 40, Number.MAX_SAFE_INTEGER]), null);
    const idx = buildIntKeyIndex(intBuildKeys([build], 3)!, null, 3, false);
    const si = new IndexBuffer();
    const bi = new IndexBuffer();
    probeIntKeyIndex(idx, makeVector(LongType, BigInt64Array.from([2n ** 53n, 7n, 2n ** 40n, 2n ** 53n + 1n, 9007199254740991n]), null), 5, si, bi);
    expect(Array.from(si.view())).toEqual([1, 2, 4]);
    expect(Array.from(bi.view())).toEqual([0, 1, 2]);
    si.clear();
    bi.clear();
    probeIntKeyIndex(idx, makeVector(IntegerType, Int32Array.from([7, 8, 7]), null), 3, si, bi, true);
    expect(Array.from(si.view())).toEqual([0, 2]);
  });

  it("indexes dense keys directly and sparse ones in the hashed table; a long past 2^53 next to a dense range matches nothing", () => {
    const dense = makeVector(LongType, Float64Array.from([Number.MAX_SAFE_INTEGER - 2, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1]), null);
    const d = buildIntKeyIndex(intBuildKeys([dense], 3)!, null, 3, true);
    expect(d.kind).toBe("direct");
    const sparse = makeVector(LongType, Float64Array.from([1, 2 ** 40]), null);
    expect(buildIntKeyIndex(intBuildKeys([sparse], 2)!, null, 2, false).kind).toBe("hash");
    const si = new IndexBuffer();
    const bi = new IndexBuffer();
    probeIntKeyIndex(d, makeVector(LongType, BigInt64Array.from([2n ** 53n, 2n ** 53n + 1n, 9007199254740990n, -(2n ** 60n)]), null), 4, si, bi);
    expect(Array.from(si.view())).toEqual([2]);
    expect(Array.from(bi.view())).toEqual([2]);
  });

  it("is not used for doubles, several keys or longs past 2^53 (the generic table serves them)", () => {
    const d = makeVector(DoubleType, Float64Array.from([1, 2]), null);
    const l = makeVector(LongType, Float64Array.from([1, 2]), null);
    expect(intBuildKeys([d], 2)).toBeNull();
    expect(intBuildKeys([l, l], 2)).toBeNull();
    expect(intBuildKeys([makeVector(LongType, BigInt64Array.from([1n, 2n ** 60n]), null)], 2)).toBeNull();
    expect(intBuildKeys([l], 2)).not.toBeNull();
  });
});

describe("join projection", () => {
  const ref = (ordinal: number): BoundRef => ({ kind: "BoundRef", ordinal, dataType: DoubleType, nullable: true, name: `c${ordinal}` });

  it("finds the join columns a Project reads, through nested expressions", () => {
    const plus: Expr = { kind: "ScalarCall", fn: "+", args: [ref(1), ref(3)], dataType: DoubleType, nullable: true };
    expect(projectedColumns([plus], 4)).toEqual([false, true, false, true]);
    expect(projectedColumns([ref(0), ref(1)], 2)).toBeNull();
  });

  it("stands in for an unread column with nulls of its type", () => {
    for (const t of [LongType, DoubleType, IntegerType, StringType]) {
      const v = unreadColumn(t, 5);
      expect(v.length).toBe(5);
      expect(Array.from(v.validity!)).toEqual([0, 0, 0, 0, 0]);
      expect(v.type).toBe(t);
    }
  });
});
