import { describe, expect, it } from "vitest";
import { parseExpression } from "../../src/sql/parse-expression.js";
import { exprPrettySql } from "../../src/expr/expr-string.js";
import type { Expr } from "../../src/expr/expr.js";

function show(sql: string): string {
  return exprPrettySql(parseExpression(sql));
}

function err(sql: string): Record<string, string> {
  try {
    parseExpression(sql);
  } catch (e) {
    const x = e as { errorClass: string; messageParameters: Record<string, string> };
    return { errorClass: x.errorClass, ...x.messageParameters };
  }
  throw new Error("parsed");
}

describe("parseExpression", () => {
  it("respects Spark's operator precedence", () => {
    expect(show("2 * 3 + 4")).toBe("((2 * 3) + 4)");
    expect(show("2 * (3 + 4)")).toBe("(2 * (3 + 4))");
    expect(show("i = 1 or i = 2 and z = 0")).toBe("((i = 1) OR ((i = 2) AND (z = 0)))");
    expect(show("not i > 1")).toBe("(NOT (i > 1))");
    expect(show("-i")).toBe("(- i)");
    expect(show("i div 2")).toBe("(i div 2)");
  });

  it("parses predicates", () => {
    expect(show("i is not null")).toBe("(i IS NOT NULL)");
    expect(show("i in (1, 2)")).toBe("(i IN (1, 2))");
    expect(show("i between 1 and 2")).toBe("between(i, 1, 2)");
    expect(show("s like 'a%'")).toBe("s LIKE a%");
    expect(show("i <=> 1")).toBe("(i <=> 1)");
    expect(show("s is null and i < 4")).toBe("((s IS NULL) AND (i < 4))");
  });

  it("types literals as Spark does", () => {
    const lit = (s: string): Expr => parseExpression(s);
    expect(lit("2")).toMatchObject({ dataType: { kind: "integer" }, value: 2 });
    expect(lit("10000000000")).toMatchObject({ dataType: { kind: "long" } });
    expect(lit("1.5")).toMatchObject({ dataType: { kind: "decimal", precision: 2, scale: 1 }, value: "1.5" });
    expect(lit("1e3")).toMatchObject({ dataType: { kind: "double" }, value: 1000 });
    expect(lit("1.5d")).toMatchObject({ dataType: { kind: "double" } });
    expect(lit("'it''s'")).toMatchObject({ dataType: { kind: "string" } });
    expect(lit("null")).toMatchObject({ dataType: { kind: "null" } });
    expect(show("date '2024-01-02'")).toBe("DATE '2024-01-02'");
  });

  it("parses calls, casts, CASE and aliases", () => {
    expect(show("count(*)")).toBe("count(1)");
    expect(show("count(distinct s)")).toBe("count(DISTINCT s)");
    expect(show("CAST(i AS STRING)")).toBe("CAST(i AS STRING)");
    expect(parseExpression("cast(i as decimal(10, 2))")).toMatchObject({ kind: "Cast", dataType: { kind: "decimal", precision: 10, scale: 2 } });
    expect(show("case when i > 1 then 'a' else 'b' end")).toBe("CASE WHEN (i > 1) THEN a ELSE b END");
    expect(parseExpression("i + 1 as q")).toMatchObject({ kind: "Alias", name: "q" });
    expect(parseExpression("`weird name` q2")).toMatchObject({ kind: "Alias", name: "q2", child: { nameParts: ["weird name"] } });
    expect(parseExpression("t.*")).toEqual({ kind: "UnresolvedStar", target: ["t"] });
    expect(parseExpression("a.b")).toEqual({ kind: "UnresolvedAttribute", nameParts: ["a", "b"] });
  });

  it("raises PARSE_SYNTAX_ERROR with Spark's parameters", () => {
    expect(err("age +")).toEqual({ errorClass: "PARSE_SYNTAX_ERROR", error: "end of input", hint: "" });
    expect(err("(i")).toEqual({ errorClass: "PARSE_SYNTAX_ERROR", error: "end of input", hint: "" });
    expect(err("i i i")).toEqual({ errorClass: "PARSE_SYNTAX_ERROR", error: "'i'", hint: ": extra input 'i'" });
  });

  it("formats the message with Spark's position and SQL excerpt", () => {
    const text = (sql: string): string => {
      try {
        parseExpression(sql);
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    };
    expect(text("age +")).toBe("\n[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 1, pos 5)\n\n== SQL ==\nage +\n-----^^^\n");
    expect(text("i i i")).toBe(
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'i': extra input 'i'. SQLSTATE: 42601 (line 1, pos 4)\n\n== SQL ==\ni i i\n----^^^\n",
    );
  });
});
