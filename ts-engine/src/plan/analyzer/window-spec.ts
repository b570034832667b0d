import { isGroupedAggPandasUdf } from "../../expr/python-eval-type.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import type { Expr, SortOrder, WindowExpression } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import { exprPrettySql, exprToString } from "../../expr/expr-string.js";
import { lookupFunction } from "../../expr/functions/registry.js";
import { quotedSql, quotedType } from "../../expr/functions/function-def.js";
import { boundaryPosition, frameEquals, frameExplain, frameSql, RUNNING_RANGE, WHOLE_PARTITION, type WindowFrame } from "../../expr/window-frame.js";
import { isOrderable } from "../../types/orderable.js";
import { noPlan } from "./no-plan.js";
import { isInterval, isNumeric, type DataType } from "../../types/data-type.js";

/** Whether `e` is a call of a window function (row_number, lag …: a "window" registry entry). */
export function isWindowFunctionCall(e: Expr): boolean {
  return e.kind === "ScalarCall" && lookupFunction(e.fn)?.kind === "window";
}

/** Spark's default frame: the whole partition without ORDER BY, else RANGE UNBOUNDED PRECEDING … CURRENT ROW. */
function defaultFrame(orderSpec: readonly SortOrder[]): WindowFrame {
  return orderSpec.length === 0 ? WHOLE_PARTITION : RUNNING_RANGE;
}

/** Order key types a RANGE frame with integer offsets may use: numbers, dates (days) and ANSI intervals. */
function rangeKeyType(t: DataType): boolean {
  return isNumeric(t) || isInterval(t) || t.kind === "date";
}

/** `(PARTITION BY k ORDER BY v ASC NULLS FIRST RANGE BETWEEN …)`: a window spec as Spark's messages quote it. */
function specSql(w: WindowExpression): string {
  const full = exprPrettySql(w);
  return full.slice(full.indexOf(" OVER ") + " OVER ".length);
}

/** Spark's SpecifiedWindowFrame.checkInputDataTypes and the RANGE checks of WindowSpecDefinition. */
function checkFrame(w: WindowExpression): void {
  const f = w.frame;
  const frameText = `"${frameSql(f)}"`;
  if (boundaryPosition(f.lower) > boundaryPosition(f.upper)) {
    throw new AnalysisException("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", { sqlExpr: frameText, comparison: "less than or equal" });
  }
  if (f.type !== "range" || (f.lower.kind !== "offset" && f.upper.kind !== "offset")) return;
  if (w.orderSpec.length === 0) throw new AnalysisException("DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER", { sqlExpr: `"${specSql(w)}"` });
  if (w.orderSpec.length > 1) {
    throw new AnalysisException("DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER", { sqlExpr: `"${specSql(w)}"`, orderSpec: w.orderSpec.map((o) => exprToString(o)).join(",") });
  }
  const keyType = exprType(w.orderSpec[0]!.child);
  if (!rangeKeyType(keyType)) {
    throw new AnalysisException("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", {
      sqlExpr: frameText,
      location: f.lower.kind === "offset" ? "lower" : "upper",
      exprType: quotedType(keyType),
      expectedType: '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")',
    });
  }
}

/** Partition and order keys must be orderable (the window sorts its input by them). */
function checkKeys(partitionSpec: readonly Expr[], orderSpec: readonly SortOrder[]): void {
  for (const p of partitionSpec) {
    const t = exprType(p);
    if (!isOrderable(t)) throw new AnalysisException("EXPRESSION_TYPE_IS_NOT_ORDERABLE", { expr: quotedSql(p), exprType: quotedType(t) });
  }
  for (const o of orderSpec) {
    const t = exprType(o.child);
    if (!isOrderable(t)) {
      throw new AnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", { sqlExpr: quotedSql(o), functionName: "`sortorder`", dataType: quotedType(t) });
    }
  }
}

/**
 * A resolved window expression, checked as Spark's analyzer does: the function must be a
 * window function or an aggregate (not DISTINCT); ranking and offset functions need an ORDER
 * BY and run in their own frame (lag and lead take none; a ranking function's written frame
 * must equal its own); keys must be orderable; the frame must be well formed. Without a
 * frame, Spark's default.
 */
export function windowExpression(rawFn: Expr, partitionSpec: readonly Expr[], orderSpec: readonly SortOrder[], userFrame: WindowFrame | undefined): WindowExpression {
  let fn = rawFn;
  while (fn.kind === "Alias") fn = fn.child;
  checkKeys(partitionSpec, orderSpec);
  if (fn.kind === "AggCall") {
    const w: WindowExpression = { kind: "WindowExpression", fn, partitionSpec, orderSpec, frame: userFrame ?? defaultFrame(orderSpec) };
    if (fn.isDistinct) throw new AnalysisException("DISTINCT_WINDOW_FUNCTION_UNSUPPORTED", { windowExpr: `"${exprPrettySql(w)}"` });
    checkFrame(w);
    return w;
  }
  if (fn.kind === "PythonUDF" && isGroupedAggPandasUdf(fn)) {
    // Spark's ArrowWindowPython: any ROWS or RANGE frame, the default one without a frame
    const w: WindowExpression = { kind: "WindowExpression", fn, partitionSpec, orderSpec, frame: userFrame ?? defaultFrame(orderSpec) };
    checkFrame(w);
    return w;
  }
  const def = fn.kind === "ScalarCall" ? lookupFunction(fn.fn) : undefined;
  if (fn.kind !== "ScalarCall" || def?.kind !== "window") {
    throw new AnalysisException("UNSUPPORTED_EXPR_FOR_WINDOW", { sqlExpr: quotedSql(fn) });
  }
  if (def.framelessOffset === true && userFrame !== undefined) {
    throw noPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1035", { prettyName: fn.fn }));
  }
  if (def.requiresOrder && orderSpec.length === 0) {
    throw noPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1037", { wf: exprToString(fn) }));
  }
  const call = def.withOrder === undefined ? fn : def.withOrder(fn, orderSpec.map((o) => o.child));
  const required = def.requiredFrame(call);
  if (required !== undefined && userFrame !== undefined && !frameEquals(required, userFrame)) {
    throw noPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1036", { wf: frameExplain(userFrame), required: frameExplain(required) }));
  }
  const w: WindowExpression = { kind: "WindowExpression", fn: call, partitionSpec, orderSpec, frame: required ?? userFrame ?? defaultFrame(orderSpec) };
  checkFrame(w);
  return w;
}
