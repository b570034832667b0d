import type { DataType, DayTimeIntervalType, YearMonthIntervalType } from "../../types/data-type.js";
import { SparkException } from "../../errors/spark-exception.js";
import { intervalTypeString } from "../../types/atomic-names.js";
import { castOverflow, numericSqlValue } from "./errors.js";
/** What an interval cast needs of the cast options (cast-value's CastOptions has it). */
interface CastOptions {
  readonly ansi: boolean;
}
import { rescaleDecimal } from "./decimal.js";
import { formatUnscaled } from "../../columnar/decimal-value.js";

/** Microseconds per day-time field (DAY, HOUR, MINUTE, SECOND). */
const MICROS_PER_FIELD: readonly bigint[] = [86_400_000_000n, 3_600_000_000n, 60_000_000n, 1_000_000n];
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A long in the vector convention: a number within ±2^53, a bigint beyond. */
export function normalizeMicros(v: bigint): number | bigint {
  return v <= SAFE && v >= -SAFE ? Number(v) : v;
}

/** The value shape of each interval qualifier, as Spark's IntervalUtils.supportedFormat lists it. */
const SHAPES: Readonly<Record<string, string>> = {
  "year": "y", "year to month": "y-m", "month": "m",
  "day": "d", "day to hour": "d h", "day to minute": "d h:m", "day to second": "d h:m:s.n",
  "hour": "h", "hour to minute": "h:m", "hour to second": "h:m:s.n",
  "minute": "m", "minute to second": "m:s.n", "second": "s.n",
};

/** Spark's INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING for text that is no interval of `to`. */
export function invalidIntervalFormat(input: string, to: DayTimeIntervalType | YearMonthIntervalType): SparkException {
  const name = intervalTypeString(to);
  const qualifier = name.slice("interval ".length);
  const shape = SHAPES[qualifier] ?? qualifier;
  // Day-time text gets Spark's notice about the pre-3.0 parser (…_WITH_NOTICE).
  const cls = to.kind === "day_time_interval" ? "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE" : "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING";
  return new SparkException("IllegalArgumentException", cls, {
    input,
    intervalStr: to.kind === "day_time_interval" ? "day-time" : "year-month",
    supportedFormat: `\`[+|-]${shape}\`, \`INTERVAL [+|-]'[+|-]${shape}' ${qualifier.toUpperCase()}\``,
    typeName: name,
  });
}

/** The months (year-month) or microseconds (day-time) one unit of the interval's end field holds. */
function endUnit(t: DayTimeIntervalType | YearMonthIntervalType): bigint {
  if (t.kind === "year_month_interval") return t.endField === 0 ? 12n : 1n;
  return MICROS_PER_FIELD[t.endField]!;
}

/**
 * Casts from an interval: to another interval of the family (truncated to the target's end
 * field, as Spark's durationToMicros / periodToMonths), to an integral type (the count of
 * end-field units, single-field intervals only: Spark rejects the rest at analysis), or to
 * decimal/double through that count.
 */
export function castInterval(x: number | bigint, from: DataType, to: DataType, o: CastOptions): unknown {
  const v = BigInt(x);
  if (from.kind !== "day_time_interval" && from.kind !== "year_month_interval") return null;
  if (to.kind === from.kind) {
    const unit = endUnit(to);
    const r = v - (v % unit);
    return to.kind === "year_month_interval" ? Number(r) : normalizeMicros(r);
  }
  const count = v / endUnit(from);
  switch (to.kind) {
    case "byte":
    case "short":
    case "integer":
    case "long": {
      const bits = to.kind === "byte" ? 8 : to.kind === "short" ? 16 : to.kind === "integer" ? 32 : 64;
      const wrapped = BigInt.asIntN(bits, count);
      if (wrapped !== count) {
        if (o.ansi) throw castOverflow(numericSqlValue(x, from), from, to);
        return null;
      }
      return bits === 64 ? normalizeMicros(count) : Number(count);
    }
    case "decimal":
      // The count of end-field units, exactly (a SECOND interval keeps its microseconds).
      return rescaleDecimal(formatUnscaled((v * 1_000_000n) / endUnit(from), 6), to, o);
    default:
      return null;
  }
}

/** Casts an integral number to a single-field interval: that many units of its field (overflow raises whatever the mode, as Spark). */
export function numberToInterval(num: number | bigint, from: DataType, to: DataType): unknown {
  if (to.kind !== "day_time_interval" && to.kind !== "year_month_interval") return null;
  const n = typeof num === "bigint" ? num : BigInt(Math.trunc(num));
  const r = n * endUnit(to);
  const max = to.kind === "year_month_interval" ? 2147483647n : 2n ** 63n - 1n;
  if (r > max || r < -max - 1n) throw castOverflow(numericSqlValue(num, from), from, to);
  return to.kind === "year_month_interval" ? Number(r) : normalizeMicros(r);
}

/** A decimal count of the single field's units as an interval, rounded HALF_UP to whole micros/months. */
export function decimalToInterval(text: string, to: DataType): unknown {
  if (to.kind !== "day_time_interval" && to.kind !== "year_month_interval") return null;
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (m === null) return null;
  const frac = m[3] ?? "";
  const unscaled = BigInt(`${m[1]}${m[2] || "0"}${frac}`);
  const scale = 10n ** BigInt(frac.length);
  const n = unscaled * endUnit(to);
  const q = n / scale;
  const r = n % scale;
  const twice = (r < 0n ? -r : r) * 2n;
  const v = twice >= scale ? (n < 0n ? q - 1n : q + 1n) : q;
  const max = to.kind === "year_month_interval" ? 2147483647n : 2n ** 63n - 1n;
  if (v > max || v < -max - 1n) throw castOverflow(text, { kind: "decimal", precision: 38, scale: frac.length }, to);
  return to.kind === "year_month_interval" ? Number(v) : normalizeMicros(v);
}
