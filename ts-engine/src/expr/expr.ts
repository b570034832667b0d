import type { DataType } from "../types/data-type.js";

/**
 * Expressions as one discriminated union. The first group arrives from the wire
 * (bridge/PROTOCOL.md "Expressions") or the Node API, unresolved; the analyzer
 * replaces them with the resolved group; the physical planner finally binds
 * attribute references to column ordinals (BoundRef) for vectorized evaluation.
 */
export type Expr =
  // --- unresolved (wire) ---
  | UnresolvedAttribute
  | UnresolvedStar
  | UnresolvedFunction
  | ExprString
  // --- both ---
  | Literal
  | Alias
  | Cast
  | CaseWhen
  | SortOrder
  | PythonUDF
  // --- resolved ---
  | AttributeRef
  | ScalarCall
  | AggCall
  // --- physical ---
  | BoundRef;

export type ExprKind = Expr["kind"];

/** A column named by the user: `col("a")`, `df["a"]` (with the frame's planId), `"t.a"`. */
export interface UnresolvedAttribute {
  readonly kind: "UnresolvedAttribute";
  readonly nameParts: readonly string[];
  readonly planId?: number;
}

/** `*` or `t.*`. */
export interface UnresolvedStar {
  readonly kind: "UnresolvedStar";
  readonly target?: readonly string[];
  readonly planId?: number;
}

/** A call by Spark function name; operators use their SQL symbol (`+`, `==`, `and`, `not`). */
export interface UnresolvedFunction {
  readonly kind: "UnresolvedFunction";
  readonly name: string;
  readonly args: readonly Expr[];
  readonly isDistinct: boolean;
}

/** SQL expression text (`expr()`, `selectExpr`, `filter("a > 1")`), parsed by the engine. */
export interface ExprString {
  readonly kind: "ExprString";
  readonly sql: string;
}

/**
 * A constant. `value` is a JS value in the vector convention of its type
 * (number, bigint for longs past 2^53, string, boolean, Uint8Array, days for dates,
 * microseconds for timestamps), or null.
 */
export interface Literal {
  readonly kind: "Literal";
  readonly value: unknown;
  readonly dataType: DataType;
}

/** Names its child's value. `exprId` is assigned by the analyzer. */
export interface Alias {
  readonly kind: "Alias";
  readonly child: Expr;
  readonly name: string;
  readonly exprId?: number;
}

export interface Cast {
  readonly kind: "Cast";
  readonly child: Expr;
  readonly dataType: DataType;
  /** ANSI mode (Spark 4 default): invalid input raises CAST_INVALID_INPUT instead of giving null. */
  readonly ansi?: boolean;
  /** Inserted by the analyzer's type coercion: hidden in generated column names, shown by explain. */
  readonly implicit?: boolean;
}

/** CASE WHEN … (also `when/otherwise`). `dataType` is set once resolved. */
export interface CaseWhen {
  readonly kind: "CaseWhen";
  readonly branches: readonly (readonly [Expr, Expr])[];
  readonly elseValue?: Expr;
  readonly dataType?: DataType;
}

export interface SortOrder {
  readonly kind: "SortOrder";
  readonly child: Expr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/** A cloudpickled Python function applied row by row (in batches) by a Python worker. */
export interface PythonUDF {
  readonly kind: "PythonUDF";
  readonly name: string;
  readonly func: Uint8Array;
  readonly returnType: DataType;
  readonly args: readonly Expr[];
  readonly evalType: number;
  readonly deterministic: boolean;
}

/** A resolved column: unique `exprId`, the relation alias it may be qualified by. */
export interface AttributeRef {
  readonly kind: "AttributeRef";
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly exprId: number;
  readonly qualifier?: readonly string[];
}

/** A resolved scalar function from the registry; args already coerced. */
export interface ScalarCall {
  readonly kind: "ScalarCall";
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/** A resolved aggregate function; only legal inside Aggregate expressions. */
export interface AggCall {
  readonly kind: "AggCall";
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly isDistinct: boolean;
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/** Column `ordinal` of the input batch: what AttributeRefs become before execution. */
export interface BoundRef {
  readonly kind: "BoundRef";
  readonly ordinal: number;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly name: string;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(x)}`);
}

let nextExprId = 1;

/** A fresh expression id, unique within this engine process (workers re-bind by ordinal). */
export function newExprId(): number {
  return nextExprId++;
}
