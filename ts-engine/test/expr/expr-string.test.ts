import { describe, expect, it } from "vitest";
import { exprPrettySql, exprToString } from "../../src/expr/expr-string.js";
import type { AttributeRef, Expr } from "../../src/expr/expr.js";
import { LongType, StringType } from "../../src/types/data-type.js";

const id: AttributeRef = { kind: "AttributeRef", name: "id", dataType: LongType, nullable: false, exprId: 0 };
const s: AttributeRef = { kind: "AttributeRef", name: "s", dataType: StringType, nullable: true, exprId: 3 };
const one: Expr = { kind: "Literal", value: 1, dataType: LongType };
const plus: Expr = { kind: "ScalarCall", fn: "+", args: [id, one], dataType: LongType, nullable: false };

describe("exprToString (explain) and exprPrettySql (column names)", () => {
  it("prints attributes with exprIds and L for bigint, as Spark's explain", () => {
    expect(exprToString({ kind: "Alias", child: plus, name: "x", exprId: 2 })).toBe("(id#0L + 1) AS x#2L");
    expect(exprToString({ kind: "Cast", child: s, dataType: LongType, implicit: true })).toBe("cast(s#3 as bigint)");
    expect(exprToString({ kind: "SortOrder", child: id, ascending: false, nullsFirst: false })).toBe("id#0L DESC NULLS LAST");
  });

  it("prints pretty SQL without exprIds or implicit casts", () => {
    expect(exprPrettySql({ kind: "Alias", child: plus, name: "x", exprId: 2 })).toBe("(id + 1)");
    expect(exprPrettySql({ kind: "Cast", child: s, dataType: LongType, implicit: true })).toBe("s");
    expect(exprPrettySql({ kind: "Cast", child: s, dataType: LongType })).toBe("CAST(s AS BIGINT)");
    expect(exprPrettySql({ kind: "AggCall", fn: "count", args: [s, id], isDistinct: true, dataType: LongType, nullable: false })).toBe(
      "count(DISTINCT s, id)",
    );
  });
});
