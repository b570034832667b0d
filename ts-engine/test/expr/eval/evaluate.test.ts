import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/expr/eval/evaluate.js";
import { bindReferences } from "../../../src/expr/bind.js";
import { BooleanType, DoubleType, LongType, StringType } from "../../../src/types/data-type.js";
import type { AttributeRef, Expr } from "../../../src/expr/expr.js";
import { batchOf, call, lit, ref, values, vec } from "../helpers.js";

const ctx = { ansi: true, timeZone: "UTC" };

describe("evaluate", () => {
  const batch = batchOf({ i: vec(LongType, [1, 2, 3, null]), s: vec(StringType, ["a", "b", null, "d"]) });

  it("evaluates nested scalar calls in one pass per node", () => {
    const e = call("+", LongType, ref(0, LongType), call("*", LongType, ref(0, LongType), lit(10, LongType)));
    expect(values(evaluate(e, batch, ctx))).toEqual([11, 22, 33, null]);
  });

  it("evaluates CASE WHEN with null conditions as false", () => {
    const e: Expr = {
      kind: "CaseWhen",
      branches: [[call(">", BooleanType, ref(0, LongType), lit(2, LongType)), lit("big", StringType)]],
      elseValue: lit("small", StringType),
      dataType: StringType,
    };
    expect(values(evaluate(e, batch, ctx))).toEqual(["small", "small", "big", "small"]);
  });

  it("evaluates a CASE WHEN branch only on the rows that pick it", () => {
    // raise_error in a branch no row takes must not raise (Spark evaluates CASE lazily per row)
    const e: Expr = {
      kind: "CaseWhen",
      branches: [
        [call(">", BooleanType, ref(0, LongType), lit(2, LongType)), call("*", LongType, ref(0, LongType), lit(10, LongType))],
        [call("<", BooleanType, ref(0, LongType), lit(0, LongType)), call("raise_error", LongType, lit("never", StringType))],
      ],
      elseValue: ref(0, LongType),
      dataType: LongType,
    };
    expect(values(evaluate(e, batch, ctx))).toEqual([1, 2, 30, null]);
  });

  it("evaluates casts, in and between", () => {
    const cast: Expr = { kind: "Cast", child: ref(0, LongType), dataType: DoubleType };
    expect(values(evaluate(cast, batch, ctx))).toEqual([1, 2, 3, null]);
    const inE = call("in", BooleanType, ref(1, StringType), lit("a", StringType), lit("d", StringType));
    expect(values(evaluate(inE, batch, ctx))).toEqual([true, false, null, true]);
    const btw = call("between", BooleanType, ref(0, LongType), lit(2, LongType), lit(3, LongType));
    expect(values(evaluate(btw, batch, ctx))).toEqual([false, true, true, null]);
  });

  it("binds attribute references by exprId", () => {
    const a: AttributeRef = { kind: "AttributeRef", name: "s", dataType: StringType, nullable: true, exprId: 42 };
    const b: AttributeRef = { kind: "AttributeRef", name: "i", dataType: LongType, nullable: true, exprId: 7 };
    const bound = bindReferences(call("isnull", BooleanType, a), [b, a]);
    expect(bound).toMatchObject({ args: [{ kind: "BoundRef", ordinal: 1 }] });
    expect(values(evaluate(bound, batch, ctx))).toEqual([false, false, true, false]);
  });
});
