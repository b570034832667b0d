import { assertNever } from "../../errors/assert-never.js";
import { SparkException } from "../../errors/spark-exception.js";
import type { DataType } from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";
import { doubleToString, floatToString } from "./to-string.js";

const ANSI_CONF = '"spark.sql.ansi.enabled"';

/** ARITHMETIC_OVERFLOW as Spark raises it (SparkArithmeticException → PySpark ArithmeticException). */
export function arithmeticOverflow(typeWord: string, tryFn: string | null): SparkException {
  return new SparkException("ArithmeticException", "ARITHMETIC_OVERFLOW", {
    message: `${typeWord} overflow`,
    alternative: tryFn === null ? "" : ` Use '${tryFn}' to tolerate overflow and return NULL instead.`,
    config: ANSI_CONF,
  });
}

/** DIVIDE_BY_ZERO (ANSI mode), raised for `/`, `%` and `div` by zero. */
export function divideByZero(): SparkException {
  return new SparkException("ArithmeticException", "DIVIDE_BY_ZERO", { config: ANSI_CONF });
}

/** The PySpark exception class Spark's CAST_INVALID_INPUT surfaces as, by target type. */
function castInvalidExceptionName(to: DataType): string {
  switch (to.kind) {
    case "boolean":
      return "SparkRuntimeException";
    case "date":
    case "timestamp":
    case "timestamp_ntz":
      return "DateTimeException";
    case "null":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "string":
    case "binary":
    case "decimal":
    case "day_time_interval":
    case "year_month_interval":
    case "calendar_interval":
    case "variant":
    case "array":
    case "map":
    case "struct":
      return "NumberFormatException";
    default:
      return assertNever(to);
  }
}

/** CAST_INVALID_INPUT for a malformed string (`'x'` cannot be cast to "INT"). */
export function castInvalidInput(value: string, from: DataType, to: DataType): SparkException {
  return new SparkException(castInvalidExceptionName(to), "CAST_INVALID_INPUT", {
    expression: `'${value.replace(/'/g, "\\'")}'`,
    sourceType: `"${sqlTypeName(from)}"`,
    targetType: `"${sqlTypeName(to)}"`,
    ansiConfig: ANSI_CONF,
  });
}

/** CAST_OVERFLOW (`9223372036854775807L` of "BIGINT" cannot be cast to "INT"). */
export function castOverflow(valueSql: string, from: DataType, to: DataType): SparkException {
  return new SparkException("ArithmeticException", "CAST_OVERFLOW", {
    value: valueSql,
    sourceType: `"${sqlTypeName(from)}"`,
    targetType: `"${sqlTypeName(to)}"`,
    ansiConfig: ANSI_CONF,
  });
}

/** Spark's SQL literal text of a numeric value in error messages (`1L`, `2S`, `3Y`, `1.5D`). */
export function numericSqlValue(x: number | bigint, from: DataType): string {
  // Doubles print as Java does (`3.0E10D`), like Spark's literal SQL text.
  const body =
    typeof x === "bigint" ? x.toString() : from.kind === "double" ? doubleToString(x) : from.kind === "float" ? floatToString(x) : String(x);
  // Spark writes NaN and ±Infinity without a type suffix.
  if (typeof x === "number" && !Number.isFinite(x)) return body;
  switch (from.kind) {
    case "long":
      return `${body}L`;
    case "short":
      return `${body}S`;
    case "byte":
      return `${body}Y`;
    case "double":
      return `${body}D`;
    case "float":
      return `${body}F`;
    case "null":
    case "boolean":
    case "integer":
    case "string":
    case "binary":
    case "date":
    case "timestamp":
    case "timestamp_ntz":
    case "decimal":
    case "day_time_interval":
    case "year_month_interval":
    case "calendar_interval":
    case "variant":
    case "array":
    case "map":
    case "struct":
      return body;
    default:
      return assertNever(from);
  }
}
