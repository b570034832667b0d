import { describe, expect, it } from "vitest";
import { InternalError } from "../../../src/errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr, type SortOrder } from "../../../src/expr/expr.js";
import { aggregate, filter, join, limit, localRelation, project, range, sort, union } from "../../../src/plan/nodes/index.js";
import { mapPlanChildren } from "../../../src/plan/transform.js";
import { BooleanType, IntegerType, LongType, StringType, structField, structType, type DataType } from "../../../src/types/data-type.js";

function attr(name: string, dataType: DataType): AttributeRef {
  return { kind: "AttributeRef", name, dataType, nullable: true, exprId: newExprId() };
}

const a = attr("a", IntegerType);
const s = attr("s", StringType);
const rel = localRelation(structType([structField("a", IntegerType), structField("s", StringType)]), [[1, "x"]], [a, s]);
const lit = (value: unknown, dataType: DataType): Expr => ({ kind: "Literal", value, dataType });
const gt: Expr = { kind: "ScalarCall", fn: ">", args: [a, lit(1, IntegerType)], dataType: BooleanType, nullable: true };
const sum: Expr = { kind: "AggCall", fn: "sum", args: [a], isDistinct: false, dataType: LongType, nullable: true };

function internal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InternalError);
    return (e as InternalError).message;
  }
  throw new Error("expected an InternalError");
}

describe("plan node factories", () => {
  it("builds frozen nodes", () => {
    const f = filter(rel, gt);
    expect(f).toEqual({ kind: "Filter", input: rel, condition: gt });
    expect(Object.isFrozen(f)).toBe(true);
  });

  it("rejects a filter whose condition is not boolean", () => {
    expect(internal(() => filter(rel, a))).toContain("invalid Filter: condition a#");
  });

  it("accepts a null literal condition (Spark's filter(lit(None)))", () => {
    expect(filter(rel, lit(null, { kind: "null" })).kind).toBe("Filter");
  });

  it("rejects an attribute that its input does not produce", () => {
    const other = attr("b", IntegerType);
    expect(internal(() => project(rel, [other]))).toContain("is not among its input");
    expect(internal(() => filter(rel, { ...gt, args: [other, lit(1, IntegerType)] } as Expr))).toContain("is not among its input");
  });

  it("rejects unnamed projection outputs and aggregates outside Aggregate", () => {
    expect(internal(() => project(rel, [gt]))).toContain("is not named");
    const aliased: Expr = { kind: "Alias", child: sum, name: "t", exprId: newExprId() };
    expect(internal(() => project(rel, [aliased]))).toContain("aggregate in");
    expect(aggregate(rel, [], [aliased]).aggs).toEqual([aliased]);
    expect(internal(() => aggregate(rel, [sum], [aliased]))).toContain("aggregate in");
  });

  it("rejects a sort key that is not a SortOrder", () => {
    const bad = a as unknown as SortOrder;
    expect(internal(() => sort(rel, [bad], true))).toContain("key is a AttributeRef");
  });

  it("rejects a negative limit, a zero step and a union of different shapes", () => {
    expect(internal(() => limit(rel, -1))).toContain("invalid Limit");
    expect(internal(() => range(0, 10, 0, [attr("id", LongType)]))).toContain("step is 0");
    const ints = localRelation(structType([structField("a", IntegerType)]), [], [attr("a", IntegerType)]);
    expect(internal(() => union([rel, ints]))).toContain("1 columns, the first input has 2");
    const strs = localRelation(structType([structField("a", StringType), structField("s", StringType)]), [], [attr("a", StringType), attr("s", StringType)]);
    expect(internal(() => union([rel, strs]))).toContain("column 1 types differ");
  });

  it("checks a join condition against both sides", () => {
    const b = attr("b", IntegerType);
    const right = localRelation(structType([structField("b", IntegerType)]), [], [b]);
    const eq: Expr = { kind: "ScalarCall", fn: "==", args: [a, b], dataType: BooleanType, nullable: true };
    expect(join(rel, right, "inner", eq).condition).toBe(eq);
    expect(internal(() => join(rel, rel, "inner", eq))).toContain("is not among its input");
  });

  it("rebuilds a node through its factory when a child changes, and keeps it when none does", () => {
    const f = filter(rel, gt);
    expect(mapPlanChildren(f, (c) => c)).toBe(f);
    const pruned = localRelation(structType([structField("s", StringType)]), [["x"]], [s]);
    // The condition reads `a`, which the new child no longer produces.
    expect(internal(() => mapPlanChildren(f, () => pruned))).toContain("invalid Filter");
  });
});
