import { AnalysisException } from "../../errors/spark-exception.js";
import { DateType, DoubleType, IntegerType, LongType, decimalType, isIntegral, isInterval, isNumeric, type DataType, type DecimalType } from "../../types/data-type.js";
import { asDecimal, binaryOperandType } from "../../types/coercion.js";
import { arithmetic, negate, type ArithOp } from "../kernels/arithmetic.js";
import { decimalArithmetic, decimalNegate, decimalResultType } from "../kernels/decimal-arith.js";
import { intervalNegate } from "../kernels/interval-arith.js";
import { calendarNegate } from "../kernels/calendar-interval-arith.js";
import { evalIntervalArith, resolveIntervalArith } from "./interval-arithmetic.js";
import { resolveDatetimeIntervalArith } from "./datetime-interval.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { checkArity, implicitCast, quotedSql, quotedType, scalarCall, unexpectedInputType, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";

/**
 * Spark's arithmetic type rule: both sides widen to a common numeric type (int+long=long,
 * anything+double=double); `/` computes in double unless a side is decimal, `div` in bigint.
 * Decimal with integral/decimal stays exact with Spark's result precision and scale.
 */
function operandType(name: string, l: DataType, r: DataType): DataType | null {
  const common = binaryOperandType(l, r);
  if (common === null || !isNumeric(common)) return null;
  if (name === "/") return DoubleType;
  if (name === "div") return LongType;
  return common.kind === "decimal" ? DoubleType : common;
}

function binaryArith(op: ArithOp, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: op,
    doc,
    resolve(name, args, settings) {
      checkArity(name, args, 2);
      const [l, r] = args as [Expr, Expr];
      const lt = exprType(l);
      const rt = exprType(r);
      const dateArith = dateShift(op, l, r, lt, rt);
      if (dateArith !== null) return dateArith;
      const datetimeArith = resolveDatetimeIntervalArith(op, l, r);
      if (datetimeArith !== null) return datetimeArith;
      const intervalArith = resolveIntervalArith(op, l, r);
      if (intervalArith !== null) return intervalArith;
      const dl = minimalLiteralDecimal(l, rt) ?? asDecimal(lt);
      const dr = minimalLiteralDecimal(r, lt) ?? asDecimal(rt);
      if (dl !== null && dr !== null && (lt.kind === "decimal" || rt.kind === "decimal") && op !== "div") {
        const out = decimalResultType(op, dl, dr, settings?.decimalAllowPrecisionLoss ?? true);
        return scalarCall(op, [implicitCast(l, dl), implicitCast(r, dr)], out, true);
      }
      const t = operandType(op, lt, rt);
      const node = scalarCall(op, args, t ?? lt, true);
      if (t === null) {
        throw new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
          sqlExpr: quotedSql(node),
          left: quotedType(lt),
          right: quotedType(rt),
        });
      }
      const nullable = exprNullable(l) || exprNullable(r) || op === "/" || op === "%" || op === "div";
      return scalarCall(op, [implicitCast(l, t), implicitCast(r, t)], t, nullable);
    },
    eval([a, b], call, ctx) {
      if (call.dataType.kind === "decimal") return decimalArithmetic(op, a!, b!, call.dataType, ctx.ansi);
      if (isInterval(call.dataType) || call.dataType.kind === "calendar_interval") return evalIntervalArith(op, a!, b!, call.dataType, ctx.ansi);
      return arithmetic(op, a!, b!, call.dataType, ctx.ansi);
    },
  };
}

/**
 * Spark's DecimalPrecision (literalPickMinimumPrecision): an integral literal beside a decimal
 * becomes decimal(digits, 0), not its type's full width, so `1.0 / 3` is decimal(7,6).
 */
function minimalLiteralDecimal(e: Expr, other: DataType): DecimalType | null {
  if (other.kind !== "decimal" || e.kind !== "Literal" || e.value === null || !isIntegral(e.dataType)) return null;
  const v = e.value;
  if (typeof v !== "number" && typeof v !== "bigint") return null;
  const digits = (typeof v === "bigint" ? (v < 0n ? -v : v) : Math.abs(v)).toString().length;
  return decimalType(digits, 0);
}

/** `date + int` / `int + date` / `date - int` are date_add / date_sub in Spark (their entries are datetime-arith.ts's). */
function dateShift(op: ArithOp, l: Expr, r: Expr, lt: DataType, rt: DataType): Expr | null {
  const integral = (t: DataType): boolean => t.kind === "byte" || t.kind === "short" || t.kind === "integer";
  if (op === "+" && lt.kind === "date" && integral(rt)) return scalarCall("date_add", [l, implicitCast(r, IntegerType)], DateType, true);
  if (op === "+" && rt.kind === "date" && integral(lt)) return scalarCall("date_add", [r, implicitCast(l, IntegerType)], DateType, true);
  if (op === "-" && lt.kind === "date" && integral(rt)) return scalarCall("date_sub", [l, implicitCast(r, IntegerType)], DateType, true);
  return null;
}

function unaryMinus(fnName: string, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: fnName,
    doc,
    resolve(name, args) {
      checkArity(name, args, 1);
      const a = args[0]!;
      const t = exprType(a);
      const node = scalarCall(fnName, args, t, exprNullable(a));
      if (t.kind === "string") return scalarCall(fnName, [implicitCast(a, DoubleType)], DoubleType, true);
      if (!isNumeric(t) && !isInterval(t) && t.kind !== "calendar_interval") throw unexpectedInputType(node, 0, a, '"NUMERIC"');
      return node;
    },
    eval([a], _call, ctx) {
      if (a!.type.kind === "decimal") return decimalNegate(a!);
      if (isInterval(a!.type)) return intervalNegate(a!, ctx.ansi);
      if (a!.type.kind === "calendar_interval") return calendarNegate(a!, ctx.ansi);
      return negate(a!, ctx.ansi);
    },
  };
}

/** Registry entries for `+ - * / % div`, `negative` (Column API) and `unary_minus` (SQL `-x`). */
export const ARITHMETIC_FUNCTIONS: readonly ScalarFunctionDef[] = [
  binaryArith("+", doc("expr1 + expr2", "Returns `expr1` plus `expr2` (dates plus days, as date_add).")),
  binaryArith("-", doc("expr1 - expr2", "Returns `expr1` minus `expr2` (dates minus days, as date_sub).")),
  binaryArith("*", doc("expr1 * expr2", "Returns `expr1` times `expr2`.")),
  binaryArith("/", doc("expr1 / expr2", "Returns `expr1` divided by `expr2`, always fractional (double, or decimal for decimals); division by zero raises under ANSI.")),
  binaryArith("%", doc("expr1 % expr2", "Returns the remainder of `expr1` / `expr2`, with the sign of `expr1`.")),
  binaryArith("div", doc("expr1 div expr2", "Divides `expr1` by `expr2` and returns the integral part as a bigint.")),
  unaryMinus("negative", doc("negative(expr)", "Returns the negated value of `expr`.")),
  unaryMinus("unary_minus", doc("-expr", "Returns the negated value of `expr` (the unary minus operator).")),
];
