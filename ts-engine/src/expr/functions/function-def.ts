import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import { typeEquals } from "../../types/data-type.js";
import { AnalysisException, InternalError } from "../../errors/spark-exception.js";
import { markWithoutPlan } from "../../errors/without-plan.js";
import { sqlTypeName } from "../../types/type-names.js";
import { exprPrettySql } from "../expr-string.js";
import type { AggCall, Expr, Literal, ScalarCall } from "../expr.js";
import type { EvalContext } from "../eval/eval-context.js";
import { exprType } from "../expr-type.js";
import type { Accumulator } from "./aggregate/accumulator.js";
import type { WindowFrame } from "../window-frame.js";

/**
 * What a function does, for users: the part of Spark's ExpressionDescription that its SQL
 * reference prints. Every registry entry carries one.
 */
export interface FunctionDoc {
  /** How it is called, e.g. `mode(col[, deterministic])` or `expr1 + expr2`. */
  readonly usage: string;
  /** One or two sentences: what it returns, and how it treats nulls where that is not obvious. */
  readonly description: string;
}

/** A FunctionDoc. */
export function doc(usage: string, description: string): FunctionDoc {
  return { usage, description };
}

/**
 * A parameter of Spark's FunctionSignature: the name a named argument (`mask(str => s)`) may
 * give, and the value it takes when omitted (absent: required).
 */
export interface FunctionParameter {
  readonly name: string;
  readonly default?: Literal;
}

/** The session settings a type rule reads (the analyzer passes its scope's). */
export interface ResolveSettings {
  /** spark.sql.decimalOperations.allowPrecisionLoss: decimal results past 38 digits give up scale (true) or are capped (false). */
  readonly decimalAllowPrecisionLoss: boolean;
}

/** A scalar function: a type rule (with implicit casts) and a vectorized implementation. */
export interface ScalarFunctionDef {
  readonly kind: "scalar";
  readonly name: string;
  readonly doc: FunctionDoc;
  /** Spark's FunctionSignature, for the few functions that take named arguments (absent: NAMED_PARAMETERS_NOT_SUPPORTED). */
  readonly parameters?: readonly FunctionParameter[];
  /** Type-checks resolved arguments and returns the resolved call (usually a ScalarCall); `settings` absent means the defaults. */
  resolve(name: string, args: readonly Expr[], settings?: ResolveSettings): Expr;
  /** Evaluates the call over a batch of `numRows` rows; `args` are the evaluated argument vectors. */
  eval(args: readonly Vector[], call: ScalarCall, ctx: EvalContext, numRows: number): Vector;
  /** The value depends on the session (its time zone, or the clock), so it is never folded at plan time. */
  readonly sessionDependent?: true;
  /**
   * Spark's Nondeterministic: the value depends on the partition or the row's position (rand,
   * monotonically_increasing_id, spark_partition_id, uuid), so the optimizer neither folds it
   * nor evaluates it twice nor moves it across a filter.
   */
  readonly nondeterministic?: true;
}

/**
 * An aggregate function, whole: its type rule and its evaluation. The planner and the hash
 * aggregate operator reach the accumulator only through this entry (exec/aggregate/agg-spec.ts
 * looks it up by the call's name), so adding an aggregate is one file in ./aggregate/.
 */
export interface AggFunctionDef {
  readonly kind: "agg";
  readonly name: string;
  readonly doc: FunctionDoc;
  /** Type-checks resolved arguments and returns the resolved call. */
  resolve(name: string, args: readonly Expr[], isDistinct: boolean): AggCall;
  /**
   * A fresh accumulator for one resolved call of this function, over plain (non-DISTINCT)
   * input: DISTINCT is handled around it (see accumulatorFor), not by each function.
   */
  accumulator(call: AggCall, ansi: boolean): Accumulator;
  /**
   * The arguments whose values `update` reads, in order. Arguments that are flags fixed at
   * analysis (first's ignoreNulls, mode's deterministic) are not data; count(*) reads none.
   */
  updateArgs(call: AggCall): readonly Expr[];
  /** DISTINCT cannot change the result (min, max, collect_set …), as Spark's EliminateDistinct. */
  readonly ignoresDistinct?: true;
  /** `*` as an argument stands for every row, so it resolves to the literal 1 (count(*) is count(1), as Spark's parser makes it). */
  readonly starMeansRows?: true;
  /**
   * The function over running window frames (UNBOUNDED PRECEDING … a monotone end) in O(n),
   * as Spark's UnboundedPrecedingWindowFunctionFrame; undefined where the call has none (the
   * window operator then takes the segment tree of `accumulator` states).
   */
  running?(call: AggCall, ansi: boolean): RunningKernel | undefined;
}

/**
 * An aggregate over running frames: row i's value is the aggregate of the update arguments'
 * rows [partStart[i], frameEnd[i]) (frameEnd non-decreasing within a partition), for a run
 * of sorted rows; undefined when this call's values need the general path (e.g. a long sum
 * past ±2^53).
 */
export type RunningKernel = (args: readonly Vector[], partStart: Int32Array, frameEnd: Int32Array, n: number) => Vector | undefined;

/**
 * The rows a window function is evaluated over: a run of rows sorted by partition and order
 * keys, cut at partition boundaries, with each row's partition, peer group (rows whose order
 * keys are equal) and frame as half-open row ranges [start, end).
 */
export interface WindowRows {
  readonly numRows: number;
  readonly partStart: Int32Array;
  readonly partEnd: Int32Array;
  readonly peerStart: Int32Array;
  readonly peerEnd: Int32Array;
  /** The rows of each row's frame (empty when frameEnd <= frameStart). */
  readonly frameStart: Int32Array;
  readonly frameEnd: Int32Array;
  /**
   * Peer groups of the first row's partition that start before row 0: a view of a spilled
   * partition, whose bounds reach past the view (partStart < 0); 0 (absent) otherwise.
   */
  readonly peersBefore?: number;
}

/**
 * A window function (row_number, rank, lag, nth_value …, Spark's WindowFunction that is not
 * an aggregate): a type rule, the frame it runs in, and an evaluator over a run of sorted rows
 * (WindowRows), all of them per call. Aggregates need no such entry: over a frame they run
 * through their accumulator (exec/window/frame-aggregate.ts).
 */
export interface WindowFunctionDef {
  readonly kind: "window";
  readonly name: string;
  readonly doc: FunctionDoc;
  /** Type-checks resolved arguments and returns the resolved call (a ScalarCall named as this entry). */
  resolve(name: string, args: readonly Expr[]): ScalarCall;
  /** Spark's ranking and offset functions require an ORDER BY in their window. */
  readonly requiresOrder: boolean;
  /** Spark's frameless offset functions (lag, lead) reject any frame the user writes (_LEGACY_ERROR_TEMP_1035). */
  readonly framelessOffset?: true;
  /**
   * The frame the function runs in: a fixed one (ranking: ROWS UNBOUNDED PRECEDING … CURRENT
   * ROW; lag(x, 2): ROWS -2 … -2), which a different frame the user wrote must equal, or
   * `undefined` to take the user's or the default frame (nth_value).
   */
  requiredFrame(call: ScalarCall): WindowFrame | undefined;
  /**
   * The call as the window's analysis finishes it: rank-like functions take the order keys as
   * their arguments, as Spark's RankLike (explain prints `rank(v#1)`).
   */
  withOrder?(call: ScalarCall, orderKeys: readonly Expr[]): ScalarCall;
  /** The value for each row of `rows`; `args` are the call's arguments evaluated over those rows. */
  evaluate(args: readonly Vector[], call: ScalarCall, rows: WindowRows): Vector;
}

/** One column a generator makes (explode's `col`, posexplode's `pos`, a map's `key`/`value`). */
export interface GeneratedField {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/**
 * A generator (explode, posexplode, inline, stack): a type rule giving the generated
 * columns, and an expansion of a whole batch per call. Select lists that hold one are planned
 * as a Generate node (plan/analyzer/rules/generate.ts) run by exec/generate-exec.ts.
 */
export interface GeneratorFunctionDef {
  readonly kind: "generator";
  readonly name: string;
  readonly doc: FunctionDoc;
  /** The `_outer` forms: a row whose input gives no output rows yields one row of nulls. */
  readonly outer: boolean;
  /** The name explain prints (explode_outer is `explode` with the outer flag, as Spark). */
  readonly planName: string;
  /** Spark's FunctionSignature, for generators that take named arguments (explode, posexplode, inline). */
  readonly parameters?: readonly FunctionParameter[];
  /** Type-checks resolved arguments and returns the resolved call (a ScalarCall named as this entry). */
  resolve(name: string, args: readonly Expr[]): ScalarCall;
  /** The generated columns' names and types for a resolved call (e.g. `col` for explode of an array). */
  outputFields(call: ScalarCall): readonly GeneratedField[];
  /**
   * Expands `numRows` input rows: for every output row, the input row it came from, and the
   * generated columns. Rows that give nothing are absent (the operator adds outer rows).
   */
  generate(args: readonly Vector[], call: ScalarCall, numRows: number): { readonly sourceRows: Int32Array; readonly columns: readonly Vector[] };
}

/**
 * Evaluates a lambda's body over a flattened set of elements: `vars[k]` holds the values of
 * the lambda's k-th variable for every element, and `parentRows[e]` is the batch row element
 * `e` came from (so the body can read the row's other columns). One call per batch.
 */
export type LambdaRunner = (vars: readonly Vector[], parentRows: Int32Array) => Vector;

/** The type a higher-order function gives one of its lambda's variables. */
export interface LambdaVariableType {
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/**
 * A higher-order function (transform, filter, aggregate …): arguments that are values and
 * arguments that are lambdas. The analyzer resolves the value arguments, asks the entry for
 * each lambda's variable types, resolves the lambda bodies, then calls `resolve`.
 */
export interface HigherOrderFunctionDef {
  readonly kind: "higherOrder";
  readonly name: string;
  readonly doc: FunctionDoc;
  /**
   * The variable types of the lambda at argument `index`, written with `given` variables;
   * `args` holds the resolved arguments before it (lambdas included), undefined for the rest.
   * Throws Spark's error for an unsupported number of variables.
   */
  lambdaVariables(args: readonly (Expr | undefined)[], index: number, given: number): readonly LambdaVariableType[];
  /** Type-checks the resolved arguments (lambdas as LambdaFunction) and returns the ScalarCall. */
  resolve(name: string, args: readonly Expr[]): Expr;
  /** Evaluates over a batch: `values` are the non-lambda arguments in order, `lambdas` the lambdas in order. */
  eval(values: readonly Vector[], lambdas: readonly LambdaRunner[], call: ScalarCall, ctx: EvalContext, numRows: number): Vector;
}

/** A registry entry. */
export type FunctionDef = ScalarFunctionDef | AggFunctionDef | GeneratorFunctionDef | HigherOrderFunctionDef | WindowFunctionDef;

/** Wraps `e` in an implicit Cast to `to` unless it already has that type. */
export function implicitCast(e: Expr, to: DataType): Expr {
  const from = exprType(e);
  if (typeEquals(from, to)) return e;
  if (from.kind === "string" && to.kind === "string") {
    // Spark's string parameters take any collation (StringTypeWithCollation); a string literal
    // coerced to a collated string is a collated literal (printed `'x' collate UTF8_LCASE`).
    if (!("collation" in to)) return e;
    if (e.kind === "Literal") return { ...e, dataType: to };
  }
  if (e.kind === "Literal" && e.value === null) return { kind: "Literal", value: null, dataType: to };
  return { kind: "Cast", child: e, dataType: to, implicit: true };
}

/** `"(i + true)"`-style quoting of an expression for error messages. */
export function quotedSql(e: Expr): string {
  return `"${exprPrettySql(e)}"`;
}

/** `"INT"`-style quoting of a type for error messages. */
export function quotedType(t: DataType): string {
  return `"${sqlTypeName(t)}"`;
}

/** DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument `index` (0-based) of `call`. */
export function unexpectedInputType(call: Expr, index: number, arg: Expr, required: string): AnalysisException {
  const ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
  return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
    sqlExpr: quotedSql(call),
    paramIndex: ordinals[index] ?? `${index + 1}th`,
    requiredType: required,
    inputSql: quotedSql(arg),
    inputType: quotedType(exprType(arg)),
  });
}

/** WRONG_NUM_ARGS when a function gets an unsupported number of arguments. */
export function checkArity(name: string, args: readonly Expr[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? String(min) : max === Infinity ? `>= ${min}` : `[${min}, ${max}]`;
    // Spark's FunctionRegistry raises it while building the call, before any plan exists.
    throw markWithoutPlan(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
      functionName: `\`${name}\``,
      expectedNum: expected,
      actualNum: String(args.length),
      docroot: "https://spark.apache.org/docs/latest",
    }));
  }
}

/** A resolved AggCall node. */
export function aggCall(fn: string, args: readonly Expr[], isDistinct: boolean, dataType: DataType, nullable: boolean): AggCall {
  return { kind: "AggCall", fn, args, isDistinct, dataType, nullable };
}

/** An AggFunctionDef.updateArgs for functions whose every argument is data. */
export function allArgs(call: AggCall): readonly Expr[] {
  return call.args;
}

/** An AggFunctionDef.updateArgs for functions whose arguments after the first are flags. */
export function firstArg(call: AggCall): readonly Expr[] {
  return call.args.slice(0, 1);
}

/** The type of an aggregate call's first argument (every aggregate has at least one). */
export function firstArgType(call: AggCall): DataType {
  const a = call.args[0];
  if (a === undefined) throw new InternalError(`${call.fn} has no argument`);
  return exprType(a);
}

/** A resolved ScalarCall node. */
export function scalarCall(fn: string, args: readonly Expr[], dataType: DataType, nullable: boolean): ScalarCall {
  return { kind: "ScalarCall", fn, args, dataType, nullable };
}
