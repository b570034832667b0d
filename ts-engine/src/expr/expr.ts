import type { DataType, FieldMetadata } from "../types/data-type.js";
import type { WindowFrame } from "./window-frame.js";
import type { SqlOrigin } from "../errors/query-context.js";

/**
 * Resolved expressions, as one discriminated union: what the analyzer produces and the
 * optimizer, planner and evaluator take. Names are AttributeRefs, functions are registry
 * calls with coerced arguments, and every node knows its type. The physical planner binds
 * attribute references to column ordinals (BoundRef) for vectorized evaluation. The
 * unresolved form the wire and the APIs build is `ParsedExpr` (parsed-expr.ts).
 */
export type Expr =
  | Literal
  | Alias
  | Cast
  | CaseWhen
  | SortOrder
  | PythonUDF
  | AttributeRef
  | ScalarCall
  | AggCall
  // --- physical ---
  | BoundRef
  // --- higher-order functions (their lambdas; binding turns the variables into BoundRefs) ---
  | LambdaFunction
  | NamedLambdaVariable
  // --- windows (the analyzer moves them into Window plan nodes) ---
  | WindowExpression;

/** The kinds of resolved expressions. */
export type ExprKind = Expr["kind"];

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

/** Names its child's value; `exprId` identifies the output attribute it makes. */
export interface Alias {
  readonly kind: "Alias";
  readonly child: Expr;
  readonly name: string;
  readonly exprId: number;
  /**
   * Spark's MultiAlias (`explode(m).alias("k", "v")`): every name, in order, when more than
   * one was given (`name` is the first). Only a generator takes several names; the Generate
   * rule (plan/analyzer/rules/generate.ts) gives them to its columns.
   */
  readonly names?: readonly string[];
  /** `alias(name, metadata=…)` (Spark's explicitMetadata); absent: the child attribute's. */
  readonly metadata?: FieldMetadata;
}

export interface Cast {
  readonly kind: "Cast";
  readonly child: Expr;
  readonly dataType: DataType;
  /** Where SQL text wrote it: its runtime errors show the fragment (errors/query-context.ts). */
  readonly sqlOrigin?: SqlOrigin;
  /** ANSI mode (Spark 4 default): invalid input raises CAST_INVALID_INPUT instead of giving null. */
  readonly ansi?: boolean;
  /** Inserted by the analyzer's type coercion: hidden in generated column names, shown by explain. */
  readonly implicit?: boolean;
}

/** CASE WHEN … (also `when/otherwise`), typed as the wider type of its values. */
export interface CaseWhen {
  readonly kind: "CaseWhen";
  readonly branches: readonly (readonly [Expr, Expr])[];
  readonly elseValue?: Expr;
  readonly dataType: DataType;
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
  /** The column's field metadata (Spark's AttributeReference.metadata); absent = empty. */
  readonly metadata?: FieldMetadata;
}

/** A resolved scalar function from the registry; args already coerced. */
export interface ScalarCall {
  readonly kind: "ScalarCall";
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly dataType: DataType;
  readonly nullable: boolean;
  /** Where SQL text wrote it: its runtime errors show the fragment (errors/query-context.ts). */
  readonly sqlOrigin?: SqlOrigin;
}

/** A resolved aggregate function; only legal inside Aggregate expressions. */
export interface AggCall {
  readonly kind: "AggCall";
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly isDistinct: boolean;
  readonly dataType: DataType;
  readonly nullable: boolean;
  /** `FILTER (WHERE cond)`: only rows where the boolean `cond` is true are aggregated. */
  readonly filter?: Expr;
}

/** Column `ordinal` of the input batch: what AttributeRefs become before execution. */
export interface BoundRef {
  readonly kind: "BoundRef";
  readonly ordinal: number;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly name: string;
}

/**
 * A lambda argument of a higher-order function (transform, filter, aggregate …): `body` over
 * the lambda's variables `args`, whose types the function fixes from its other arguments
 * (Spark's LambdaFunction). Never evaluated on its own: the function runs the body over all
 * elements of a batch at once (expr/eval/lambda.ts).
 */
export interface LambdaFunction {
  readonly kind: "LambdaFunction";
  readonly body: Expr;
  readonly args: readonly NamedLambdaVariable[];
}

/** A resolved lambda variable (Spark's NamedLambdaVariable); unique by `exprId`. */
export interface NamedLambdaVariable {
  readonly kind: "NamedLambdaVariable";
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly exprId: number;
}

/**
 * A function over a window (Spark's WindowExpression with its WindowSpecDefinition):
 * `fn` is an aggregate call or a window function's call (row_number, lag … : a ScalarCall
 * whose registry entry is of kind "window"), evaluated for each row over the rows of its
 * partition (`partitionSpec`) in `orderSpec` order, within `frame`. Only a Window plan
 * node holds one; the analyzer takes them out of select lists (ExtractWindowExpressions).
 */
export interface WindowExpression {
  readonly kind: "WindowExpression";
  /** An aggregate, a window function, or a grouped-aggregate pandas UDF (run by ArrowWindowPython). */
  readonly fn: AggCall | ScalarCall | PythonUDF;
  readonly partitionSpec: readonly Expr[];
  readonly orderSpec: readonly SortOrder[];
  readonly frame: WindowFrame;
}

let nextExprId = 1;

/** A fresh expression id, unique within this engine process (workers re-bind by ordinal). */
export function newExprId(): number {
  return nextExprId++;
}
