import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { SparkException } from "../../errors/spark-exception.js";
import { DateType, DoubleType, TimestampNTZType, TimestampType, decimalType, type DataType } from "../../types/data-type.js";
import { daysFromCivil, daysInMonth, floorDiv } from "../datetime/civil.js";
import { zoneRulesOrUtc } from "../datetime/zone-rules.js";
import { castVector } from "../eval/cast.js";
import type { EvalContext } from "../eval/eval-context.js";
import { compactValidity, dateVector, timestampVector, writableValidity } from "../eval/datetime-vectors.js";
import { andValidityAll } from "../eval/vectors.js";
import { exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { checkArity, doc, implicitCast, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg, constantText, textAt } from "./datetime-args.js";
import { zoneArg } from "./datetime-zone.js";

/**
 * make_date and the make_timestamp family: fields to a date or timestamp, with Java's
 * LocalDate/LocalDateTime range checks. Invalid fields raise DATETIME_FIELD_OUT_OF_BOUNDS under
 * ANSI mode (Java's message) and give null otherwise; the try_ forms always give null.
 */

const MONTH_NAMES = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"];

/** Java's message for invalid date fields, or null when the date exists. */
export function dateFieldError(y: number, m: number, d: number): string | null {
  if (y < -999999999 || y > 999999999) return `Invalid value for Year (valid values -999999999 - 999999999): ${y}`;
  if (m < 1 || m > 12) return `Invalid value for MonthOfYear (valid values 1 - 12): ${m}`;
  if (d < 1 || d > 31) return `Invalid value for DayOfMonth (valid values 1 - 28/31): ${d}`;
  if (d > daysInMonth(y, m)) {
    return m === 2 && d === 29 ? `Invalid date 'February 29' as '${y}' is not a leap year` : `Invalid date '${MONTH_NAMES[m - 1]} ${d}'`;
  }
  return null;
}

function outOfBounds(message: string): SparkException {
  return new SparkException("DateTimeException", "DATETIME_FIELD_OUT_OF_BOUNDS", { rangeMessage: message, ansiConfig: '"spark.sql.ansi.enabled"' });
}

function nums(v: Vector): ArrayLike<number> {
  return numberData(v) ?? Float64Array.from(expectStorage(v, "i64big").data, Number);
}

const MAKE_DATE: ScalarFunctionDef = {
  kind: "scalar",
  name: "make_date",
  doc: doc("make_date(year, month, day)", "Creates a date from year, month and day fields."),
  resolve(_n, args) {
    checkArity("make_date", args, 3);
    return scalarCall("make_date", args.map((_, i) => coerceArg("make_date", args, i, "int", DateType)), DateType, true);
  },
  eval(args, _call, ctx) {
    const [y, m, d] = args.map(nums) as [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];
    const n = args[0]!.length;
    const out = new Int32Array(n);
    const validity = writableValidity(andValidityAll(args, n), n);
    for (let i = 0; i < n; i++) {
      if (validity[i] === 0) continue;
      const err = dateFieldError(y[i]!, m[i]!, d[i]!);
      if (err !== null) {
        if (ctx.ansi) throw outOfBounds(err);
        validity[i] = 0;
      } else out[i] = daysFromCivil(y[i]!, m[i]!, d[i]!);
    }
    return dateVector(out, compactValidity(validity));
  },
};

const SECONDS_TYPE = decimalType(16, 6);

/** Java's message for invalid time fields (seconds with fraction as micros), or null. */
function timeFieldError(h: number, mi: number, secMicros: number): string | null {
  if (h < 0 || h > 23) return `Invalid value for HourOfDay (valid values 0 - 23): ${h}`;
  if (mi < 0 || mi > 59) return `Invalid value for MinuteOfHour (valid values 0 - 59): ${mi}`;
  const s = Math.floor(secMicros / 1e6);
  // 60 seconds with no fraction is the next minute (PostgreSQL compatibility, as Spark).
  if (s === 60 && secMicros % 1e6 === 0) return null;
  if (s < 0 || s > 59) return `Invalid value for SecondOfMinute (valid values 0 - 59): ${s}`;
  return null;
}

/** make_timestamp-like entries. `zoned`: the result is a TIMESTAMP read in a zone (the optional 7th argument or the session's). */
function makeTimestampDef(name: string, out: DataType, lenient: boolean): ScalarFunctionDef {
  const zoned = out.kind === "timestamp";
  return {
    kind: "scalar",
    name,
    doc: doc(
      `${name}(year, month, day, hour, min, sec${zoned ? "[, timezone]" : ""})`,
      `Creates a ${zoned ? "timestamp" : "timestamp without time zone"} from fields; \`sec\` may have a microsecond fraction${lenient ? "; invalid fields give NULL" : ""}.`,
    ),
    resolve(_n, args) {
      checkArity(name, args, 6, zoned ? 7 : 6);
      const ints = args.slice(0, 5).map((_, i) => coerceArg(name, args, i, "int", out));
      const sec = exprType(args[5]!).kind === "decimal" ? args[5]! : implicitCast(args[5]!, SECONDS_TYPE);
      const rest: Expr[] = args.length === 7 ? [zoneArg(name, args, 6)] : [];
      return scalarCall(name, [...ints, sec, ...rest], out, true);
    },
    eval(args, _call, ctx) {
      return makeTimestamps(args, out, zoned, lenient, ctx);
    },
  };
}

function makeTimestamps(args: readonly Vector[], out: DataType, zoned: boolean, lenient: boolean, ctx: EvalContext): Vector {
  const n = args[0]!.length;
  const [y, m, d, h, mi] = args.slice(0, 5).map(nums) as ArrayLike<number>[];
  const secs = expectStorage(castVector(args[5]!, DoubleType, ctx), "f64").data;
  const tzArg = args[6];
  const fixedZone = tzArg === undefined ? ctx.timeZone : constantText(tzArg);
  const res = new Float64Array(n);
  const validity = writableValidity(andValidityAll(args, n), n);
  const raise = ctx.ansi && !lenient;
  for (let i = 0; i < n; i++) {
    if (validity[i] === 0) continue;
    const secMicros = Math.round(secs[i]! * 1e6);
    const err = dateFieldError(y![i]!, m![i]!, d![i]!) ?? timeFieldError(h![i]!, mi![i]!, secMicros);
    if (err !== null) {
      if (raise) throw outOfBounds(err);
      validity[i] = 0;
      continue;
    }
    const s = floorDiv(secMicros, 1e6);
    const local = daysFromCivil(y![i]!, m![i]!, d![i]!) * 86400 + h![i]! * 3600 + mi![i]! * 60 + s;
    const frac = secMicros - s * 1e6;
    if (!zoned) {
      res[i] = local * 1e6 + frac;
      continue;
    }
    const zone = zoneRulesOrUtc(fixedZone ?? textAt(tzArg!, i)!);
    res[i] = zone.localToUtc(local) * 1e6 + frac;
  }
  return timestampVector(out, res, compactValidity(validity));
}

/** Registry entries for building dates and timestamps from fields. */
export const DATETIME_MAKE_FUNCTIONS: readonly ScalarFunctionDef[] = [
  MAKE_DATE,
  makeTimestampDef("make_timestamp", TimestampType, false),
  makeTimestampDef("make_timestamp_ltz", TimestampType, false),
  makeTimestampDef("make_timestamp_ntz", TimestampNTZType, false),
  makeTimestampDef("try_make_timestamp", TimestampType, true),
  makeTimestampDef("try_make_timestamp_ltz", TimestampType, true),
  makeTimestampDef("try_make_timestamp_ntz", TimestampNTZType, true),
];

