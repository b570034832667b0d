import type { AttributeRef, Expr } from "../expr/expr.js";
import { valueToString } from "../expr/eval/to-string.js";
import type { DataType } from "../types/data-type.js";
import type { ComparisonKind, PushedFilter } from "./pushed-filter.js";

const COMPARISONS: Readonly<Record<string, ComparisonKind>> = {
  "==": "EqualTo",
  "<=>": "EqualNullSafe",
  ">": "GreaterThan",
  ">=": "GreaterThanOrEqual",
  "<": "LessThan",
  "<=": "LessThanOrEqual",
};

/** The comparison with its operands swapped (`1 < a` is `a > 1`). */
const FLIPPED: Readonly<Record<ComparisonKind, ComparisonKind>> = {
  EqualTo: "EqualTo",
  EqualNullSafe: "EqualNullSafe",
  GreaterThan: "LessThan",
  GreaterThanOrEqual: "LessThanOrEqual",
  LessThan: "GreaterThan",
  LessThanOrEqual: "GreaterThanOrEqual",
};

/**
 * A literal as Spark's pushed filters print it (the Scala value's toString): strings bare,
 * dates `2024-01-02`, timestamps as java.sql.Timestamp (`2024-01-02 03:04:05.0`).
 */
function shownValue(value: unknown, type: DataType, tz: string): string {
  if (value === null || value === undefined) return "null";
  const s = valueToString(value, type, tz, "null");
  if (type.kind === "timestamp" || type.kind === "timestamp_ntz") return s.includes(".") ? s : `${s}.0`;
  return s;
}

function attr(e: Expr | undefined): AttributeRef | undefined {
  return e?.kind === "AttributeRef" ? e : undefined;
}

/**
 * A resolved predicate as a pushed filter (Spark's DataSourceStrategy.translateFilter), when
 * it is one: column-vs-literal comparisons (either side), IS [NOT] NULL, IN of literals,
 * startswith / endswith / contains a string literal, and AND / OR / NOT of those. Anything
 * else (casts, arithmetic, functions of columns) is not pushed: undefined.
 */
export function translateFilter(e: Expr, tz: string): PushedFilter | undefined {
  if (e.kind !== "ScalarCall") return undefined;
  const [a, b] = e.args;
  const cmp = COMPARISONS[e.fn];
  if (cmp !== undefined) {
    const la = attr(a);
    if (la !== undefined && b?.kind === "Literal" && b.value !== null) return { kind: cmp, column: la.name, value: b.value, shown: shownValue(b.value, b.dataType, tz) };
    const rb = attr(b);
    if (rb !== undefined && a?.kind === "Literal" && a.value !== null) return { kind: FLIPPED[cmp], column: rb.name, value: a.value, shown: shownValue(a.value, a.dataType, tz) };
    return undefined;
  }
  switch (e.fn) {
    case "isnull":
    case "isnotnull": {
      const c = attr(a);
      return c === undefined ? undefined : { kind: e.fn === "isnull" ? "IsNull" : "IsNotNull", column: c.name };
    }
    case "in": {
      const c = attr(a);
      const lits = e.args.slice(1);
      if (c === undefined || !lits.every((l) => l.kind === "Literal")) return undefined;
      const values = lits.map((l) => (l.kind === "Literal" ? l.value : null));
      return { kind: "In", column: c.name, values, shown: lits.map((l) => (l.kind === "Literal" ? shownValue(l.value, l.dataType, tz) : "")) };
    }
    case "startswith":
    case "endswith":
    case "contains": {
      const c = attr(a);
      if (c === undefined || b?.kind !== "Literal" || typeof b.value !== "string") return undefined;
      const kind = e.fn === "startswith" ? "StringStartsWith" : e.fn === "endswith" ? "StringEndsWith" : "StringContains";
      return { kind, column: c.name, value: b.value };
    }
    case "and":
    case "or": {
      const l = a === undefined ? undefined : translateFilter(a, tz);
      const r = b === undefined ? undefined : translateFilter(b, tz);
      return l === undefined || r === undefined ? undefined : { kind: e.fn === "and" ? "And" : "Or", left: l, right: r };
    }
    case "not": {
      const c = a === undefined ? undefined : translateFilter(a, tz);
      return c === undefined ? undefined : { kind: "Not", child: c };
    }
    default:
      return undefined;
  }
}
