import {
  BinaryType,
  BooleanType,
  DoubleType,
  IntegerType,
  LongType,
  StringType,
  isIntegral,
  isNumeric,
  type DataType,
} from "../../types/data-type.js";
import type { EvalContext } from "../eval/eval-context.js";
import { valueAt, vectorFromRowValues } from "../eval/vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, Literal, ScalarCall } from "../expr.js";
import { checkArity, doc, implicitCast, scalarCall, unexpectedInputType, type FunctionDoc, type ScalarFunctionDef } from "./function-def.js";

/**
 * The type an argument expects, with the implicit casts of Spark 4's ANSI type coercion
 * (AnsiTypeCoercion.implicitCast / Cast.canANSIStoreAssign): a string argument takes any
 * atomic value (numbers, booleans, dates, binaries as their string form); a numeric argument
 * takes any number or a string; `numeric` keeps the input's own numeric type (a string
 * becomes a double); `any` takes the value as it is. Anything else is
 * DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE with the type Spark names.
 */
export type Param = "string" | "binary" | "stringOrBinary" | "int" | "long" | "double" | "boolean" | "numeric" | "integral" | "any";

const REQUIRED: Readonly<Record<Param, string>> = {
  string: '"STRING"',
  binary: '"BINARY"',
  stringOrBinary: '("STRING" or "BINARY")',
  int: '"INT"',
  long: '"BIGINT"',
  double: '"DOUBLE"',
  boolean: '"BOOLEAN"',
  numeric: '"NUMERIC"',
  integral: '"INTEGRAL"',
  any: '"ANY"',
};

const CONCRETE: Partial<Readonly<Record<Param, DataType>>> = {
  string: StringType,
  binary: BinaryType,
  int: IntegerType,
  long: LongType,
  double: DoubleType,
  boolean: BooleanType,
};

function isAtomic(t: DataType): boolean {
  return t.kind !== "array" && t.kind !== "map" && t.kind !== "struct" && t.kind !== "variant";
}

/** The argument implicitly cast for `param`, or null when Spark would reject its type. */
export function coerceArg(e: Expr, param: Param): Expr | null {
  const t = exprType(e);
  switch (param) {
    case "any":
      return e;
    case "string":
      return isAtomic(t) ? implicitCast(e, StringType) : null;
    case "binary":
      return t.kind === "binary" || t.kind === "string" || t.kind === "null" ? implicitCast(e, BinaryType) : null;
    case "stringOrBinary":
      return t.kind === "binary" || t.kind === "string" ? e : t.kind === "null" || isAtomic(t) ? implicitCast(e, StringType) : null;
    case "int":
    case "long":
    case "double":
      return isNumeric(t) || t.kind === "string" || t.kind === "null" ? implicitCast(e, CONCRETE[param]!) : null;
    case "boolean":
      return t.kind === "boolean" || t.kind === "string" || t.kind === "null" ? implicitCast(e, BooleanType) : null;
    case "numeric":
      return isNumeric(t) ? e : t.kind === "string" || t.kind === "null" ? implicitCast(e, DoubleType) : null;
    case "integral":
      return isIntegral(t) ? e : t.kind === "null" ? implicitCast(e, LongType) : t.kind === "string" ? implicitCast(e, LongType) : null;
  }
}

/** Coerces every argument to its param, throwing Spark's UNEXPECTED_INPUT_TYPE for the first that cannot be. */
export function coerceArgs(display: string, args: readonly Expr[], params: readonly Param[], result: DataType = StringType): Expr[] {
  return args.map((a, i) => {
    const p = params[Math.min(i, params.length - 1)] ?? "any";
    const c = coerceArg(a, p);
    if (c === null) throw unexpectedInputType(scalarCall(display, args, result, true), i, a, REQUIRED[p]);
    return c;
  });
}

/** A literal expression of `value`. */
export function lit(value: unknown, dataType: DataType): Literal {
  return { kind: "Literal", value, dataType };
}

/** What a row-wise scalar function declares; `rowFunction` turns it into a registry entry. */
export interface RowFunctionSpec<S> {
  readonly name: string;
  readonly doc: FunctionDoc;
  /** Expected argument types, positional; the last repeats for variadic functions. */
  readonly params: readonly Param[];
  /** Fewest arguments (default: params.length). */
  readonly minArgs?: number;
  /** Most arguments (default: params.length; Infinity for variadic). */
  readonly maxArgs?: number;
  /** Literal values for omitted trailing arguments, from index minArgs on (Spark fills them in, and names them). */
  readonly defaults?: readonly Literal[];
  /** The parameters' names, when Spark's signature lets SQL pass them as named arguments (`mask(str => s)`). */
  readonly parameterNames?: readonly string[];
  /** The result type, from the coerced arguments. */
  readonly result: DataType | ((args: readonly Expr[]) => DataType);
  /** The name Spark prints in column names (default `name`); must resolve to this entry in the registry. */
  readonly display?: string;
  /** True when the function can give null for non-null input (so the result is nullable). */
  readonly mayReturnNull?: boolean;
  /** True when null arguments reach `row` (default: any null argument gives null without calling it). */
  readonly nullSafe?: boolean;
  /** Checks of the coerced arguments beyond their types (foldable arguments, ranges). */
  readonly check?: (args: readonly Expr[], display: string) => void;
  /** Per-call state built once per expression (compiled regexes, parsed formats) from the resolved call. */
  readonly prepare?: (call: ScalarCall, ctx: EvalContext) => S;
  /** The value of one row, from its argument values (vector convention: strings as JS strings …). */
  readonly row: (vals: readonly unknown[], state: S, ctx: EvalContext) => unknown;
}

const states = new WeakMap<ScalarCall, unknown>();

/** The per-expression state of `call`, built by `prepare` the first time the call is evaluated. */
export function stateOf<S>(call: ScalarCall, ctx: EvalContext, prepare: (call: ScalarCall, ctx: EvalContext) => S): S {
  if (states.has(call)) return states.get(call) as S;
  const s = prepare(call, ctx);
  states.set(call, s);
  return s;
}

/**
 * A scalar function evaluated value by value inside one batch loop (the less hot string,
 * conversion and misc functions, whose values are JS objects anyway): typed arguments with
 * Spark's implicit casts, per-expression state compiled once, null in → null out unless
 * `nullSafe`.
 */
export function rowFunction<S = undefined>(spec: RowFunctionSpec<S>): ScalarFunctionDef {
  const min = spec.minArgs ?? spec.params.length;
  const max = spec.maxArgs ?? spec.params.length;
  const display = spec.display ?? spec.name;
  return {
    kind: "scalar",
    name: spec.name,
    doc: spec.doc,
    ...(spec.parameterNames === undefined ? {} : { parameters: spec.parameterNames.map((name, i) => ({ name, ...(i < min ? {} : { default: spec.defaults![i - min]! }) })) }),
    resolve(_n, given) {
      checkArity(spec.name, given, min, max);
      const withDefaults = [...given, ...(spec.defaults ?? []).slice(given.length - min)];
      const args = coerceArgs(display, withDefaults, spec.params, typeof spec.result === "function" ? StringType : spec.result);
      spec.check?.(args, display);
      const result = typeof spec.result === "function" ? spec.result(args) : spec.result;
      const nullable = spec.mayReturnNull === true || (spec.nullSafe !== true && args.some(exprNullable));
      return scalarCall(display, args, result, nullable);
    },
    eval(args, call, ctx, numRows) {
      const state = spec.prepare === undefined ? (undefined as S) : stateOf(call, ctx, spec.prepare);
      const n = args[0]?.length ?? numRows;
      const out: unknown[] = new Array<unknown>(n);
      const vals: unknown[] = new Array<unknown>(args.length);
      const nullSafe = spec.nullSafe === true;
      for (let i = 0; i < n; i++) {
        let anyNull = false;
        for (let j = 0; j < args.length; j++) {
          const v = valueAt(args[j]!, i);
          if (v === null) anyNull = true;
          vals[j] = v;
        }
        out[i] = anyNull && !nullSafe ? null : spec.row(vals, state, ctx);
      }
      return vectorFromRowValues(call.dataType, out);
    },
  };
}

/** A FunctionDoc (re-exported for the family files' one-import convenience). */
export { doc };
