import { makeVector, type Vector } from "../../../columnar/vector.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { SparkException } from "../../../errors/spark-exception.js";
import { BinaryType, BooleanType, IntegerType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { AggCall, Expr } from "../../expr.js";
import { HllSketch, HllUnion, bytesCoupon, longCoupon, stringCoupon } from "../../kernels/hll-sketch.js";
import { foldedValue } from "../foldable.js";
import { aggCall, checkArity, doc, firstArg, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

// hll_sketch_agg / hll_union_agg (Spark's datasketches aggregates): sketches of kernels/hll-sketch.ts,
// merged through the library's Union as Spark's merge() does, returned as the updatable bytes.

/** HLL_INVALID_LG_K, raised while the aggregate runs (as Spark's createAggregationBuffer does). */
function invalidLgK(fn: string, k: number): SparkException {
  return new SparkException("SparkRuntimeException", "HLL_INVALID_LG_K", { function: `\`${fn}\``, min: "4", max: "21", value: String(k) });
}

/** HLL_INVALID_INPUT_SKETCH_BUFFER for bytes that are no sketch. */
export function invalidSketch(fn: string): SparkException {
  return new SparkException("SparkRuntimeException", "HLL_INVALID_INPUT_SKETCH_BUFFER", { function: `\`${fn}\`` });
}

/** HLL_UNION_DIFFERENT_LG_K unless the call allows different lgConfigK values. */
export function checkLgK(fn: string, allow: boolean, left: number, right: number): void {
  if (!allow && left !== right) {
    throw new SparkException("SparkRuntimeException", "HLL_UNION_DIFFERENT_LG_K", { left: String(left), right: String(right), function: `\`${fn}\`` });
  }
}

/** A sketch read from a binary value, or HLL_INVALID_INPUT_SKETCH_BUFFER. */
export function readSketch(fn: string, b: Uint8Array): HllSketch {
  const s = HllSketch.fromBytes(b);
  if (s === null) throw invalidSketch(fn);
  return s;
}

/** The union of two sketches with the first's lgConfigK as lgMaxK (Spark's merge). */
function unionOf(a: HllSketch, b: HllSketch): HllSketch {
  const u = new HllUnion(a.lgK);
  u.update(a);
  u.update(b);
  return u.result();
}

/** One sketch per group, updated with coupons of the column's values. */
class SketchAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [BinaryType];
  private sketches: HllSketch[] = [];

  constructor(private readonly lgK: number, private readonly kind: string) {
    if (lgK < 4 || lgK > 21) throw invalidLgK("hll_sketch_agg", lgK);
  }

  ensure(n: number): void {
    while (this.sketches.length < n) this.sketches.push(new HllSketch(this.lgK));
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x === null || x === undefined) continue;
      const c = this.kind === "string" ? stringCoupon(x as string) : this.kind === "binary" ? bytesCoupon(x as Uint8Array) : longCoupon(BigInt(x as number | bigint));
      if (c !== null) this.sketches[groups[i]!]!.couponUpdate(c);
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) {
      const b = vals[i] as Uint8Array | null | undefined;
      if (b === null || b === undefined) continue;
      const g = groups[i]!;
      this.sketches[g] = unionOf(this.sketches[g]!, readSketch("hll_sketch_agg", b));
    }
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    this.ensure(numGroups);
    return makeVector(BinaryType, this.sketches.slice(0, numGroups).map((s) => s.toBytes()), null, numGroups);
  }
}

/** One union per group, created by the group's first sketch (its lgConfigK the union's). */
class UnionAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [BinaryType];
  private unions: (HllUnion | null)[] = [];

  constructor(private readonly allow: boolean) {}

  ensure(n: number): void {
    while (this.unions.length < n) this.unions.push(null);
  }

  private add(g: number, s: HllSketch): void {
    let u = this.unions[g];
    if (u === null || u === undefined) {
      u = new HllUnion(s.lgK);
      this.unions[g] = u;
    }
    checkLgK("hll_union_agg", this.allow, u.lgK, s.lgK);
    u.update(s);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const b = vals[i] as Uint8Array | null | undefined;
      if (b !== null && b !== undefined) this.add(groups[i]!, readSketch("hll_union_agg", b));
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.update(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    this.ensure(numGroups);
    const out = this.unions.slice(0, numGroups).map((u) => (u === null ? new Uint8Array(0) : u.result().toBytes()));
    const validity = Uint8Array.from(this.unions.slice(0, numGroups), (u) => (u === null ? 0 : 1));
    return makeVector(BinaryType, out, validity.every((x) => x === 1) ? null : validity, numGroups);
  }
}

/** A literal argument's value at analysis (Spark requires lgConfigK and allowDifferentLgConfigK foldable). */
function literalArg(e: Expr | undefined, fallback: unknown): unknown {
  if (e === undefined) return fallback;
  const v = foldedValue(e);
  return v === null ? fallback : v.value;
}

function lgKOf(call: AggCall): number {
  return Number(literalArg(call.args[1], 12) as number);
}

/** hll_sketch_agg(col[, lgConfigK]): an HLL sketch of the INT, BIGINT, STRING or BINARY values. */
export const HLL_SKETCH_AGG: AggFunctionDef = {
  kind: "agg",
  name: "hll_sketch_agg",
  doc: doc("hll_sketch_agg(expr[, lgConfigK])", "Returns the updatable bytes of an Apache DataSketches HLL sketch (HLL_8, lgConfigK 4–21, default 12) of the non-null values."),
  resolve(_n, given, isDistinct) {
    checkArity("hll_sketch_agg", given, 1, 2);
    // Spark fills the default in, and names the column with it: hll_sketch_agg(id, 12).
    const args = given.length === 1 ? [given[0]!, { kind: "Literal" as const, value: 12, dataType: IntegerType }] : given;
    const draft = aggCall("hll_sketch_agg", args, isDistinct, BinaryType, false);
    const t = exprType(args[0]!);
    if (!["byte", "short", "integer", "long", "string", "binary", "null"].includes(t.kind)) throw unexpectedInputType(draft, 0, args[0]!, '("INT" or "BIGINT" or "STRING" or "BINARY")');
    if (exprType(args[1]!).kind !== "integer") throw unexpectedInputType(draft, 1, args[1]!, '"INT"');
    return draft;
  },
  accumulator(call) {
    return new SketchAcc(lgKOf(call), exprType(call.args[0]!).kind);
  },
  updateArgs: firstArg,
};

/** hll_union_agg(sketch[, allowDifferentLgConfigK]): the union of a group's sketches. */
export const HLL_UNION_AGG: AggFunctionDef = {
  kind: "agg",
  name: "hll_union_agg",
  doc: doc("hll_union_agg(sketch[, allowDifferentLgConfigK])", "Returns the union of the group's HLL sketches (null when all are null); different lgConfigK values need allowDifferentLgConfigK."),
  resolve(_n, given, isDistinct) {
    checkArity("hll_union_agg", given, 1, 2);
    const args = given.length === 1 ? [given[0]!, { kind: "Literal" as const, value: false, dataType: BooleanType }] : given;
    const draft = aggCall("hll_union_agg", args, isDistinct, BinaryType, true);
    const t = exprType(args[0]!);
    if (t.kind !== "binary" && t.kind !== "null") throw unexpectedInputType(draft, 0, args[0]!, '"BINARY"');
    if (exprType(args[1]!).kind !== "boolean") throw unexpectedInputType(draft, 1, args[1]!, '"BOOLEAN"');
    return draft;
  },
  accumulator(call) {
    return new UnionAcc(literalArg(call.args[1], false) === true);
  },
  updateArgs: firstArg,
};
