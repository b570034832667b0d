import { describe, expect, it } from "vitest";
import { Column } from "../../src/api/column.js";
import { functions as F } from "../../src/index.js";
import { DoubleType, IntegerType, LongType, NullType, StringType } from "../../src/types/data-type.js";

const a = { kind: "UnresolvedAttribute", nameParts: ["a"] };
const fn = (name: string, ...args: unknown[]) => ({ kind: "UnresolvedFunction", name, args, isDistinct: false });
const lit = (value: unknown, dataType: unknown) => ({ kind: "Literal", value, dataType });

describe("Column operators build the wire's unresolved expressions", () => {
  it("names columns with dotted and backticked parts", () => {
    expect(F.col("t.a").expr).toEqual({ kind: "UnresolvedAttribute", nameParts: ["t", "a"] });
    expect(F.col("`a.b`").expr).toEqual({ kind: "UnresolvedAttribute", nameParts: ["a.b"] });
    expect(F.col("*").expr).toEqual({ kind: "UnresolvedStar" });
    expect(F.col("t.*").expr).toEqual({ kind: "UnresolvedStar", target: ["t"] });
  });

  it("types literals as PySpark's lit does", () => {
    expect(F.lit(1).expr).toEqual(lit(1, IntegerType));
    expect(F.lit(2 ** 40).expr).toEqual(lit(2 ** 40, LongType));
    expect(F.lit(1.5).expr).toEqual(lit(1.5, DoubleType));
    expect(F.lit(9007199254740993n).expr).toEqual(lit(9007199254740993n, LongType));
    expect(F.lit(5n).expr).toEqual(lit(5, LongType));
    expect(F.lit("k").expr).toEqual(lit("k", StringType));
    expect(F.lit(null).expr).toEqual(lit(null, NullType));
  });

  it("uses Spark's operator names", () => {
    const c = F.col("a");
    expect(c.plus(1).expr).toEqual(fn("+", a, lit(1, IntegerType)));
    expect(c.minus(c).expr).toEqual(fn("-", a, a));
    expect(c.multiply(2).expr).toEqual(fn("*", a, lit(2, IntegerType)));
    expect(c.divide(2).expr).toEqual(fn("/", a, lit(2, IntegerType)));
    expect(c.mod(3).expr).toEqual(fn("%", a, lit(3, IntegerType)));
    expect(c.negate().expr).toEqual(fn("negative", a));
    expect(c.eq("x").expr).toEqual(fn("==", a, lit("x", StringType)));
    expect((c.lt(1).expr as { name: string }).name).toBe("<");
    expect((c.leq(1).expr as { name: string }).name).toBe("<=");
    expect((c.gt(1).expr as { name: string }).name).toBe(">");
    expect((c.geq(1).expr as { name: string }).name).toBe(">=");
    expect((c.eqNullSafe(1).expr as { name: string }).name).toBe("<=>");
    expect(c.isNull().expr).toEqual(fn("isnull", a));
    expect(c.isNotNull().expr).toEqual(fn("isnotnull", a));
  });

  it("builds != as NOT (=), and between as two comparisons, as PySpark", () => {
    expect(F.col("a").neq(1).expr).toEqual(fn("not", fn("==", a, lit(1, IntegerType))));
    expect(F.col("a").between(2, 3).expr).toEqual(
      fn("and", fn(">=", a, lit(2, IntegerType)), fn("<=", a, lit(3, IntegerType))),
    );
  });

  it("puts the value first in isin, from arguments or one array", () => {
    const want = fn("in", a, lit(1, IntegerType), lit(3, IntegerType));
    expect(F.col("a").isin(1, 3).expr).toEqual(want);
    expect(F.col("a").isin([1, 3]).expr).toEqual(want);
  });

  it("combines with and/or/not", () => {
    const c = F.col("a").gt(1).and(F.col("a").lt(5)).or(F.col("a").isNull().not());
    expect(c.expr).toMatchObject({ kind: "UnresolvedFunction", name: "or" });
  });

  it("aliases, casts and sorts", () => {
    expect(F.col("a").alias("b").expr).toEqual({ kind: "Alias", child: a, name: "b" });
    expect(F.col("a").cast(LongType).expr).toEqual({ kind: "Cast", child: a, dataType: LongType });
    expect(F.col("a").desc().expr).toEqual({ kind: "SortOrder", child: a, ascending: false, nullsFirst: false });
    expect(F.col("a").asc().expr).toEqual({ kind: "SortOrder", child: a, ascending: true, nullsFirst: true });
    expect(F.col("a").desc_nulls_first().expr).toMatchObject({ ascending: false, nullsFirst: true });
    expect(F.col("a").asc_nulls_last().expr).toMatchObject({ ascending: true, nullsFirst: false });
  });

  it("builds CASE WHEN from when/when/otherwise", () => {
    const c = F.when(F.col("a").gt(2), "big").when(F.col("a").gt(1), "mid").otherwise("small");
    expect(c.expr).toEqual({
      kind: "CaseWhen",
      branches: [
        [fn(">", a, lit(2, IntegerType)), lit("big", StringType)],
        [fn(">", a, lit(1, IntegerType)), lit("mid", StringType)],
      ],
      elseValue: lit("small", StringType),
    });
    expect(() => c.otherwise("again")).toThrow(/INVALID_WHEN_USAGE/);
    expect(() => F.col("a").when(F.col("a").gt(1), 1)).toThrow(/INVALID_WHEN_USAGE/);
  });

  it("builds aggregate calls, count(*) as count(1)", () => {
    expect(F.sum("a").expr).toEqual(fn("sum", a));
    expect(F.avg(F.col("a")).expr).toEqual(fn("avg", a));
    expect(F.count("*").expr).toEqual(fn("count", lit(1, IntegerType)));
    expect(F.min("a").expr).toEqual(fn("min", a));
    expect(F.max("a").expr).toEqual(fn("max", a));
    expect(F.countDistinct("a", "b").expr).toEqual({
      kind: "UnresolvedFunction",
      name: "count",
      args: [a, { kind: "UnresolvedAttribute", nameParts: ["b"] }],
      isDistinct: true,
    });
    expect(F.expr("a + 1").expr).toEqual({ kind: "ExprString", sql: "a + 1" });
  });

  it("lit passes a Column through", () => {
    const c = F.col("a");
    expect(F.lit(c)).toBe(c);
    expect(c).toBeInstanceOf(Column);
  });
});

describe("Column repr", () => {
  it("prints the expression as Spark Connect's PySpark does", () => {
    expect(String(F.col("a").plus(1))).toBe("Column<'(a + 1)'>");
    expect(String(F.sum("v").alias("s"))).toBe("Column<'sum(v) AS s'>");
    expect(String(F.col("a").desc())).toBe("Column<'a DESC NULLS LAST'>");
  });
});
