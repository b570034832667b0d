import { retypeVector } from "../../columnar/vector.js";
import { AnalysisException, IllegalArgumentException, InternalError } from "../../errors/spark-exception.js";
import { markWithoutPlan } from "../../errors/without-plan.js";
import { LongType, StringType, TimestampType, structField, structType, type DataType } from "../../types/data-type.js";
import { parseCalendarInterval } from "../eval/calendar-interval-parse.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, Literal, ScalarCall } from "../expr.js";
import { exprPrettySql } from "../expr-string.js";
import { checkArity, doc, implicitCast, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";

/**
 * Spark's time windows (TimeWindow, SessionWindow, WindowTime): `window(ts, '10 minutes')`,
 * `session_window(ts, gap)` and `window_time(w)`. They are Unevaluable, as in Spark: the
 * analyzer replaces every call (plan/analyzer/rules/time-window.ts) by a column that a
 * Project / Expand / Filter below the operator computes, so `eval` is never reached. The
 * helpers precisetimestampconversion and knownnullable are the expressions that rewrite
 * builds, printed as Spark prints them.
 */

const MICROS_PER_DAY = 86_400_000_000n;
const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** Field metadata key Spark's TimeWindowing puts on the window column (TimeWindow.marker). */
export const TIME_WINDOW_MARKER = "spark.timeWindow";
/** Field metadata key Spark's SessionWindowing puts on the session column (SessionWindow.marker). */
export const SESSION_WINDOW_MARKER = "spark.sessionWindow";

/** The struct<start, end> a window over a time column of type `t` gives (both fields nullable, as Spark). */
export function windowStructType(t: DataType): DataType {
  return structType([structField("start", t, true), structField("end", t, true)]);
}

function isTimestamp(t: DataType): boolean {
  return t.kind === "timestamp" || t.kind === "timestamp_ntz";
}

/**
 * The time column of a window call: a timestamp (timestamp_ntz) or a window struct stays, a
 * string or date is cast to TIMESTAMP (ImplicitCastInputTypes over AnyTimestampType).
 */
function timeColumn(call: () => ScalarCall, arg: Expr): Expr {
  const t = exprType(arg);
  if (isTimestamp(t) || t.kind === "struct") return arg;
  if (t.kind === "string" || t.kind === "date" || t.kind === "null") return implicitCast(arg, TimestampType);
  throw unexpectedInputType(call(), 0, arg, '("(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" or "STRUCT<start: TIMESTAMP, end: TIMESTAMP>" or "STRUCT<start: TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>")');
}

/** TimeWindow.getIntervalInMicroSeconds: the text as a calendar interval, without months. */
function intervalMicros(text: string): bigint {
  const cal = parseCalendarInterval(text);
  if (cal === null) throw markWithoutPlan(new AnalysisException("CANNOT_PARSE_INTERVAL", { intervalString: `'${text}'` }));
  // raised while Spark builds the expression: an IllegalArgumentException with no plan
  if (cal.months !== 0) throw markWithoutPlan(new IllegalArgumentException(`Intervals greater than a month is not supported (${text}).`));
  const micros = BigInt(cal.days) * MICROS_PER_DAY + cal.microseconds;
  if (micros > LONG_MAX || micros < LONG_MIN) throw new InternalError(`interval ${text} overflows a long`);
  return micros;
}

/** TimeWindow.parseExpression: a string literal (an interval), or an int or long literal (microseconds). */
function durationMicros(e: Expr): bigint {
  if (e.kind === "Literal" && e.value !== null && e.value !== undefined) {
    if (e.dataType.kind === "string") return intervalMicros(String(e.value));
    if (e.dataType.kind === "integer" || e.dataType.kind === "long") return BigInt(e.value as number | bigint);
  }
  throw markWithoutPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1207", {}));
}

/** A long literal holding `v` (a Number when exact, else a BigInt, as the vector convention). */
export function longLiteral(v: bigint): Literal {
  const n = Number(v);
  return { kind: "Literal", value: Number.isSafeInteger(n) ? n : v, dataType: LongType };
}

/** The microseconds a long literal of a resolved window call holds. */
export function literalMicros(e: Expr | undefined): bigint {
  if (e?.kind !== "Literal" || (typeof e.value !== "number" && typeof e.value !== "bigint")) throw new InternalError("window call without its durations");
  return BigInt(e.value);
}

function unevaluable(name: string): never {
  throw new InternalError(`${name} is replaced at analysis and cannot be evaluated`);
}

/** TimeWindow's SQL in messages: the call over the microsecond durations (`window(ts, 600000000, 600000000, 0)`). */
function windowSql(args: readonly Expr[]): string {
  return `"window(${args.map((a) => exprPrettySql(a)).join(", ")})"`;
}

/**
 * `window(timeColumn, windowDuration[, slideDuration[, startTime]])`: resolved as
 * `window(ts, window µs, slide µs, start µs)` after TimeWindow's checks (positive durations,
 * slide ≤ window, |start| < slide).
 */
const WINDOW: ScalarFunctionDef = {
  kind: "scalar",
  name: "window",
  doc: doc("window(time_column, window_duration[, slide_duration[, start_time]])", "Bucketizes rows into one or more time windows given a timestamp column; a window is the struct<start, end> of [start, end)."),
  resolve(name, args) {
    checkArity(name, args, 2, 4);
    const window = durationMicros(args[1]!);
    const slide = args.length > 2 ? durationMicros(args[2]!) : window;
    const start = args.length > 3 ? durationMicros(args[3]!) : 0n;
    const resolved = (): ScalarCall => scalarCall(name, [args[0]!, longLiteral(window), longLiteral(slide), longLiteral(start)], StringType, true);
    const ts = timeColumn(resolved, args[0]!);
    const out = [ts, longLiteral(window), longLiteral(slide), longLiteral(start)];
    const call = scalarCall(name, out, windowStructType(structTimeType(exprType(ts))), exprNullable(ts));
    const sql = windowSql(out);
    if (window <= 0n) throw outOfRange(sql, "window_duration", window);
    if (slide <= 0n) throw outOfRange(sql, "slide_duration", slide);
    if (slide > window) throw constraint(sql, "`slide_duration`", slide, "<=", "`window_duration`", window);
    const absStart = start < 0n ? -start : start;
    if (absStart >= slide) throw constraint(sql, "`abs(start_time)`", absStart, "<", "`slide_duration`", slide);
    return call;
  },
  eval() {
    return unevaluable("window");
  },
};

/** The type of a window's start/end: the time column's, or a window struct's start field type. */
function structTimeType(t: DataType): DataType {
  return t.kind === "struct" ? (t.fields[0]?.dataType ?? t) : t;
}

function outOfRange(sqlExpr: string, exprName: string, v: bigint): AnalysisException {
  return new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {
    sqlExpr,
    exprName: `\`${exprName}\``,
    valueRange: `(0, ${LONG_MAX}]`,
    currentValue: `${v}L`,
  });
}

function constraint(sqlExpr: string, left: string, lv: bigint, op: string, right: string, rv: bigint): AnalysisException {
  return new AnalysisException("DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION", {
    sqlExpr,
    leftExprName: left,
    leftExprValue: `${lv}L`,
    constraint: op,
    rightExprName: right,
    rightExprValue: `${rv}L`,
  });
}

/** `session_window(timeColumn, gapDuration)`: the gap a string, an interval, or any column castable to one. */
const SESSION_WINDOW: ScalarFunctionDef = {
  kind: "scalar",
  name: "session_window",
  doc: doc("session_window(time_column, gap_duration)", "Generates session windows given a timestamp column and a gap (static, or an expression per row); sessions of a group that overlap merge when aggregated."),
  resolve(name, args) {
    checkArity(name, args, 2);
    const resolved = (): ScalarCall => scalarCall(name, args, StringType, false);
    const ts = timeColumn(resolved, args[0]!);
    return scalarCall(name, [ts, args[1]!], windowStructType(structTimeType(exprType(ts))), false);
  },
  eval() {
    return unevaluable("session_window");
  },
};

/** `window_time(windowColumn)`: the inclusive end of a time or session window (end - 1 µs). */
const WINDOW_TIME: ScalarFunctionDef = {
  kind: "scalar",
  name: "window_time",
  doc: doc("window_time(window_column)", "Extracts the time value from a time or session window column: the window's end minus one microsecond."),
  resolve(name, args) {
    checkArity(name, args, 1);
    const w = args[0]!;
    const t = exprType(w);
    if (t.kind !== "struct") throw unexpectedInputType(scalarCall(name, args, StringType, true), 0, w, '"STRUCT"');
    return scalarCall(name, args, t.fields[0]?.dataType ?? t, exprNullable(w));
  },
  eval() {
    return unevaluable("window_time");
  },
};

/**
 * Spark's PreciseTimestampConversion(child, fromType, toType): a timestamp read as its long
 * microseconds or back, with no conversion (both share the same storage here). Resolved as
 * `precisetimestampconversion(x)` typed `toType`; explain prints both types.
 */
const PRECISE_TIMESTAMP_CONVERSION: ScalarFunctionDef = {
  kind: "scalar",
  name: "precisetimestampconversion",
  doc: doc("precisetimestampconversion(expr)", "Reinterprets a timestamp as its microseconds since the epoch (a long), or a long as a timestamp; internal to time windows."),
  resolve(name, args) {
    checkArity(name, args, 1, 2);
    const to = args.length === 2 ? exprType(args[1]!) : LongType;
    return scalarCall(name, args.slice(0, 1), to, exprNullable(args[0]!));
  },
  eval([v], call) {
    return retypeVector(v!, call.dataType);
  },
};

/** A timestamp ↔ long reinterpretation of `e` (PreciseTimestampConversion), to `to`. */
export function preciseTimestampConversion(e: Expr, to: DataType): ScalarCall {
  return scalarCall("precisetimestampconversion", [e], to, exprNullable(e));
}

/**
 * Spark's KnownNullable (`castNullable()`): the child's value, declared nullable, which the
 * window rewrite puts on the struct fields so that they match TimeWindow's declared type.
 */
const KNOWN_NULLABLE: ScalarFunctionDef = {
  kind: "scalar",
  name: "knownnullable",
  doc: doc("knownnullable(expr)", "Returns its argument, marked nullable; internal to time windows."),
  resolve(name, args) {
    checkArity(name, args, 1);
    return scalarCall(name, args, exprType(args[0]!), true);
  },
  eval([v]) {
    return v!;
  },
};

/** `knownnullable(e)`. */
export function knownNullable(e: Expr): ScalarCall {
  return scalarCall("knownnullable", [e], exprType(e), true);
}

/** Registry entries for time, session and window-time windows and their rewrite's helpers. */
export const TIME_WINDOW_FUNCTIONS: readonly ScalarFunctionDef[] = [WINDOW, SESSION_WINDOW, WINDOW_TIME, PRECISE_TIMESTAMP_CONVERSION, KNOWN_NULLABLE];
