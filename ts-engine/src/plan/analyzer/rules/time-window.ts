import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { exprSemanticEquals } from "../../../expr/expr-equals.js";
import { exprToString } from "../../../expr/expr-string.js";
import { exprType } from "../../../expr/expr-type.js";
import { newExprId, type Alias, type AttributeRef, type Expr, type ScalarCall } from "../../../expr/expr.js";
import { scalarCall } from "../../../expr/functions/function-def.js";
import { resolveDatetimeIntervalArith } from "../../../expr/functions/datetime-interval.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import {
  SESSION_WINDOW_MARKER,
  TIME_WINDOW_MARKER,
  knownNullable,
  literalMicros,
  longLiteral,
  preciseTimestampConversion,
} from "../../../expr/functions/time-window.js";
import { exprExists, transformExpr } from "../../../expr/transform.js";
import { foldedValue } from "../../../expr/functions/foldable.js";
import { parseCalendarInterval } from "../../../expr/eval/calendar-interval-parse.js";
import { CalendarIntervalType, LongType, StringType, type DataType, type FieldMetadata } from "../../../types/data-type.js";
import { scalaTypeString, sqlTypeName } from "../../../types/type-names.js";
import type { LogicalPlan } from "../../logical-plan.js";
import { expand, filter, project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";

/**
 * Spark's ResolveWindowTime, TimeWindowing and SessionWindowing for one operator: its
 * (resolved) expressions hold `window(...)`, `session_window(...)` or `window_time(...)`
 * calls, which are Unevaluable. Each becomes an attribute that operators added under this
 * one compute:
 * - window_time(w): a Project adding `w.end - 1 µs`;
 * - a tumbling window: Project [named_struct(start, end), input…] over Filter isnotnull(ts);
 * - a sliding window: Filter (ts >= window.start AND ts < window.end) over an Expand with one
 *   projection per window a row may fall in (ceil(window / slide));
 * - a session window: Filter isnotnull(ts) [AND end > start] over Project [[ts, ts + gap)];
 *   an aggregate grouped by it merges overlapping sessions (exec/session-window/).
 * The window column carries Spark's marker in its metadata (spark.timeWindow /
 * spark.sessionWindow), which window_time checks and the aggregate planner reads.
 */
export function extractTimeWindows(input: LogicalPlan, exprs: readonly Expr[]): { plan: LogicalPlan; exprs: Expr[]; substitute: (e: Expr) => Expr } {
  if (!hasTimeWindow(exprs)) return { plan: input, exprs: [...exprs], substitute: (e) => e };
  // a window over a window column windows its window_time (TimeWindowing's struct case)
  let list = exprs.map((e) => transformExpr(e, (x) => (isCall(x, "window") || isCall(x, "session_window")) && exprType(x.args[0]!).kind === "struct" ? { ...x, args: [windowTimeCall(x.args[0]!), ...x.args.slice(1)] } : x));
  let plan = input;
  const wt = resolveWindowTimes(plan, list);
  plan = wt.plan;
  list = wt.exprs;
  const windows: ScalarCall[] = [];
  for (const e of list) {
    exprExists(e, (x) => {
      if ((isCall(x, "window") || isCall(x, "session_window")) && !windows.some((w) => exprSemanticEquals(w, x))) windows.push(x);
      return false;
    });
  }
  if (windows.length === 0) return { plan, exprs: list, substitute: (e) => e };
  // window_time(window(…)) resolves once the window is a column (after the rewrite below)
  const after = (r: { plan: LogicalPlan; exprs: Expr[]; substitute: (e: Expr) => Expr }): { plan: LogicalPlan; exprs: Expr[]; substitute: (e: Expr) => Expr } => {
    const again = resolveWindowTimes(r.plan, r.exprs);
    return again.plan === r.plan ? r : { ...again, substitute: r.substitute };
  };
  if (windows.length > 1) throw new AnalysisException("_LEGACY_ERROR_TEMP_1039", {});
  const w = windows[0]!;
  const r = w.fn === "window" ? timeWindowing(plan, w) : sessionWindowing(plan, w);
  // also for expressions resolved later against the new plan (SQL's select list over GROUP BY window(…))
  const substitute = (e: Expr): Expr => transformExpr(e, (x) => (x.kind === "ScalarCall" && exprSemanticEquals(x, w) ? r.attr : x));
  return after({ plan: r.plan, exprs: list.map(substitute), substitute });
}

/** Whether any of `exprs` holds a window, session_window or window_time call. */
export function hasTimeWindow(exprs: readonly Expr[]): boolean {
  return exprs.some((e) => exprExists(e, (x) => isCall(x, "window") || isCall(x, "session_window") || isCall(x, "window_time")));
}

function isCall(x: Expr, fn: string): x is ScalarCall {
  return x.kind === "ScalarCall" && x.fn === fn;
}

function windowTimeCall(w: Expr): ScalarCall {
  const t = exprType(w);
  if (t.kind !== "struct") throw new InternalError("window_time over a non-struct");
  return scalarCall("window_time", [w], t.fields[0]!.dataType, true);
}

function resolved(fn: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(fn);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${fn}`);
  return def.resolve(fn, args);
}

function stringLit(s: string): Expr {
  return { kind: "Literal", value: s, dataType: StringType };
}

function metadataOf(e: Expr): FieldMetadata {
  return e.kind === "AttributeRef" && e.metadata !== undefined ? e.metadata : {};
}

/** ResolveWindowTime: each window_time(w) is a column `w.end - 1` added by a Project under the operator. */
function resolveWindowTimes(input: LogicalPlan, exprs: readonly Expr[]): { plan: LogicalPlan; exprs: Expr[] } {
  const calls: ScalarCall[] = [];
  for (const e of exprs) {
    exprExists(e, (x) => {
      // over a window call still to be rewritten: resolved after it (extractTimeWindows)
      const pending = isCall(x, "window_time") && exprExists(x.args[0]!, (y) => isCall(y, "window") || isCall(y, "session_window"));
      if (isCall(x, "window_time") && !pending && !calls.some((c) => exprSemanticEquals(c, x))) calls.push(x);
      return false;
    });
  }
  if (calls.length === 0) return { plan: input, exprs: [...exprs] };
  const added: Alias[] = [];
  const attrs: AttributeRef[] = [];
  for (const c of calls) {
    const w = c.args[0]!;
    const meta = metadataOf(w);
    if (meta[TIME_WINDOW_MARKER] === undefined && meta[SESSION_WINDOW_MARKER] === undefined) {
      throw new AnalysisException("_LEGACY_ERROR_TEMP_3101", { windowTime: exprToString(c) });
    }
    const rest: Record<string, FieldMetadata[string]> = {};
    for (const [k, v] of Object.entries(meta)) if (k !== TIME_WINDOW_MARKER && k !== SESSION_WINDOW_MARKER) rest[k] = v;
    const t = c.dataType;
    const end = resolved("get_field", [w, stringLit("end")]);
    const minus = resolved("-", [preciseTimestampConversion(end, LongType), longLiteral(1n)]);
    const name = `window_time(${w.kind === "AttributeRef" ? w.name : exprToString(w)})`;
    const exprId = newExprId();
    const metadata = Object.keys(rest).length === 0 ? undefined : (rest as FieldMetadata);
    added.push({ kind: "Alias", child: preciseTimestampConversion(minus, t), name, exprId, ...(metadata === undefined ? {} : { metadata }) });
    attrs.push({ kind: "AttributeRef", name, dataType: t, nullable: true, exprId, ...(metadata === undefined ? {} : { metadata }) });
  }
  const plan = project(input, [...added, ...outputOf(input)]);
  const out = exprs.map((e) =>
    transformExpr(e, (x) => {
      if (!isCall(x, "window_time")) return x;
      const i = calls.findIndex((c) => exprSemanticEquals(c, x));
      return i < 0 ? x : attrs[i]!;
    }),
  );
  return { plan, exprs: out };
}

/** The window attribute and the plan under the operator that computes it. */
interface Rewritten {
  readonly plan: LogicalPlan;
  readonly attr: AttributeRef;
}

/** The window column: not nullable when a Project computes it (a named_struct), nullable as an Expand's output. */
function windowAttr(name: string, t: DataType, meta: FieldMetadata, marker: string, nullable: boolean): AttributeRef {
  return { kind: "AttributeRef", name, dataType: t, nullable, exprId: newExprId(), metadata: { ...meta, [marker]: true } };
}

/**
 * named_struct(start, s, end, knownnullable(e)) over long microseconds, typed as the time
 * column; TimeWindowing marks both fields knownnullable, SessionWindowing only the end.
 */
function windowStruct(start: Expr, end: Expr, t: DataType, windowType: DataType, nullableStart = true): Expr {
  const s = nullableStart ? knownNullable(preciseTimestampConversion(start, t)) : preciseTimestampConversion(start, t);
  const e = knownNullable(preciseTimestampConversion(end, t));
  return scalarCall("named_struct", [stringLit("start"), s, stringLit("end"), e], windowType, false);
}

/** TimeWindowing: tumbling windows as a Project over a null filter, sliding ones as an Expand and a range filter. */
function timeWindowing(input: LogicalPlan, w: ScalarCall): Rewritten {
  const ts = w.args[0]!;
  const t = exprType(ts);
  const windowDuration = literalMicros(w.args[1]);
  const slide = literalMicros(w.args[2]);
  const startTime = literalMicros(w.args[3]);
  const tumbling = windowDuration === slide;
  const attr = windowAttr("window", w.dataType, metadataOf(ts), TIME_WINDOW_MARKER, !tumbling);
  const nth = (i: number): Expr => {
    const micros = preciseTimestampConversion(ts, LongType);
    const remainder = (): Expr => resolved("%", [resolved("-", [micros, longLiteral(startTime)]), longLiteral(slide)]);
    const adjusted: Expr = {
      kind: "CaseWhen",
      // Spark writes `< 0` with an int literal its coercion casts: the folded plan shows a long 0
      branches: [[resolved("<", [remainder(), longLiteral(0n)]), resolved("+", [remainder(), longLiteral(slide)])]],
      elseValue: remainder(),
      dataType: LongType,
    };
    const lastStart = resolved("-", [micros, adjusted]);
    const windowStart = resolved("-", [lastStart, longLiteral(BigInt(i) * slide)]);
    const windowEnd = resolved("+", [windowStart, longLiteral(windowDuration)]);
    return windowStruct(windowStart, windowEnd, t, w.dataType);
  };
  const childOutput = outputOf(input);
  if (tumbling) {
    const alias: Alias = { kind: "Alias", child: nth(0), name: "window", exprId: attr.exprId, metadata: attr.metadata! };
    return { plan: project(filter(input, resolved("isnotnull", [ts])), [alias, ...childOutput]), attr };
  }
  const overlapping = Number((windowDuration + slide - 1n) / slide);
  const projections = Array.from({ length: overlapping }, (_x, i) => [nth(i), ...childOutput]);
  // Spark 4: when the slide divides the window, every projected window holds its row, so only nulls go
  const keep =
    windowDuration % slide === 0n
      ? resolved("isnotnull", [ts])
      : resolved("and", [
          resolved(">=", [ts, resolved("get_field", [attr, stringLit("start")])]),
          resolved("<", [ts, resolved("get_field", [attr, stringLit("end")])]),
        ]);
  return { plan: filter(expand(input, projections, [attr, ...childOutput]), keep), attr };
}

/** SessionWindowing: each row's session [ts, ts + gap), then rows without a time (or with an empty session) filtered out. */
function sessionWindowing(input: LogicalPlan, w: ScalarCall): Rewritten {
  const ts = w.args[0]!;
  const t = exprType(ts);
  const gapArg = w.args[1]!;
  const gt = exprType(gapArg);
  let gap: Expr;
  // a calendar interval as is, a string cast to one (Cast.canCast); ANSI intervals cannot be
  if (gt.kind === "calendar_interval") gap = gapArg;
  // a constant string is folded here, as Spark's optimizer folds its cast (`ts + 5 minutes` in plans)
  else if (gapArg.kind === "Literal" && (gt.kind === "string" || gt.kind === "null")) gap = { kind: "Literal", value: gapArg.value === null ? null : parseCalendarInterval(String(gapArg.value)), dataType: CalendarIntervalType };
  else if (gt.kind === "string") gap = { kind: "Cast", child: gapArg, dataType: CalendarIntervalType };
  else throw new AnalysisException("_LEGACY_ERROR_TEMP_1040", { dt: scalaTypeString(gt) });
  const attr = windowAttr("session_window", w.dataType, metadataOf(ts), SESSION_WINDOW_MARKER, false);
  const start = preciseTimestampConversion(ts, LongType);
  const plus = resolveDatetimeIntervalArith("+", ts, gap);
  if (plus === null) throw new InternalError(`cannot add ${sqlTypeName(exprType(gap))} to ${sqlTypeName(t)}`);
  const end = preciseTimestampConversion(plus, LongType);
  const alias: Alias = { kind: "Alias", child: windowStruct(start, end, t, w.dataType, false), name: "session_window", exprId: attr.exprId, metadata: attr.metadata! };
  const projected = project(input, [alias, ...outputOf(input)]);
  // a constant gap that is positive needs no check of each session's length (SessionWindowing's filterByTimeRange)
  const folded = foldedValue(gap);
  const staticPositive = folded !== null && folded.value !== null && positiveInterval(folded.value);
  const notNull = resolved("isnotnull", [ts]);
  const cond = staticPositive
    ? notNull
    : resolved("and", [notNull, resolved(">", [resolved("get_field", [attr, stringLit("end")]), resolved("get_field", [attr, stringLit("start")])])]);
  return { plan: filter(projected, cond), attr };
}

function positiveInterval(v: unknown): boolean {
  const x = v as { months: number; days: number; microseconds: bigint };
  return BigInt(x.months) + BigInt(x.days) + x.microseconds > 0n;
}
