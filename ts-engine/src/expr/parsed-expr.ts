import type { DataType, FieldMetadata } from "../types/data-type.js";
import type { Literal } from "./expr.js";
import type { WindowFrame } from "./window-frame.js";
import type { SqlOrigin } from "../errors/query-context.js";

/**
 * Unresolved expressions, as the wire decoder (bridge/PROTOCOL.md "Expressions"), the Node
 * API's Column and the SQL expression parser build them: names not yet bound to attributes,
 * functions by name, SQL text, stars. Only the analyzer reads them; it turns each into a
 * resolved `Expr` (expr.ts), so nothing after analysis can meet an unresolved kind.
 */
export type ParsedExpr =
  | UnresolvedAttribute
  | UnresolvedStar
  | UnresolvedFunction
  | ExprString
  | Literal
  | ParsedAlias
  | ParsedCast
  | ParsedCaseWhen
  | ParsedSortOrder
  | ParsedPythonUDF
  | ParsedLambdaFunction
  | UnresolvedNamedLambdaVariable
  | ParsedWindow
  | SubqueryExpression
  | OuterReference;

/** The kinds of unresolved expressions. */
export type ParsedExprKind = ParsedExpr["kind"];

/** A column named by the user: `col("a")`, `df["a"]` (with the frame's planId), `"t.a"`. */
export interface UnresolvedAttribute {
  readonly kind: "UnresolvedAttribute";
  readonly nameParts: readonly string[];
  readonly planId?: number;
  /** Where SQL text named the column (line from 1, position from 0): the `; line L pos P` of an unresolved column's error. */
  readonly origin?: { readonly line: number; readonly pos: number };
}

/** `*` or `t.*`; with `regex`, `df.colRegex("`pattern`")`: the columns whose names match it. */
export interface UnresolvedStar {
  readonly kind: "UnresolvedStar";
  readonly target?: readonly string[];
  readonly planId?: number;
  /** Spark's UnresolvedRegex: a Java pattern matched against whole column names (case-insensitively unless spark.sql.caseSensitive). */
  readonly regex?: string;
}

/** A call by Spark function name; operators use their SQL symbol (`+`, `==`, `and`, `not`). */
export interface UnresolvedFunction {
  readonly kind: "UnresolvedFunction";
  readonly name: string;
  readonly args: readonly ParsedExpr[];
  readonly isDistinct: boolean;
  /** SQL's `agg(...) FILTER (WHERE cond)` on an aggregate call. */
  readonly filter?: ParsedExpr;
  /** Where SQL text wrote the call or operator (kept by the resolved call, for runtime errors' context). */
  readonly sqlOrigin?: SqlOrigin;
}

/** SQL expression text (`expr()`, `selectExpr`, `filter("a > 1")`), parsed by the engine. */
export interface ExprString {
  readonly kind: "ExprString";
  readonly sql: string;
}

/** `col.alias(name)`; the analyzer gives the resolved Alias its exprId. */
export interface ParsedAlias {
  readonly kind: "Alias";
  readonly child: ParsedExpr;
  readonly name: string;
  /** Several names (Spark's MultiAlias, as Spark Connect's repeated Alias.name), for a generator's columns. */
  readonly names?: readonly string[];
  /** `alias(name, metadata=…)`: the column's new field metadata. */
  readonly metadata?: FieldMetadata;
}

/** `col.cast(type)` (a user cast: shown in generated names, unlike the analyzer's implicit ones). */
export interface ParsedCast {
  readonly kind: "Cast";
  readonly child: ParsedExpr;
  readonly dataType: DataType;
  /** `try_cast` sends false: invalid input gives null even in ANSI mode. */
  readonly ansi?: boolean;
  /** Where SQL text wrote the cast (kept by the resolved cast, for runtime errors' context). */
  readonly sqlOrigin?: SqlOrigin;
}

/** `when(...).otherwise(...)` / SQL CASE WHEN, untyped until its values are resolved. */
export interface ParsedCaseWhen {
  readonly kind: "CaseWhen";
  readonly branches: readonly (readonly [ParsedExpr, ParsedExpr])[];
  readonly elseValue?: ParsedExpr;
}

/** A sort key as `Sort` takes it: `col.asc()`, `desc_nulls_first()`. */
export interface ParsedSortOrder {
  readonly kind: "SortOrder";
  readonly child: ParsedExpr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/** A Python UDF call over unresolved arguments (the resolved form is expr.ts's PythonUDF). */
export interface ParsedPythonUDF {
  readonly kind: "PythonUDF";
  readonly name: string;
  readonly func: Uint8Array;
  readonly returnType: DataType;
  readonly args: readonly ParsedExpr[];
  readonly evalType: number;
  readonly deterministic: boolean;
}

/**
 * A lambda as a higher-order function's argument: the client called the user's Python or JS
 * function once with placeholder variables (as PySpark does), or SQL wrote `x -> x + 1`.
 */
export interface ParsedLambdaFunction {
  readonly kind: "LambdaFunction";
  readonly body: ParsedExpr;
  readonly args: readonly UnresolvedNamedLambdaVariable[];
}

/** A lambda's variable by name (`x_1` from a client placeholder, `x` from SQL text). */
export interface UnresolvedNamedLambdaVariable {
  readonly kind: "UnresolvedNamedLambdaVariable";
  readonly nameParts: readonly string[];
}

/**
 * `fn.over(window)` (Spark Connect's Expression.Window): a window or aggregate function over
 * a window spec. `frame` absent means the default: the whole partition without an ORDER BY,
 * else RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (Spark's defaults).
 */
export interface ParsedWindow {
  readonly kind: "Window";
  readonly windowFunction: ParsedExpr;
  readonly partitionSpec: readonly ParsedExpr[];
  readonly orderSpec: readonly ParsedSortOrder[];
  readonly frame?: WindowFrame;
  /**
   * SQL's `OVER name`: the query's WINDOW clause defines it (the SQL parser substitutes the
   * definition); still set at analysis when no WINDOW clause defines the name.
   */
  readonly windowName?: string;
}

/**
 * `df.scalar()` / `df.exists()` (Spark's ScalarSubquery / Exists built by PySpark 4.0's
 * DataFrame API): a subquery as a value. The analyzer joins it to the operator holding it
 * (rules/subquery-expression.ts), so only Filter, Project and WithColumns may hold one.
 */
export interface SubqueryExpression extends SubqueryPlanField {
  readonly kind: "SubqueryExpression";
  readonly subqueryType: "scalar" | "exists";
}

/**
 * The subquery's `plan: ParsedPlan`, which plan/parsed-plan.ts adds by declaration merging:
 * expressions sit below plans in the layers, so this module cannot import the plan type.
 */
export interface SubqueryPlanField {}

/**
 * `col.outer()` (PySpark 4.0's Column.outer, Spark's LazyOuterReference): inside a subquery,
 * the column of the query around it (the subquery's own columns are not looked at).
 */
export interface OuterReference {
  readonly kind: "OuterReference";
  readonly child: ParsedExpr;
}
