import { makeVector, type Vector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { ByteType, DoubleType, IntegerType, LongType, decimalType, type DataType } from "../../types/data-type.js";
import type { CalendarInterval } from "../../columnar/calendar-interval.js";
import { formatUnscaled } from "../../columnar/decimal-value.js";
import { vectorFromRowValues } from "../eval/vectors.js";
import { exprType } from "../expr-type.js";
import { floorDiv } from "../datetime/civil.js";
import { zoneRulesOrUtc } from "../datetime/zone-rules.js";
import { castVector } from "../eval/cast.js";
import type { EvalContext } from "../eval/eval-context.js";
import { microsOf } from "../eval/datetime-vectors.js";
import { exprPrettySql } from "../expr-string.js";
import type { Expr } from "../expr.js";
import { checkArity, doc, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg } from "./datetime-args.js";
import { dateFieldVector, timeFieldVector, type DateField } from "./datetime-fields.js";

/**
 * extract(field FROM source), date_part(field, source) and datepart: Spark's
 * DatePart.parseExtractField spellings, each mapped to the field function it stands for.
 * SECOND gives DECIMAL(8,6) with the microseconds.
 */

type ExtractField = DateField | "hour" | "minute" | "secondWithFraction";

const SPELLINGS: Readonly<Record<string, ExtractField>> = {
  YEAR: "year", Y: "year", YEARS: "year", YR: "year", YRS: "year",
  YEAROFWEEK: "yearofweek",
  QUARTER: "quarter", QTR: "quarter",
  MONTH: "month", MON: "month", MONS: "month", MONTHS: "month",
  WEEK: "weekofyear", W: "weekofyear", WEEKS: "weekofyear",
  DAY: "day", D: "day", DAYS: "day",
  DAYOFWEEK: "dayofweek", DOW: "dayofweek",
  DAYOFWEEK_ISO: "dayofweek_iso", DOW_ISO: "dayofweek_iso",
  DOY: "dayofyear",
  HOUR: "hour", H: "hour", HOURS: "hour", HR: "hour", HRS: "hour",
  MINUTE: "minute", M: "minute", MIN: "minute", MINS: "minute", MINUTES: "minute",
  SECOND: "secondWithFraction", S: "secondWithFraction", SEC: "secondWithFraction", SECONDS: "secondWithFraction", SECS: "secondWithFraction",
};

const SECOND_TYPE = decimalType(8, 6);

function fieldOf(args: readonly Expr[]): ExtractField {
  const f = args[0]!;
  const text = f.kind === "Literal" && typeof f.value === "string" ? f.value : null;
  const field = text === null ? undefined : SPELLINGS[text.toUpperCase()];
  if (field === undefined) {
    throw new AnalysisException("INVALID_EXTRACT_FIELD", {
      field: `\`${text ?? exprPrettySql(f)}\``,
      expr: `"${args[1] === undefined ? "" : exprPrettySql(args[1])}"`,
    });
  }
  return field;
}

function secondsWithFraction(v: Vector, ctx: EvalContext): Vector {
  const us = microsOf(v);
  const n = v.length;
  const out = new Float64Array(n);
  const zone = v.type.kind === "timestamp" ? zoneRulesOrUtc(ctx.timeZone) : null;
  for (let i = 0; i < n; i++) {
    const s = floorDiv(us[i]!, 1e6);
    const local = zone === null ? s : s + zone.offsetAt(s);
    out[i] = (local - floorDiv(local, 60) * 60) + (us[i]! - s * 1e6) / 1e6;
  }
  // The exact decimal comes from the double by the general cast (six digits always round-trip).
  return castVector(makeVector(DoubleType, out, v.validity, n), SECOND_TYPE, ctx);
}

const INTERVAL_FIELD_TYPES: Partial<Readonly<Record<ExtractField, DataType>>> = {
  year: IntegerType,
  month: ByteType,
  day: IntegerType,
  hour: LongType,
  minute: ByteType,
  secondWithFraction: SECOND_TYPE,
};

/**
 * A field of calendar intervals (Spark's ExtractIntervalYears … ExtractIntervalSeconds): years
 * and the months left over, the days, then hours, minutes and seconds of the microseconds,
 * each truncated toward zero as Java's division.
 */
function intervalField(field: ExtractField, v: Vector): Vector {
  const rows = v.storage === "values" ? (v.data as readonly (CalendarInterval | null)[]) : [];
  const out = rows.map((x): unknown => {
    if (x === null || x === undefined) return null;
    switch (field) {
      case "year":
        return Math.trunc(x.months / 12);
      case "month":
        return x.months % 12;
      case "day":
        return x.days;
      case "hour":
        return Number(x.microseconds / 3_600_000_000n);
      case "minute":
        return Number((x.microseconds % 3_600_000_000n) / 60_000_000n);
      default:
        return formatUnscaled(x.microseconds % 60_000_000n, 6);
    }
  });
  return vectorFromRowValues(INTERVAL_FIELD_TYPES[field]!, out);
}

function extractDef(name: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name === "extract" ? "extract(field FROM source)" : `${name}(field, source)`}`, "Extracts a part of the date/timestamp (YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFWEEK, DOY, HOUR, MINUTE, SECOND …)."),
    resolve(_n, args) {
      checkArity(name, args, 2);
      const field = fieldOf(args);
      if (exprType(args[1]!).kind === "calendar_interval") {
        const t = INTERVAL_FIELD_TYPES[field];
        if (t === undefined) throw new AnalysisException("INVALID_EXTRACT_FIELD", { field: `\`${String((args[0] as { value?: unknown }).value)}\``, expr: `"${exprPrettySql(args[1]!)}"` });
        return scalarCall(name, [args[0]!, args[1]!], t, true);
      }
      const time = field === "hour" || field === "minute" || field === "secondWithFraction";
      const type: DataType = field === "secondWithFraction" ? SECOND_TYPE : IntegerType;
      const src = coerceArg(name, args, 1, time ? "anyTimestamp" : "date", type);
      return scalarCall(name, [args[0]!, src], type, true);
    },
    eval(args, call, ctx) {
      const field = fieldOf(call.args);
      const v = args[1]!;
      if (v.type.kind === "calendar_interval") return intervalField(field, v);
      if (field === "secondWithFraction") return secondsWithFraction(v, ctx);
      if (field === "hour" || field === "minute") return timeFieldVector(field, v, ctx);
      return dateFieldVector(field, v);
    },
  };
}

/** Registry entries for extract and its spellings. */
export const DATETIME_EXTRACT_FUNCTIONS: readonly ScalarFunctionDef[] = [extractDef("extract"), extractDef("date_part"), extractDef("datepart")];
