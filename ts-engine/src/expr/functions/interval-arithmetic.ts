import type { Vector } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import { CalendarIntervalType, DoubleType, dayTimeIntervalType, isInterval, isNumeric, yearMonthIntervalType, type DataType } from "../../types/data-type.js";
import { calendarAddSub } from "../kernels/calendar-interval-arith.js";
import { widerType } from "../../types/coercion.js";
import type { ArithOp } from "../kernels/arith-op.js";
import { intervalAddSub, intervalScale } from "../kernels/interval-arith.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { implicitCast, scalarCall } from "./function-def.js";

/**
 * Spark's interval arithmetic typing: interval ± interval of one family widens to the interval
 * spanning both field ranges; interval × number, number × interval and interval ÷ number give
 * DAY TO SECOND / YEAR TO MONTH (MultiplyDTInterval, DivideYMInterval …). Null when the
 * operands are not such a pair, so the caller's numeric rules apply.
 */
export function resolveIntervalArith(op: ArithOp, l: Expr, r: Expr): Expr | null {
  const lt = exprType(l);
  const rt = exprType(r);
  if ((op === "+" || op === "-") && lt.kind === "calendar_interval" && rt.kind === "calendar_interval") {
    return scalarCall(op, [l, r], CalendarIntervalType, exprNullable(l) || exprNullable(r));
  }
  const scaleBy = (iv: Expr, num: Expr, fn: string): Expr => scalarCall(fn, [iv, implicitCast(num, DoubleType)], CalendarIntervalType, true);
  if (op === "*" && lt.kind === "calendar_interval" && isNumeric(rt)) return scaleBy(l, r, "multiply_interval");
  if (op === "*" && isNumeric(lt) && rt.kind === "calendar_interval") return scaleBy(r, l, "multiply_interval");
  if (op === "/" && lt.kind === "calendar_interval" && isNumeric(rt)) return scaleBy(l, r, "divide_interval");
  if (!isInterval(lt) && !isInterval(rt)) return null;
  if ((op === "+" || op === "-") && isInterval(lt) && isInterval(rt) && lt.kind === rt.kind) {
    const out = widerType(lt, rt)!;
    return scalarCall(op, [implicitCast(l, out), implicitCast(r, out)], out, exprNullable(l) || exprNullable(r));
  }
  const scaled = (iv: DataType): DataType => (iv.kind === "year_month_interval" ? yearMonthIntervalType() : dayTimeIntervalType());
  // Spark's Multiply/Divide(YM|DT)Interval: null only from a null operand (overflow and ÷0 raise)
  const nullable = exprNullable(l) || exprNullable(r);
  if (op === "*" && isInterval(lt) && isNumeric(rt)) return scalarCall(op, [l, r], scaled(lt), nullable);
  if (op === "*" && isNumeric(lt) && isInterval(rt)) return scalarCall(op, [r, l], scaled(rt), nullable);
  if (op === "/" && isInterval(lt) && isNumeric(rt)) return scalarCall(op, [l, r], scaled(lt), nullable);
  return null;
}

/** Evaluates a call resolveIntervalArith built (the interval operand first for × and ÷). */
export function evalIntervalArith(op: ArithOp, a: Vector, b: Vector, resultType: DataType, ansi: boolean): Vector {
  if (resultType.kind === "calendar_interval" && (op === "+" || op === "-")) return calendarAddSub(op, a, b, ansi);
  if (op === "+" || op === "-") return intervalAddSub(op, a, b, resultType, ansi);
  if (op === "*" || op === "/") return intervalScale(op, a, b, resultType, ansi);
  throw new InternalError(`interval ${op}`);
}
