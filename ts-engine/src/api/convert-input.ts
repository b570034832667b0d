import { isVariantValue } from "../columnar/variant.js";
import { isCalendarInterval } from "../columnar/calendar-interval.js";
import type { DataType, StructType } from "../types/data-type.js";
import { PySparkTypeError, PySparkValueError } from "./errors.js";
import { normalizeLong } from "./literal.js";
import { pyDataTypeRepr, pyTypeName } from "./py-type-name.js";
import { pyRepr } from "./py-repr.js";
import { Row } from "./row.js";

const MS_PER_DAY = 86_400_000;
const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

/**
 * Checks one user row against `schema` and converts it to the vector convention
 * (bigint only past 2^53, days for dates, microseconds for timestamps, field arrays for
 * structs, `[k, v]` pairs for maps), raising PySpark's verifySchema errors.
 */
export function convertRow(row: unknown, schema: StructType): unknown[] {
  const values = rowValues(row, schema);
  if (values.length !== schema.fields.length) {
    throw new PySparkValueError("FIELD_STRUCT_LENGTH_MISMATCH", {
      object_length: String(values.length),
      field_length: String(schema.fields.length),
    });
  }
  return schema.fields.map((f, i) => convertValue(values[i], f.dataType, f.nullable, `field ${f.name}`));
}

/** A row's values in schema order: arrays by position, Rows and objects by field name. */
function rowValues(row: unknown, schema: StructType): readonly unknown[] {
  if (Array.isArray(row)) return row;
  if (row instanceof Row) return row.toArray();
  if (row !== null && typeof row === "object") {
    const obj = row as Record<string, unknown>;
    return schema.fields.map((f) => obj[f.name]);
  }
  return [row];
}

function convertValue(v: unknown, t: DataType, nullable: boolean, field: string): unknown {
  if (v === null || v === undefined) {
    if (!nullable) throw new PySparkValueError("FIELD_NOT_NULLABLE_WITH_NAME", { field_name: field });
    return null;
  }
  const reject = (): never => {
    throw new PySparkTypeError("FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME", {
      field_name: field,
      data_type: pyDataTypeRepr(t),
      obj: pyRepr(v),
      obj_type: pyTypeName(v),
    });
  };
  switch (t.kind) {
    case "null":
      return reject();
    case "boolean":
      return typeof v === "boolean" ? v : reject();
    case "byte":
    case "short":
    case "integer": {
      const n = typeof v === "bigint" ? Number(v) : v;
      const [lo, hi] = INT_RANGES[t.kind]!;
      return typeof n === "number" && Number.isInteger(n) && n >= lo && n <= hi ? n : reject();
    }
    case "long":
      if (typeof v === "bigint") return normalizeLong(v);
      return typeof v === "number" && Number.isSafeInteger(v) ? v : reject();
    case "float":
    case "double":
      return typeof v === "number" ? v : reject();
    case "string":
      return typeof v === "string" ? v : reject();
    case "binary":
      return v instanceof Uint8Array ? v : reject();
    case "date":
      return v instanceof Date ? Math.floor(v.getTime() / MS_PER_DAY) : reject();
    case "timestamp":
      return v instanceof Date ? v.getTime() * 1000 : reject();
    case "timestamp_ntz":
      return v instanceof Date ? (v.getTime() - v.getTimezoneOffset() * 60_000) * 1000 : reject();
    case "decimal":
      return convertDecimal(v, t.scale) ?? reject();
    case "day_time_interval":
      // Node values of a day-time interval are microseconds (number or bigint).
      return typeof v === "number" && Number.isInteger(v) ? v : typeof v === "bigint" ? v : reject();
    case "year_month_interval":
      return typeof v === "number" && Number.isInteger(v) ? v : reject();
    case "calendar_interval":
      return isCalendarInterval(v) ? v : reject();
    case "variant":
      // A variant is its { value, metadata } bytes, as collect gives it back.
      return isVariantValue(v) ? v : reject();
    case "array":
      return Array.isArray(v) ? v.map((x) => convertValue(x, t.elementType, t.containsNull, field)) : reject();
    case "map": {
      const entries = v instanceof Map ? [...v.entries()] : typeof v === "object" && !Array.isArray(v) ? Object.entries(v) : null;
      if (entries === null) return reject();
      return entries.map(([k, x]) => [convertValue(k, t.keyType, false, field), convertValue(x, t.valueType, t.valueContainsNull, field)]);
    }
    case "struct":
      return typeof v === "object" ? convertRow(v, t) : reject();
  }
}

/** Canonical decimal text with `scale` digits after the point, or null when `v` is not a number. */
function convertDecimal(v: unknown, scale: number): string | null {
  let s: string;
  if (typeof v === "number" && Number.isFinite(v)) s = v.toFixed(Math.min(scale, 100));
  else if (typeof v === "bigint") s = v.toString();
  else if (typeof v === "string" && /^[+-]?\d+(\.\d*)?$/.test(v.trim())) s = v.trim();
  else return null;
  const neg = s.startsWith("-");
  const body = s.replace(/^[+-]/, "");
  const [int = "0", frac = ""] = body.split(".");
  const f = frac.padEnd(scale, "0").slice(0, scale);
  return `${neg ? "-" : ""}${int}${scale > 0 ? `.${f}` : ""}`;
}
