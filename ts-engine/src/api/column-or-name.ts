import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { Column } from "./column.js";
import { PySparkTypeError } from "./errors.js";
import { parseNameParts } from "./name-parts.js";

// Apart from functions.ts, which re-exports functions-builtin.ts: the family wrappers need
// toColumn, and importing it from functions.ts would be an import cycle.

/** A column given as a Column or by name, as most PySpark functions accept. */
export type ColumnOrName = Column | string;

/** A Column from a Column or a name. */
export function toColumn(c: ColumnOrName): Column {
  if (c instanceof Column) return c;
  if (typeof c === "string") return new Column(attributeExpr(c));
  throw new PySparkTypeError("NOT_COLUMN_OR_STR", { arg_name: "col", arg_type: typeof c });
}

/** The unresolved expression of a column name (a star for `*` and `t.*`). */
export function attributeExpr(name: string, planId?: number): Expr {
  const withId = planId === undefined ? {} : { planId };
  if (name === "*") return { kind: "UnresolvedStar", ...withId };
  if (name.endsWith(".*")) {
    return { kind: "UnresolvedStar", target: parseNameParts(name.slice(0, -2)), ...withId };
  }
  return { kind: "UnresolvedAttribute", nameParts: parseNameParts(name), ...withId };
}
