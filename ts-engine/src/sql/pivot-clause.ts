import { ParseException } from "../errors/spark-exception.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { syntaxError } from "./lexer.js";
import { acceptWord, commaList, expectOp, expectWord, isOp, isWord, type ClauseSource } from "./clause-source.js";

/**
 * After `PIVOT`: `(agg [AS a], … FOR col IN (value [AS name], …))` over `input`, as Spark's
 * withPivot builds it: an aggregate grouped by every input column that neither the aggregates
 * nor the pivot column read (found at analysis, once the input's columns are known), one
 * output column per value (and aggregate), a value's alias naming its column.
 */
export function parsePivot(src: ClauseSource, input: ParsedPlan): ParsedPlan {
  expectOp(src, "(");
  // `sum(x) [AS] s`: FOR ends the list, never a bare alias
  const aggs = commaList(src, (): ParsedExpr => {
    const e = src.expression();
    const t = src.peek();
    if (acceptWord(src, "as") || (t.type === "ident" && !isWord(t, "for")) || t.type === "quoted") return { kind: "Alias", child: e, name: src.identifier() };
    return e;
  });
  expectWord(src, "for");
  if (isOp(src.peek(), "(")) throw new ParseException("NOT_IMPLEMENTED", { feature: "PIVOT over several columns" });
  const column: ParsedExpr = { kind: "UnresolvedAttribute", nameParts: [src.identifier()] };
  expectWord(src, "in");
  expectOp(src, "(");
  const values = commaList(src, () => src.namedExpression());
  expectOp(src, ")");
  expectOp(src, ")");
  return { kind: "Aggregate", input, groupBy: [], aggs, pivot: { column, values, implicitGroupBy: true } };
}

/**
 * After `UNPIVOT`: `[INCLUDE | EXCLUDE NULLS] (value FOR name IN (col [AS alias], …))` over
 * `input`, as Spark's withUnpivot: the id columns are every input column that is not
 * unpivoted (found at analysis), and unless INCLUDE NULLS a filter drops the rows whose
 * value is null (Spark's `isnotnull(coalesce(value))`).
 */
export function parseUnpivot(src: ClauseSource, input: ParsedPlan): ParsedPlan {
  let includeNulls = false;
  if (acceptWord(src, "include")) {
    expectWord(src, "nulls");
    includeNulls = true;
  } else if (acceptWord(src, "exclude")) expectWord(src, "nulls");
  expectOp(src, "(");
  if (isOp(src.peek(), "(")) throw new ParseException("NOT_IMPLEMENTED", { feature: "UNPIVOT into several value columns" });
  const valueColumnName = src.identifier();
  expectWord(src, "for");
  const variableColumnName = src.identifier();
  expectWord(src, "in");
  expectOp(src, "(");
  const values = commaList(src, (): ParsedExpr => {
    const nameParts = [src.identifier()];
    while (isOp(src.peek(), ".")) {
      src.next();
      nameParts.push(src.identifier());
    }
    const column: ParsedExpr = { kind: "UnresolvedAttribute", nameParts };
    const t = src.peek();
    if (acceptWord(src, "as")) return { kind: "Alias", child: column, name: src.identifier() };
    if ((t.type === "ident" && !isWord(t, "for")) || t.type === "quoted") return { kind: "Alias", child: column, name: src.identifier() };
    if (!isOp(t, ",") && !isOp(t, ")")) throw syntaxError(t);
    return column;
  });
  expectOp(src, ")");
  expectOp(src, ")");
  const unpivot: ParsedPlan = { kind: "Unpivot", input, ids: [], implicitIds: true, values, variableColumnName, valueColumnName };
  if (includeNulls) return unpivot;
  const value: ParsedExpr = { kind: "UnresolvedAttribute", nameParts: [valueColumnName] };
  const coalesce: ParsedExpr = { kind: "UnresolvedFunction", name: "coalesce", args: [value], isDistinct: false };
  return { kind: "Filter", input: unpivot, condition: { kind: "UnresolvedFunction", name: "isnotnull", args: [coalesce], isDistinct: false } };
}
