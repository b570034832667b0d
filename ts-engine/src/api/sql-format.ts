import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan, SqlQuery } from "../plan/parsed-plan.js";
import { Column } from "./column.js";
import { literalOf, type LiteralValue } from "./literal.js";

/** `spark.sql` parameter values: literals, or Columns such as `lit(…)` / `array(…)`. */
export type SqlArg = LiteralValue | Column;

/** A `{name}` substitution of `spark.sql(text, args, kwargs)`: a frame to reference, or a value to insert. */
export type SqlKwarg = { readonly plan: ParsedPlan } | string | number | bigint | boolean | Column;

function argExpr(v: SqlArg): ParsedExpr {
  return v instanceof Column ? v.expr : literalOf(v);
}

/**
 * The Sql relation of `spark.sql(query, args, kwargs)`. As PySpark's SQLStringFormatter, each
 * `{name}` of the text is replaced: a DataFrame by a relation name that the query then reads (the
 * frame travels as a reference, not as text), any other value by its text; `{{` and `}}` are braces.
 */
export function sqlRelation(query: string, args?: Readonly<Record<string, SqlArg>> | readonly SqlArg[], kwargs?: Readonly<Record<string, SqlKwarg>>): SqlQuery {
  const refs = new Map<string, ParsedPlan>();
  let text = query;
  if (kwargs !== undefined && Object.keys(kwargs).length > 0) {
    text = query.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name: string | undefined) => {
      if (name === undefined) return m[0]!;
      if (!Object.hasOwn(kwargs, name)) throw new Error(`KeyError: '${name}'`);
      const v = kwargs[name]!;
      if (typeof v === "object" && !(v instanceof Column)) {
        refs.set(name, v.plan);
        return `\`${name}\``;
      }
      if (v instanceof Column) throw new Error("a Column in spark.sql kwargs needs its SQL text; pass a string instead");
      return String(v);
    });
  }
  const named = new Map<string, ParsedExpr>();
  let positional: ParsedExpr[] = [];
  if (Array.isArray(args)) positional = args.map(argExpr);
  else if (args !== undefined) for (const [k, v] of Object.entries(args as Readonly<Record<string, SqlArg>>)) named.set(k, argExpr(v));
  return { kind: "Sql", query: text, named, positional, refs };
}
