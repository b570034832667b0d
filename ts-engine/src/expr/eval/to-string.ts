import { calendarIntervalString, type CalendarInterval } from "../../columnar/calendar-interval.js";
import { dayTimeIntervalString, yearMonthIntervalString } from "./interval-string.js";
import { assertNever } from "../../errors/assert-never.js";
import type { DataType } from "../../types/data-type.js";
import { formatDate, formatTimestamp } from "./datetime.js";

/** Shortest digits and decimal exponent of a finite non-zero double, e.g. 1234.5 → ["12345", 3]. */
function digitsOf(x: number, precision?: number): [string, number] {
  const e = (precision === undefined ? Math.abs(x).toExponential() : Math.abs(x).toExponential(precision - 1)).split("e");
  const digits = e[0]!.replace(".", "").replace(/0+$/, "") || "0";
  return [digits, Number(e[1])];
}

/** Java-style rendering from shortest digits: plain for 1e-3 ≤ |x| < 1e7, else `d.dddE±n`. */
function javaStyle(x: number, digits: string, exp: number): string {
  const sign = x < 0 ? "-" : "";
  if (exp >= -3 && exp < 7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1) || "0";
      return `${sign}${intPart}.${frac}`;
    }
    return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  }
  const mant = digits.length === 1 ? `${digits}.0` : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mant}E${exp}`;
}

/** Java's Double.toString as Spark prints doubles: `1.0`, `1.0E10`, `1.0E-4`, `NaN`, `-Infinity`. */
export function doubleToString(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [d, e] = digitsOf(x);
  return javaStyle(x, d, e);
}

/** Java's Float.toString: the shortest digits that round-trip through float32. */
export function floatToString(x: number): string {
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return doubleToString(x);
  for (let p = 1; p <= 9; p++) {
    const [d, e] = digitsOf(x, p);
    if (Math.fround(Number(`${x < 0 ? "-" : ""}${d[0]}.${d.slice(1) || "0"}e${e}`)) === x) return javaStyle(x, d, e);
  }
  return doubleToString(x);
}

function hexBytes(b: Uint8Array): string {
  return `[${Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, "0")).join(" ")}]`;
}

/**
 * A non-null value as Spark prints it: show() (ToPrettyString) writes nested nulls as `NULL`,
 * a cast to string (`nullText` "null") as `null`; arrays `[1, 2]`, maps `{a -> 1}`, structs `{1, a}`, binary `[61 62]`, timestamps in `tz`.
 */
export function valueToString(v: unknown, t: DataType, tz: string, nullText = "NULL"): string {
  switch (t.kind) {
    case "double":
      return doubleToString(v as number);
    case "float":
      return floatToString(v as number);
    case "boolean":
      return v === true || v === 1 ? "true" : "false";
    case "date":
      return formatDate(v as number);
    case "timestamp":
      return formatTimestamp(v as number | bigint, tz);
    case "timestamp_ntz":
      return formatTimestamp(v as number | bigint, "UTC");
    case "binary":
      return hexBytes(v as Uint8Array);
    case "day_time_interval":
      return dayTimeIntervalString(v as number | bigint, t);
    case "year_month_interval":
      return yearMonthIntervalString(v as number, t);
    case "calendar_interval":
      return calendarIntervalString(v as CalendarInterval);
    case "array": {
      const arr = v as readonly unknown[];
      return `[${arr.map((x) => nested(x, t.elementType, tz, nullText)).join(", ")}]`;
    }
    case "map": {
      const entries = mapEntries(v);
      return `{${entries.map(([k, x]) => `${nested(k, t.keyType, tz, nullText)} -> ${nested(x, t.valueType, tz, nullText)}`).join(", ")}}`;
    }
    case "struct": {
      const fs = v as readonly unknown[];
      return `{${t.fields.map((f, i) => nested(fs[i], f.dataType, tz, nullText)).join(", ")}}`;
    }
    case "null":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "string":
    case "decimal":
      return String(v);
    default:
      return assertNever(t);
  }
}

function nested(x: unknown, t: DataType, tz: string, nullText: string): string {
  return x === null || x === undefined ? nullText : valueToString(x, t, tz, nullText);
}

/** Map values arrive as `[k, v][]` pairs (vector convention) or a JS Map. */
function mapEntries(v: unknown): (readonly [unknown, unknown])[] {
  if (v instanceof Map) return [...v.entries()];
  return v as (readonly [unknown, unknown])[];
}
