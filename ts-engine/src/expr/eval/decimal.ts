import type { DataType, DecimalType } from "../../types/data-type.js";
import { SparkException } from "../../errors/spark-exception.js";
import { sqlTypeName } from "../../types/type-names.js";
import { fitsPrecision, formatUnscaled, unscaled } from "../../columnar/decimal-value.js";

export { formatUnscaled, unscaled };

/**
 * Row-wise decimal helpers over the canonical text convention (`-12.50`); vectorized code
 * works on the unscaled storage directly (columnar/decimal-value.ts, kernels/decimal-arith.ts).
 */
export function decimalToNumber(s: string): number {
  return Number(s);
}

/** Spark's NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION for a value that does not fit `to`. */
export function decimalOverflow(text: string, to: DecimalType): SparkException {
  return new SparkException("ArithmeticException", "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", {
    value: text,
    precision: String(to.precision),
    scale: String(to.scale),
    config: '"spark.sql.ansi.enabled"',
  });
}

/** Rescales decimal text to `to`'s scale; values needing more than `precision` digits overflow. */
export function rescaleDecimal(text: string, to: DataType, o: { readonly ansi: boolean }): string | null {
  const t = to as DecimalType;
  const v = unscaled(text, t.scale);
  if (!fitsPrecision(v, t.precision)) {
    if (o.ansi) throw decimalOverflow(text, t);
    return null;
  }
  return formatUnscaled(v, t.scale);
}

/** A number (int, long or double) as decimal text at `to`'s precision and scale. */
export function decimalFromNumber(x: number | bigint, _from: DataType, to: DataType, o: { readonly ansi: boolean }): string | null {
  // NaN has no decimal value: null even under ANSI (Spark's Decimal cast); ±Infinity overflows.
  if (typeof x === "number" && Number.isNaN(x)) return null;
  if (typeof x === "number" && !Number.isFinite(x)) {
    if (o.ansi) throw decimalOverflow(String(x), to as DecimalType);
    return null;
  }
  return rescaleDecimal(typeof x === "bigint" ? x.toString() : String(x), to, o);
}

/** SQL name used in messages for a decimal type. */
export function decimalSqlName(t: DecimalType): string {
  return sqlTypeName(t);
}
