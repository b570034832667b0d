import { BinaryType, BooleanType, LongType } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import { HllUnion } from "../kernels/hll-sketch.js";
import { checkLgK, readSketch } from "./aggregate/hll-agg.js";
import { foldedValue } from "./foldable.js";
import { checkArity, doc, implicitCast, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { mapRows } from "./row-map.js";

// The scalar HLL functions (Spark's datasketches_functions): hll_sketch_estimate and hll_union.

const HLL_SKETCH_ESTIMATE: ScalarFunctionDef = {
  kind: "scalar",
  name: "hll_sketch_estimate",
  doc: doc("hll_sketch_estimate(sketch)", "Returns the estimated number of distinct values of an HLL sketch, rounded to a long."),
  resolve(_n, given) {
    checkArity("hll_sketch_estimate", given, 1);
    const a = given[0]!;
    const t = exprType(a);
    if (t.kind !== "binary" && t.kind !== "null") throw unexpectedInputType(scalarCall("hll_sketch_estimate", given, LongType, true), 0, a, '"BINARY"');
    return scalarCall("hll_sketch_estimate", [implicitCast(a, BinaryType)], LongType, exprNullable(a));
  },
  eval([a]) {
    // Java's Math.round: floor(x + 0.5).
    return mapRows([a!], LongType, ([b]) => Math.floor(readSketch("hll_sketch_estimate", b as Uint8Array).estimate() + 0.5));
  },
};

const HLL_UNION: ScalarFunctionDef = {
  kind: "scalar",
  name: "hll_union",
  doc: doc("hll_union(first, second[, allowDifferentLgConfigK])", "Returns the union of two HLL sketches at the smaller lgConfigK (different values need allowDifferentLgConfigK)."),
  resolve(_n, given) {
    checkArity("hll_union", given, 2, 3);
    const args = given.length === 2 ? [...given, { kind: "Literal" as const, value: false, dataType: BooleanType }] : [...given];
    const draft = scalarCall("hll_union", args, BinaryType, true);
    for (const i of [0, 1]) {
      const t = exprType(args[i]!).kind;
      if (t !== "binary" && t !== "null") throw unexpectedInputType(draft, i, args[i]!, '"BINARY"');
    }
    if (exprType(args[2]!).kind !== "boolean") throw unexpectedInputType(draft, 2, args[2]!, '"BOOLEAN"');
    return scalarCall("hll_union", [implicitCast(args[0]!, BinaryType), implicitCast(args[1]!, BinaryType), args[2]!], BinaryType, exprNullable(args[0]!) || exprNullable(args[1]!));
  },
  eval([a, b, allow], call) {
    const lit = foldedValue(call.args[2]!);
    void allow;
    const allowDifferent = lit !== null && lit.value === true;
    return mapRows([a!, b!], BinaryType, ([x, y]) => {
      const s1 = readSketch("hll_union", x as Uint8Array);
      const s2 = readSketch("hll_union", y as Uint8Array);
      checkLgK("hll_union", allowDifferent, s1.lgK, s2.lgK);
      const u = new HllUnion(Math.min(s1.lgK, s2.lgK));
      u.update(s1);
      u.update(s2);
      return u.result().toBytes();
    });
  },
};

/** The scalar HLL functions' registry entries (the aggregates are in aggregate/hll-agg.ts). */
export const HLL_FUNCTIONS: readonly ScalarFunctionDef[] = [HLL_SKETCH_ESTIMATE, HLL_UNION];
