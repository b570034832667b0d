import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import type { SortKey } from "../../../src/exec/sort/key-words.js";
import { radixSortPermutation } from "../../../src/exec/sort/radix-sort.js";
import { normalizeKeys } from "../../../src/exec/sort/key-words.js";
import { sortPermutation, sortPermutationKeyed } from "../../../src/exec/sort/sort-permutation.js";
import {
  arrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DateType,
  decimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  ShortType,
  StringType,
  TimestampType,
  type DataType,
} from "../../../src/types/data-type.js";

/** A small seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env["SORT_SEED"] ?? Date.now() % 1_000_000);

/** Spark's value order, written independently of the engine: the oracle. */
function cmpValue(type: DataType, a: unknown, b: unknown): number {
  if (type.kind === "string") return Buffer.compare(Buffer.from(a as string, "utf8"), Buffer.from(b as string, "utf8"));
  if (type.kind === "binary") return Buffer.compare(Buffer.from(a as Uint8Array), Buffer.from(b as Uint8Array));
  if (type.kind === "decimal") {
    const [x, y] = [a as string, b as string].map((t) => BigInt(t.replace(".", "")));
    return x! < y! ? -1 : x! > y! ? 1 : 0;
  }
  if (type.kind === "array") {
    const x = a as number[];
    const y = b as number[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  }
  if (type.kind === "boolean") return Number(a) - Number(b);
  if (typeof a === "bigint" || typeof b === "bigint") {
    const x = BigInt(a as bigint | number);
    const y = BigInt(b as bigint | number);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = a as number;
  const y = b as number;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? 0 : Number.isNaN(x) ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0; // -0.0 == 0.0
}

interface Col {
  readonly type: DataType;
  readonly values: unknown[];
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

function expected(cols: readonly Col[], n: number): number[] {
  const rows = Array.from({ length: n }, (_, i) => i);
  return rows.sort((i, j) => {
    for (const c of cols) {
      const a = c.values[i];
      const b = c.values[j];
      let r: number;
      if (a === null || b === null) r = a === b ? 0 : (a === null) === c.nullsFirst ? -1 : 1;
      else r = (c.ascending ? 1 : -1) * cmpValue(c.type, a, b);
      if (r !== 0) return r;
    }
    return i - j;
  });
}

async function actual(cols: readonly Col[], n: number): Promise<number[]> {
  const keys: SortKey[] = cols.map((c) => ({ values: vectorFromValues(c.type, c.values), ascending: c.ascending, nullsFirst: c.nullsFirst }));
  return Array.from(await sortPermutation(keys, n));
}

type Gen = (r: () => number) => unknown;

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const GENS: readonly [DataType, Gen][] = [
  [BooleanType, (r) => r() < 0.5],
  [ByteType, (r) => Math.floor(r() * 256) - 128],
  [ShortType, (r) => Math.floor(r() * 65536) - 32768],
  [IntegerType, (r) => pick(r, [0, 1, -1, 2147483647, -2147483648, Math.floor(r() * 2 ** 32) - 2 ** 31, Math.floor(r() * 20) - 10])],
  [LongType, (r) => pick(r, [0, -1, 2 ** 53 - 1, -(2 ** 53) + 1, Math.floor(r() * 2 ** 40) - 2 ** 39, Math.floor(r() * 10)])],
  [LongType, (r) => pick(r, [9223372036854775807n, -9223372036854775808n, 0n, -1n, BigInt(Math.floor(r() * 2 ** 50)) * 4099n, 7n])],
  [DoubleType, (r) => pick(r, [NaN, -0, 0, Infinity, -Infinity, 1e-310, -1e-310, r() * 1e6 - 5e5, Math.floor(r() * 5), 1.5])],
  [FloatType, (r) => Math.fround(pick(r, [NaN, -0, 0, Infinity, -Infinity, r() * 100 - 50, 2.5]))],
  [DateType, (r) => Math.floor(r() * 40000) - 20000],
  [TimestampType, (r) => Math.floor(r() * 2 ** 50) - 2 ** 49],
  [StringType, (r) => pick(r, ["", "a", "a\u0000", "ab", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefghz", "é", "中文字", "zz", "abcdefgh" + String(Math.floor(r() * 50))])],
  [BinaryType, (r) => pick(r, [new Uint8Array([]), new Uint8Array([0]), new Uint8Array([255, 1]), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 1]), new Uint8Array([128])])],
  [decimalType(10, 2), (r) => pick(r, ["0.00", "-1.50", "12.25", "3.00", "-0.01", "-99999999.99", (Math.floor(r() * 2e6) / 100 - 1e4).toFixed(2)])],
  [decimalType(38, 0), (r) => pick(r, ["0", "-1", "99999999999999999999999999999999999999", "-99999999999999999999999999999999999999", String(Math.floor(r() * 1e15))])],
  [arrayType(IntegerType), (r) => pick(r, [[], [1], [1, 2], [2], [0, 5]])],
];

function randomCols(r: () => number, count: number, n: number): Col[] {
  return Array.from({ length: count }, () => {
    const [type, gen] = pick(r, GENS);
    const nullRate = pick(r, [0, 0.1, 0.5]);
    return {
      type,
      values: Array.from({ length: n }, () => (r() < nullRate ? null : gen(r))),
      ascending: r() < 0.5,
      nullsFirst: r() < 0.5,
    };
  });
}

describe(`sortPermutation (seed ${SEED}; replay with SORT_SEED=${SEED})`, () => {
  it("orders every fixed-width type, string and binary as Spark does, in both directions and null placements", async () => {
    const r = rng(SEED);
    for (const [type, gen] of GENS) {
      for (const ascending of [true, false]) {
        for (const nullsFirst of [true, false]) {
          const n = 300;
          const cols = [{ type, values: Array.from({ length: n }, () => (r() < 0.15 ? null : gen(r))), ascending, nullsFirst }];
          expect(await actual(cols, n), `${type.kind} asc=${ascending} nullsFirst=${nullsFirst}`).toEqual(expected(cols, n));
        }
      }
    }
  });

  it("sorts random multi-key tables stably, with ties settled by the later keys", async () => {
    const r = rng(SEED + 1);
    for (let t = 0; t < 60; t++) {
      const n = 1 + Math.floor(r() * 400);
      const cols = randomCols(r, 1 + Math.floor(r() * 3), n);
      expect(await actual(cols, n), `case ${t}: ${cols.map((c) => c.type.kind).join(",")}`).toEqual(expected(cols, n));
    }
  });

  it("keeps input order among equal keys (-0.0 and 0.0 tie, every NaN ties)", async () => {
    const cols = [{ type: DoubleType, values: [0, NaN, -0, 1, 0, -NaN, -0], ascending: true, nullsFirst: true }];
    expect(await actual(cols, 7)).toEqual([0, 2, 4, 6, 3, 1, 5]);
  });

  it("orders strings by UTF-8 bytes, so a supplementary character sorts after U+FFFD", async () => {
    const cols = [{ type: StringType, values: ["\u{1F600}", "\uFFFD", "z"], ascending: true, nullsFirst: true }];
    expect(await actual(cols, 3)).toEqual([2, 1, 0]);
  });

  it("sorts more rows than one synchronous step, yielding in between", async () => {
    const r = rng(SEED + 2);
    const n = (1 << 20) + 1234;
    const values = Array.from({ length: n }, () => Math.floor(r() * 1000) - 500);
    const v = vectorFromValues(IntegerType, values);
    let checks = 0;
    const got = await sortPermutation([{ values: v, ascending: true, nullsFirst: true }], n, () => void checks++);
    expect(checks).toBeGreaterThan(0);
    for (let i = 1; i < n; i++) {
      const a = values[got[i - 1]!]!;
      const b = values[got[i]!]!;
      if (a > b || (a === b && got[i - 1]! > got[i]!)) throw new Error(`unsorted at ${i}`);
    }
  });
});

describe("radixSortPermutation", () => {
  it("gives the same permutation with 8-, 11- and 16-bit digits", async () => {
    const r = rng(SEED + 3);
    const n = 5000;
    const values = Array.from({ length: n }, () => (r() < 0.1 ? null : r() * 1e9 - 5e8));
    const norm = normalizeKeys([{ values: vectorFromValues(DoubleType, values), ascending: false, nullsFirst: false }], n);
    const none = async (): Promise<void> => {};
    const p8 = Array.from(await radixSortPermutation(norm.words, n, none, 8));
    expect(Array.from(await radixSortPermutation(norm.words, n, none, 11))).toEqual(p8);
    expect(Array.from(await radixSortPermutation(norm.words, n, none, 16))).toEqual(p8);
    const cols = [{ type: DoubleType, values, ascending: false, nullsFirst: false }];
    expect(p8).toEqual(expected(cols, n));
  });

  it("normalizes keys up to the first string (a prefix only) and leaves the rest to the comparator", () => {
    const n = 3;
    const a = { values: vectorFromValues(IntegerType, [3, 1, 2]), ascending: true, nullsFirst: true };
    const s = { values: vectorFromValues(StringType, ["x", "y", "z"]), ascending: true, nullsFirst: true };
    const d = { values: vectorFromValues(arrayType(IntegerType), [[1], [2], [3]]), ascending: true, nullsFirst: true };
    expect(normalizeKeys([a, s, a], n)).toMatchObject({ complete: 1 });
    expect(normalizeKeys([a, s, a], n).words.length).toBe(3);
    expect(normalizeKeys([a, d, a], n)).toMatchObject({ complete: 1 });
    expect(normalizeKeys([a, d, a], n).words.length).toBe(1);
    const dec = { values: vectorFromValues(decimalType(30, 1), ["1.0", "-2.0", "3.0"]), ascending: true, nullsFirst: true };
    expect(normalizeKeys([dec, a], n)).toMatchObject({ complete: 2 });
  });
});

describe("sortPermutationKeyed", () => {
  const keyed = async (type: DataType, values: unknown[], ascending = true, more: SortKey[] = []) => {
    const v = vectorFromValues(type, values);
    return sortPermutationKeyed([{ values: v, ascending, nullsFirst: true }, ...more], values.length);
  };

  it("hands back an int or long first key in sorted order, equal to gathering it through the permutation", async () => {
    const r = rng(SEED + 7);
    const cases: [DataType, number[]][] = [
      [LongType, Array.from({ length: 5000 }, () => Math.floor(r() * 1_250_000))], // high word constant
      [LongType, Array.from({ length: 5000 }, () => Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1))], // both words vary: none
      [LongType, Array.from({ length: 5000 }, () => Math.floor(r() * 4) * 2 ** 33 + 7)], // only the high word varies
      [LongType, Array.from({ length: 5000 }, () => -1 - Math.floor(r() * 1000))], // negatives, high word constant
      [IntegerType, Array.from({ length: 5000 }, () => Math.floor(r() * 2 ** 31) * (r() < 0.5 ? -1 : 1))],
    ];
    const got: boolean[] = [];
    for (const [type, values] of cases) {
      const { idx, firstKey } = await keyed(type, values);
      got.push(firstKey !== null);
      if (firstKey !== null) expect(Array.from(firstKey)).toEqual(Array.from(idx, (i) => values[i]));
    }
    expect(got).toEqual([true, false, true, true, true]);
  });

  it("gives no first key where the words do not decode to it: descending, nulls, doubles", async () => {
    expect((await keyed(LongType, [3, 1, 2], false)).firstKey).toBeNull();
    expect((await keyed(LongType, [3, null, 2])).firstKey).toBeNull();
    expect((await keyed(DoubleType, [3.5, 1, 2])).firstKey).toBeNull();
    // a second key sorted after a constant first key was sorted last: not the first key's words
    const second = { values: vectorFromValues(LongType, [9, 8, 7]), ascending: true, nullsFirst: true };
    expect((await keyed(LongType, [5, 5, 5], true, [second])).firstKey).toBeNull();
    // ties on the first key reordered by a string comparator keep the first key's values right
    const s = { values: vectorFromValues(StringType, ["b", "a", "c", "a"]), ascending: true, nullsFirst: true };
    const t = await keyed(LongType, [2, 1, 2, 1], true, [s]);
    expect(Array.from(t.idx)).toEqual([1, 3, 0, 2]);
    expect(Array.from(t.firstKey!)).toEqual([1, 1, 2, 2]);
  });
});
