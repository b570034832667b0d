import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../../../src/columnar/builder.js";
import { vectorToValues } from "../../../../src/columnar/rows.js";
import type { Vector } from "../../../../src/columnar/vector.js";
import type { Accumulator } from "../../../../src/expr/functions/aggregate/accumulator.js";
import { accumulatorFor, aggregateDefOf } from "../../../../src/expr/functions/aggregate/accumulator-for.js";
import type { AggCall, BoundRef, Expr } from "../../../../src/expr/expr.js";
import { lookupFunction, registeredAggregates } from "../../../../src/expr/functions/registry.js";
import { arrayType, BinaryType, BooleanType, DoubleType, IntegerType, LongType, StringType, VariantType, decimalType, type DataType } from "../../../../src/types/data-type.js";
import { HllSketch, longCoupon } from "../../../../src/expr/kernels/hll-sketch.js";
import { parseJsonVariant } from "../../../../src/expr/functions/variant.js";
import { VectorUDTType } from "../../../../src/ml/linalg/vector-type.js";
import { denseRow } from "../../../../src/ml/linalg/vector-value.js";

const ref = (t: DataType): BoundRef => ({ kind: "BoundRef", ordinal: 0, dataType: t, nullable: true, name: "x" });
const flag = (v: boolean): Expr => ({ kind: "Literal", value: v, dataType: BooleanType });

/** Resolves `fn(x, ...extra)` over a column of type `t` through the registry, as the analyzer does. */
function resolved(fn: string, t: DataType, extra: readonly Expr[] = [], isDistinct = false): AggCall {
  const def = lookupFunction(fn);
  if (def === undefined || def.kind !== "agg") throw new Error(`${fn} is not an aggregate`);
  return def.resolve(fn, [ref(t), ...extra], isDistinct);
}

/** Rows of one input batch: [group id, value]. */
type Rows = readonly (readonly [number, unknown])[];

function feed(acc: Accumulator, t: DataType, rows: Rows, numGroups: number, numArgs = 1, argTypes?: readonly DataType[]): void {
  acc.ensure(numGroups);
  const groups = Int32Array.from(rows.map((r) => r[0]));
  // With `argTypes` each row's value holds one value per argument column.
  if (argTypes !== undefined) {
    acc.update(groups, rows.length, argTypes.map((at, i) => vectorFromValues(at, rows.map((r) => (r[1] as readonly unknown[])[i]))));
    return;
  }
  const v = vectorFromValues(t, rows.map((r) => r[1]));
  // Functions of several columns (corr, max_by …) read the same column for each.
  acc.update(groups, rows.length, Array.from({ length: numArgs }, () => v));
}

/** The call's per-group results over `parts` (each one partition's rows): in one accumulator, and split into partial → merge. */
function run(call: AggCall, t: DataType, parts: readonly Rows[], numGroups: number, argTypes?: readonly DataType[]): { direct: unknown[]; merged: unknown[] } {
  const numArgs = aggregateDefOf(call).updateArgs(call).length;
  const direct = accumulatorFor(call, true);
  for (const p of parts) feed(direct, t, p, numGroups, numArgs, argTypes);
  const final = accumulatorFor(call, true);
  final.ensure(numGroups);
  const ids = Int32Array.from({ length: numGroups }, (_, g) => g);
  for (const p of parts) {
    const partial = accumulatorFor(call, true);
    feed(partial, t, p, numGroups, numArgs, argTypes);
    const state: Vector[] = partial.partial(numGroups);
    expect(state.map((v) => v.type)).toEqual(partial.partialTypes);
    final.merge(ids, numGroups, state);
  }
  return { direct: vectorToValues(direct.result(numGroups)), merged: vectorToValues(final.result(numGroups)) };
}

/** Expects `fn` over `parts` to give `expected` per group, directly and through partial/merge. */
function expectAgg(call: AggCall, t: DataType, parts: readonly Rows[], expected: readonly unknown[]): void {
  const { direct, merged } = run(call, t, parts, expected.length);
  expect(direct).toEqual(expected);
  expect(merged).toEqual(expected);
}

// Two partitions over groups 0 and 1; group 2 sees only nulls.
const NUMS: readonly Rows[] = [
  [
    [0, 3],
    [1, 10],
    [0, null],
    [2, null],
    [0, 1],
  ],
  [
    [1, 10],
    [0, 3],
    [1, 20],
  ],
];

const lit = (value: unknown, dataType: DataType): Expr => ({ kind: "Literal", value, dataType });
/** An HLL sketch of the one value `v`, as hll_sketch_agg's bytes. */
function sketchOf(v: number): Uint8Array {
  const s = new HllSketch(12);
  s.couponUpdate(longCoupon(BigInt(v)));
  return s.toBytes();
}
const STRS: readonly Rows[] = [
  [
    [0, "a"],
    [1, "b"],
    [2, null],
  ],
  [[0, "c"]],
];

/** Rows of [group, [features vector, label, weight]] for the ML fits (tspark.ml's aggregates over vectors). */
const VECTOR_ROWS: readonly Rows[] = [
  [
    [0, [denseRow([1, 2]), 3, 1]],
    [1, [denseRow([0, 1]), 1, 2]],
    [0, [denseRow([2, 1]), 4, 1]],
    [2, [denseRow([1, 1]), 2, 1]],
  ],
  [
    [1, [denseRow([3, 1]), 2, 1]],
    [0, [denseRow([1, 0]), 1, 1]],
    [2, [denseRow([2, 3]), 5, 1]],
    [1, [denseRow([1, 4]), 0, 1]],
    [2, [denseRow([0, 2]), 1, 2]],
  ],
];

/** Input type and further arguments for aggregates that do not take one double column (`argTypes`: one column per update argument). */
const SAMPLES: Readonly<Record<string, { readonly type: DataType; readonly extra: readonly Expr[]; readonly rows?: readonly Rows[]; readonly argTypes?: readonly DataType[] }>> = {
  // tspark.ml's feature statistics (vector, weight) and least-squares fit (vector, label, weight; intercept, regParam, standardization as literals)
  ml_feature_summary: { type: VectorUDTType, extra: [ref(DoubleType)], rows: VECTOR_ROWS.map((p) => p.map(([g, v]) => [g, [(v as unknown[])[0], (v as unknown[])[2]]] as const)), argTypes: [VectorUDTType, DoubleType] },
  ml_linear_regression: { type: VectorUDTType, extra: [ref(DoubleType), ref(DoubleType), lit(true, BooleanType), lit(0, DoubleType), lit(true, BooleanType)], rows: VECTOR_ROWS, argTypes: [VectorUDTType, DoubleType, DoubleType] },
  ...Object.fromEntries(["corr", "covar_pop", "covar_samp", "max_by", "min_by", ...["avgx", "avgy", "count", "intercept", "r2", "slope", "sxx", "sxy", "syy"].map((r) => `regr_${r}`)].map((n) => [n, { type: DoubleType, extra: [ref(DoubleType)] }])),
  ...Object.fromEntries(["bool_and", "bool_or", "every", "some", "any", "count_if"].map((n) => [n, { type: BooleanType, extra: [] }])),
  ...Object.fromEntries(["bit_and", "bit_or", "bit_xor"].map((n) => [n, { type: IntegerType, extra: [] }])),
  ...Object.fromEntries(["percentile", "percentile_approx", "approx_percentile"].map((n) => [n, { type: DoubleType, extra: [lit(0.5, DoubleType)] }])),
  ...Object.fromEntries(["listagg", "string_agg"].map((n) => [n, { type: StringType, extra: [], rows: STRS }])),
  bitmap_construct_agg: { type: LongType, extra: [] },
  bitmap_or_agg: { type: BinaryType, extra: [], rows: NUMS.map((p) => p.map(([g, v]) => [g, v === null ? null : Uint8Array.of(Number(v))] as const)) },
  // two bins: the pooled partial bins (Spark keeps equal centres apart until a trim) trim back to the direct result
  histogram_numeric: { type: DoubleType, extra: [lit(2, IntegerType)] },
  // df.approxQuantile's and df.freqItems's aggregates take literal parameters
  approx_quantile_summary: { type: DoubleType, extra: [{ kind: "Literal", value: [0.5], dataType: arrayType(DoubleType, false) }, lit(0.01, DoubleType)] },
  collect_frequent_items: { type: DoubleType, extra: [lit(100, IntegerType)] },
  // a pivot's aggregate: the pivot column, the inner function and its arguments, then the pivot values
  pivot_agg: { type: DoubleType, extra: [{ kind: "Literal", value: "sum", dataType: StringType }, lit(1, IntegerType), ref(DoubleType), lit(1, DoubleType), lit(5, DoubleType), lit(40, DoubleType)] },
  // the sketches take their literal parameters (eps, confidence, seed) and sketch bytes
  count_min_sketch: { type: IntegerType, extra: [lit(0.5, DoubleType), lit(0.5, DoubleType), lit(1, IntegerType)] },
  hll_sketch_agg: { type: IntegerType, extra: [] },
  hll_union_agg: { type: BinaryType, extra: [], rows: NUMS.map((p) => p.map(([g, v]) => [g, v === null ? null : sketchOf(Number(v))] as const)) },
  schema_of_variant_agg: { type: VariantType, extra: [], rows: NUMS.map((p) => p.map(([g, v]) => [g, v === null ? null : parseJsonVariant(`{"v":${String(v)}}`)] as const)) },
};

describe("every registered aggregate executes", () => {
  it("has an accumulator that gives one value per group, directly and split into partial/merge", () => {
    const names = registeredAggregates().map((d) => d.name);
    const executed = names.filter((name) => {
      const sample = SAMPLES[name] ?? { type: DoubleType, extra: [] };
      const def = lookupFunction(name);
      if (def === undefined || def.kind !== "agg") throw new Error(`${name} is not an aggregate`);
      const call = def.resolve(name, [ref(sample.type), ...sample.extra], false);
      const { direct, merged } = run(call, sample.type, sample.rows ?? NUMS, 3, sample.argTypes);
      // Welford's merge may round the last bit differently from one pass (as in Spark)
      merged.forEach((m, g) => (typeof m === "number" ? expect(m).toBeCloseTo(direct[g] as number, 12) : expect(m).toEqual(direct[g])));
      return direct.length === 3;
    });
    expect(executed).toEqual(names);
    expect(names).toContain("mode");
  });
});

describe("accumulators: update, merge, result", () => {
  it("count / sum / avg", () => {
    expectAgg(resolved("count", IntegerType), IntegerType, NUMS, [3, 3, 0]);
    expectAgg(resolved("sum", IntegerType), IntegerType, NUMS, [7, 40, null]);
    expectAgg(resolved("avg", IntegerType), IntegerType, NUMS, [7 / 3, 40 / 3, null]);
  });

  it("sum stays exact past 2^53 and decimals sum exactly", () => {
    const big: Rows[] = [[[0, 2 ** 53]], [[0, 3]]];
    expectAgg(resolved("sum", LongType), LongType, big, [2n ** 53n + 3n]);
    const t = decimalType(5, 2);
    expectAgg(resolved("sum", t), t, [[[0, "0.10"]], [[0, "0.20"]]], ["0.30"]);
    expectAgg(resolved("avg", t), t, [[[0, "1.00"]], [[0, "2.00"]]], ["1.500000"]);
  });

  it("min / max over numbers (NaN largest), strings (by code point) and decimals", () => {
    expectAgg(resolved("min", IntegerType), IntegerType, NUMS, [1, 10, null]);
    expectAgg(resolved("max", IntegerType), IntegerType, NUMS, [3, 20, null]);
    expectAgg(resolved("max", DoubleType), DoubleType, [[[0, NaN]], [[0, 1]]], [NaN]);
    const strs: Rows[] = [[[0, "\uffff"], [0, "b"]], [[0, "\u{1F600}"]]];
    expectAgg(resolved("min", StringType), StringType, strs, ["b"]);
    expectAgg(resolved("max", StringType), StringType, strs, ["\u{1F600}"]);
    const t = decimalType(4, 1);
    expectAgg(resolved("max", t), t, [[[0, "1.5"]], [[0, "-2.0"]]], ["1.5"]);
  });

  it("first / last keep input order, and skip nulls when asked", () => {
    const rows: Rows[] = [[[0, null], [0, "a"]], [[0, "b"], [0, null]]];
    expectAgg(resolved("first", StringType), StringType, rows, [null]);
    expectAgg(resolved("first", StringType, [flag(true)]), StringType, rows, ["a"]);
    expectAgg(resolved("last", StringType), StringType, rows, [null]);
    expectAgg(resolved("last", StringType, [flag(true)]), StringType, rows, ["b"]);
  });

  it("collect_list / collect_set drop nulls; the set keeps one of each value", () => {
    expectAgg(resolved("collect_list", IntegerType), IntegerType, NUMS, [[3, 1, 3], [10, 10, 20], []]);
    expectAgg(resolved("collect_set", IntegerType), IntegerType, NUMS, [[3, 1], [10, 20], []]);
  });

  it("stddev / variance merge like one pass", () => {
    const { direct, merged } = run(resolved("var_samp", IntegerType), IntegerType, NUMS, 3);
    expect(direct[1]).toBeCloseTo(100 / 3, 12);
    expect(merged[1]).toBeCloseTo(100 / 3, 12);
    expect(direct[2]).toBeNull();
  });

  it("approx_count_distinct counts each value once across partitions", () => {
    expectAgg(resolved("approx_count_distinct", IntegerType), IntegerType, NUMS, [2, 2, 0]);
  });

  it("mode: most frequent non-null value, ties to the lowest, -0.0 apart from 0.0", () => {
    expectAgg(resolved("mode", IntegerType), IntegerType, NUMS, [3, 10, null]);
    const tie: Rows[] = [[[0, "b"], [0, "c"]], [[0, "a"], [0, "c"], [0, "b"]]];
    expectAgg(resolved("mode", StringType, [flag(true)]), StringType, tie, ["b"]);
    expectAgg(resolved("mode", DoubleType), DoubleType, [[[0, 0], [0, -0]], [[0, -0]]], [-0]);
    expectAgg(resolved("mode", DoubleType, [flag(true)]), DoubleType, [[[0, 0]], [[0, -0]]], [-0]);
    expectAgg(resolved("mode", DoubleType), DoubleType, [[[0, NaN], [0, 1]], [[0, NaN]]], [NaN]);
  });
});

describe("DISTINCT around any aggregate", () => {
  it("feeds the plain accumulator one row per distinct value, also through partial/merge", () => {
    expectAgg(resolved("sum", IntegerType, [], true), IntegerType, NUMS, [4, 30, null]);
    expectAgg(resolved("count", IntegerType, [], true), IntegerType, NUMS, [2, 2, 0]);
    expectAgg(resolved("avg", IntegerType, [], true), IntegerType, NUMS, [2, 15, null]);
    expectAgg(resolved("collect_list", IntegerType, [], true), IntegerType, NUMS, [[3, 1], [10, 20], []]);
  });

  it("counts distinct tuples of several columns, skipping tuples with a null", () => {
    const def = lookupFunction("count");
    if (def?.kind !== "agg") throw new Error("count");
    const call = def.resolve("count", [ref(IntegerType), { ...ref(StringType), ordinal: 1 }], true);
    const acc = accumulatorFor(call, true);
    acc.ensure(1);
    const ints = vectorFromValues(IntegerType, [1, 1, 1, 2, null]);
    const strs = vectorFromValues(StringType, ["a", "a", "1", "a", "a"]);
    acc.update(new Int32Array(5), 5, [ints, strs]);
    const merged = accumulatorFor(call, true);
    merged.ensure(1);
    merged.merge(new Int32Array(1), 1, acc.partial(1));
    merged.merge(new Int32Array(1), 1, acc.partial(1));
    expect(vectorToValues(acc.result(1))).toEqual([3]);
    expect(vectorToValues(merged.result(1))).toEqual([3]);
  });
});
