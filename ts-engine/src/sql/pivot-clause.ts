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
  // `FOR (a, b) IN ((1, 'x') AS p, …)`: the pivot column is struct(a, b), each value a struct (Spark's withPivot)
  const several = isOp(src.peek(), "(");
  const column: ParsedExpr = several ? struct(parenthesizedList(src, () => ({ kind: "UnresolvedAttribute", nameParts: [src.identifier()] }))) : { kind: "UnresolvedAttribute", nameParts: [src.identifier()] };
  expectWord(src, "in");
  expectOp(src, "(");
  const values = commaList(src, () => (several && isOp(src.peek(), "(") ? tupleValue(src) : src.namedExpression()));
  expectOp(src, ")");
  expectOp(src, ")");
  return { kind: "Aggregate", input, groupBy: [], aggs, pivot: { column, values, implicitGroupBy: true } };
}

function struct(args: readonly ParsedExpr[]): ParsedExpr {
  return { kind: "UnresolvedFunction", name: "struct", args, isDistinct: false };
}

/** `(x, y, …)`, each read by `item`. */
function parenthesizedList<T>(src: ClauseSource, item: () => T): T[] {
  expectOp(src, "(");
  const out = commaList(src, item);
  expectOp(src, ")");
  return out;
}

/** A value of a several-column pivot: `(1, 'x') [AS] name`, a struct of the values. */
function tupleValue(src: ClauseSource): ParsedExpr {
  const value = struct(parenthesizedList(src, () => src.expression()));
  const t = src.peek();
  if (acceptWord(src, "as") || (t.type === "ident" && !isOp(t, ",")) || t.type === "quoted") return { kind: "Alias", child: value, name: src.identifier() };
  return value;
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
  if (isOp(src.peek(), "(")) return unpivotSeveral(src, input, includeNulls);
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
  return includeNulls ? unpivot : withoutNullRows(unpivot, [valueColumnName]);
}

/** EXCLUDE NULLS: rows whose values are all null go (Spark's `isnotnull(coalesce(v1, v2, …))`). */
function withoutNullRows(input: ParsedPlan, valueColumns: readonly string[]): ParsedPlan {
  const coalesce: ParsedExpr = { kind: "UnresolvedFunction", name: "coalesce", args: valueColumns.map((n) => ({ kind: "UnresolvedAttribute", nameParts: [n] })), isDistinct: false };
  return { kind: "Filter", input, condition: { kind: "UnresolvedFunction", name: "isnotnull", args: [coalesce], isDistinct: false } };
}

/** The column an unpivot over several value columns carries its values in, as one struct, until they are split out. */
const VALUES_STRUCT = "__unpivot_values";

/**
 * `UNPIVOT ((v1, v2) FOR name IN ((a1, a2) [AS x], …))` (Spark's multi-value unpivot): each group
 * of columns becomes one row, its columns the value columns v1, v2, …, the variable column its
 * alias or its columns' names joined by `_`. Planned as the one-value Unpivot of a struct per
 * group whose fields are named v1, v2 (so that the groups' types widen field by field), the
 * fields then split out.
 */
function unpivotSeveral(src: ClauseSource, input: ParsedPlan, includeNulls: boolean): ParsedPlan {
  const valueColumns = parenthesizedList(src, () => src.identifier());
  expectWord(src, "for");
  const variableColumnName = src.identifier();
  expectWord(src, "in");
  expectOp(src, "(");
  const groups = commaList(src, (): ParsedExpr => {
    const t0 = src.peek();
    const columns = parenthesizedList(src, () => {
      const nameParts = [src.identifier()];
      while (isOp(src.peek(), ".")) {
        src.next();
        nameParts.push(src.identifier());
      }
      return nameParts;
    });
    if (columns.length !== valueColumns.length) throw syntaxError(t0);
    const fields = columns.flatMap((parts, i): ParsedExpr[] => [{ kind: "Literal", value: valueColumns[i]!, dataType: { kind: "string" } }, { kind: "UnresolvedAttribute", nameParts: parts }]);
    const value: ParsedExpr = { kind: "UnresolvedFunction", name: "named_struct", args: fields, isDistinct: false };
    const t = src.peek();
    const alias = acceptWord(src, "as") || (t.type === "ident" && !isWord(t, "for")) || t.type === "quoted" ? src.identifier() : columns.map((parts) => parts[parts.length - 1]!).join("_");
    return { kind: "Alias", child: value, name: alias };
  });
  expectOp(src, ")");
  expectOp(src, ")");
  const unpivot: ParsedPlan = { kind: "Unpivot", input, ids: [], implicitIds: true, values: groups, variableColumnName, valueColumnName: VALUES_STRUCT };
  const struct: ParsedExpr = { kind: "UnresolvedAttribute", nameParts: [VALUES_STRUCT] };
  const split: ParsedPlan = {
    kind: "Project",
    input: unpivot,
    exprs: [{ kind: "UnresolvedStar" }, ...valueColumns.map((v): ParsedExpr => ({ kind: "Alias", child: { kind: "UnresolvedAttribute", nameParts: [VALUES_STRUCT, v] }, name: v }))],
  };
  const values: ParsedPlan = { kind: "Drop", input: split, columns: [struct] };
  return includeNulls ? values : withoutNullRows(values, valueColumns);
}
