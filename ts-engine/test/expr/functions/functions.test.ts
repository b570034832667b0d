import { describe, expect, it } from "vitest";
import { lookupFunction } from "../../../src/expr/functions/registry.js";
import { evaluate } from "../../../src/expr/eval/evaluate.js";
import { exprPrettySql } from "../../../src/expr/expr-string.js";
import { exprType } from "../../../src/expr/expr-type.js";
import { simpleString } from "../../../src/types/type-names.js";
import { DateType, DoubleType, IntegerType, LongType, StringType } from "../../../src/types/data-type.js";
import type { Expr } from "../../../src/expr/expr.js";
import { batchOf, lit, ref, values, vec } from "../helpers.js";

const ctx = { ansi: true, timeZone: "UTC" };
const batch = batchOf({
  i: vec(IntegerType, [4, null]),
  x: vec(DoubleType, [2.5, -1]),
  s: vec(StringType, [" ab ", "x-y-z"]),
  d: vec(DateType, [19787, null]),
  l: vec(LongType, [7, 8]),
});
const I = ref(0, IntegerType, "i");
const X = ref(1, DoubleType, "x");
const S = ref(2, StringType, "s");
const D = ref(3, DateType, "d");
const L = ref(4, LongType, "l");

function resolved(name: string, ...args: Expr[]): Expr {
  const def = lookupFunction(name);
  if (def === undefined || def.kind !== "scalar") throw new Error(name);
  return def.resolve(name, args);
}

function run(name: string, ...args: Expr[]): { name: string; type: string; values: unknown[] } {
  const e = resolved(name, ...args);
  return { name: exprPrettySql(e), type: simpleString(exprType(e)), values: values(evaluate(e, batch, ctx)) };
}

describe("scalar functions (names and types recorded from PySpark 4.0.1)", () => {
  it("math", () => {
    expect(run("sqrt", I)).toEqual({ name: "SQRT(i)", type: "double", values: [2, null] });
    expect(run("log", X)).toEqual({ name: "ln(x)", type: "double", values: [Math.log(2.5), null] });
    expect(run("pow", I, lit(2, IntegerType))).toEqual({ name: "POWER(i, 2)", type: "double", values: [16, null] });
    expect(run("floor", X)).toEqual({ name: "FLOOR(x)", type: "bigint", values: [2, -1] });
    expect(run("ceil", X)).toEqual({ name: "CEIL(x)", type: "bigint", values: [3, -1] });
    expect(run("round", X)).toEqual({ name: "round(x, 0)", type: "double", values: [3, -1] });
    expect(run("round", lit(2.345, DoubleType), lit(2, IntegerType)).values[0]).toBe(2.35);
    expect(run("round", lit(-2.5, DoubleType)).values[0]).toBe(-3);
    expect(run("greatest", I, X)).toEqual({ name: "greatest(i, x)", type: "double", values: [4, -1] });
    expect(run("least", I, L)).toEqual({ name: "least(i, l)", type: "bigint", values: [4, 8] });
  });

  it("strings", () => {
    expect(run("trim", S).values).toEqual(["ab", "x-y-z"]);
    expect(run("ltrim", S).values).toEqual(["ab ", "x-y-z"]);
    expect(run("concat", S, S).values).toEqual([" ab  ab ", "x-y-zx-y-z"]);
    expect(run("concat_ws", lit("-", StringType), S, lit(null, StringType))).toMatchObject({ name: "concat_ws(-, s, NULL)", values: [" ab ", "x-y-z"] });
    expect(run("substring", S, lit(2, IntegerType), lit(2, IntegerType))).toMatchObject({ name: "substring(s, 2, 2)", values: ["ab", "-y"] });
    expect(run("split", S, lit("-", StringType))).toMatchObject({ name: "split(s, -, -1)", type: "array<string>", values: [[" ab "], ["x", "y", "z"]] });
    expect(run("upper", S).values).toEqual([" AB ", "X-Y-Z"]);
  });

  it("collections and dates", () => {
    expect(run("array", I, L)).toMatchObject({ name: "array(i, l)", type: "array<bigint>", values: [[4, 7], [null, 8]] });
    expect(run("struct", I, S)).toMatchObject({ name: "struct(i, s)", type: "struct<i:int,s:string>" });
    expect(run("year", D)).toEqual({ name: "year(d)", type: "int", values: [2024, null] });
    expect(run("month", D).values).toEqual([3, null]);
    expect(run("dayofmonth", D).values).toEqual([5, null]);
    expect(run("to_date", lit("02/01/2024", StringType), lit("dd/MM/yyyy", StringType)).values).toEqual([19724, 19724]);
    expect(run("current_date").values).toHaveLength(2);
  });
});

describe("date arithmetic", () => {
  it("date + int is date_add and date - int is date_sub, as Spark", () => {
    const plus = lookupFunction("+");
    const minus = lookupFunction("-");
    if (plus?.kind !== "scalar" || minus?.kind !== "scalar") throw new Error("missing");
    const add = plus.resolve("+", [I, D]);
    const sub = minus.resolve("-", [D, lit(1, IntegerType)]);
    expect(exprPrettySql(add)).toBe("date_add(d, i)");
    expect(exprPrettySql(sub)).toBe("date_sub(d, 1)");
    expect(values(evaluate(add, batch, ctx))).toEqual([19791, null]);
    expect(values(evaluate(sub, batch, ctx))).toEqual([19786, null]);
    expect(simpleString(exprType(sub))).toBe("date");
  });
});
