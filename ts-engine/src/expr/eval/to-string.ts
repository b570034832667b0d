import type { VariantValue } from "../../columnar/variant.js";
import { variantToJson } from "../kernels/variant-json.js";
import { calendarIntervalString, type CalendarInterval } from "../../columnar/calendar-interval.js";
import { dayTimeIntervalString, yearMonthIntervalString } from "./interval-string.js";
import { assertNever } from "../../errors/assert-never.js";
import { udtOf, type DataType } from "../../types/data-type.js";
import { VECTOR_UDT_CLASS, vectorText } from "../../ml/linalg/vector-value.js";
import { formatDate, formatTimestamp } from "./datetime.js";
import { doubleToString, floatToString } from "./java-number-string.js";

export { doubleToString, floatToString };

function hexBytes(b: Uint8Array): string {
  return `[${Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, "0")).join(" ")}]`;
}

/**
 * A non-null value as Spark prints it: show() (ToPrettyString) writes nested nulls as `NULL`,
 * a cast to string (`nullText` "null") as `null`; arrays `[1, 2]`, maps `{a -> 1}`, structs `{1, a}`, binary `[61 62]`, timestamps in `tz`.
 */
export function valueToString(v: unknown, t: DataType, tz: string, nullText = "NULL"): string {
  // Spark's UDT cast to string prints the user object (VectorUDT: Vector.toString)
  if (udtOf(t)?.scalaClass === VECTOR_UDT_CLASS) return vectorText(v as readonly unknown[], doubleToString);
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
    case "variant":
      // Spark's ToPrettyString and a cast to string print the variant's JSON in the session zone.
      return variantToJson(v as VariantValue, tz);
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
