import { assertNever } from "../errors/assert-never.js";
import {
  DoubleType,
  LongType,
  StringType,
  TimestampType,
  decimalType,
  structField,
  structType,
  typeEquals,
  udtOf,
  type DataType,
  type DecimalType,
  type StructField,
} from "./data-type.js";

/** Spark's numeric precedence for implicit widening (TypeCoercion.numericPrecedence). */
const NUMERIC_ORDER = ["byte", "short", "integer", "long", "float", "double"];

/**
 * The decimal that holds every value of an integral or decimal type (Spark's DecimalType.forType),
 * or null for other types.
 */
export function asDecimal(t: DataType): DecimalType | null {
  switch (t.kind) {
    case "decimal":
      return t;
    case "byte":
      return decimalType(3, 0);
    case "short":
      return decimalType(5, 0);
    case "integer":
      return decimalType(10, 0);
    case "long":
      return decimalType(20, 0);
    case "null":
    case "boolean":
    case "float":
    case "double":
    case "string":
    case "binary":
    case "date":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval":
    case "year_month_interval":
    case "calendar_interval":
    case "variant":
    case "array":
    case "map":
    case "struct":
      return null;
    default:
      return assertNever(t);
  }
}

function widerDecimal(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  const range = Math.max(a.precision - a.scale, b.precision - b.scale);
  return decimalType(Math.min(range + scale, 38), scale);
}

/**
 * The tightest common type of two types for comparisons, unions, CASE branches and IN lists
 * (Spark's findWiderTypeForTwo), or null when none exists. Null widens to anything; integral
 * with decimal widens to a decimal that holds both; decimal with float/double gives double.
 */
export function widerType(a: DataType, b: DataType): DataType | null {
  if (typeEquals(a, b)) return a;
  if ((a.kind === "day_time_interval" && b.kind === "day_time_interval") || (a.kind === "year_month_interval" && b.kind === "year_month_interval")) {
    // Spark's findWiderTypeForTwo: the interval spanning both field ranges.
    return { kind: a.kind, startField: Math.min(a.startField, b.startField), endField: Math.max(a.endField, b.endField) };
  }
  if (a.kind === b.kind && a.kind !== "decimal" && a.kind !== "array" && a.kind !== "map" && a.kind !== "struct") return a;
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "decimal" || b.kind === "decimal") {
    const other = a.kind === "decimal" ? b : a;
    const dec = (a.kind === "decimal" ? a : b) as DecimalType;
    if (other.kind === "decimal") return widerDecimal(dec, other);
    if (other.kind === "float" || other.kind === "double") return DoubleType;
    const asDec = asDecimal(other);
    return asDec === null ? null : widerDecimal(dec, asDec);
  }
  const ia = NUMERIC_ORDER.indexOf(a.kind);
  const ib = NUMERIC_ORDER.indexOf(b.kind);
  if (ia >= 0 && ib >= 0) return ia > ib ? a : b;
  const pair = new Set([a.kind, b.kind]);
  if (pair.has("date") && (pair.has("timestamp") || pair.has("timestamp_ntz"))) return TimestampType;
  if (pair.has("timestamp") && pair.has("timestamp_ntz")) return TimestampType;
  if (a.kind === "array" && b.kind === "array") {
    const e = widerType(a.elementType, b.elementType);
    return e === null ? null : { kind: "array", elementType: e, containsNull: a.containsNull || b.containsNull };
  }
  if (a.kind === "map" && b.kind === "map") {
    const k = widerType(a.keyType, b.keyType);
    const v = widerType(a.valueType, b.valueType);
    return k === null || v === null ? null : { kind: "map", keyType: k, valueType: v, valueContainsNull: a.valueContainsNull || b.valueContainsNull };
  }
  if (a.kind === "struct" && b.kind === "struct" && udtOf(a) === undefined && udtOf(b) === undefined) {
    // Spark's findTypeForComplex: the same field names in order, each field's type widened, nullable if either is
    if (a.fields.length !== b.fields.length) return null;
    const fields: StructField[] = [];
    for (let i = 0; i < a.fields.length; i++) {
      const fa = a.fields[i]!;
      const fb = b.fields[i]!;
      const t = fa.name.toLowerCase() === fb.name.toLowerCase() ? widerType(fa.dataType, fb.dataType) : null;
      if (t === null) return null;
      fields.push(structField(fa.name, t, fa.nullable || fb.nullable, fa.metadata));
    }
    return structType(fields);
  }
  return null;
}

/**
 * Common type for a binary operator in ANSI mode: like widerType, plus a string operand is
 * implicitly cast to the other side (bigint for integral, double for fractional), as Spark 4 does.
 */
export function binaryOperandType(a: DataType, b: DataType): DataType | null {
  const w = widerType(a, b);
  if (w !== null) return w;
  if (a.kind === "string" || b.kind === "string") {
    const other = a.kind === "string" ? b : a;
    if (NUMERIC_ORDER.indexOf(other.kind) >= 0 && NUMERIC_ORDER.indexOf(other.kind) <= 3) return LongType;
    if (other.kind === "float" || other.kind === "double" || other.kind === "decimal") return DoubleType;
    if (other.kind === "date" || other.kind === "timestamp" || other.kind === "timestamp_ntz" || other.kind === "boolean") {
      return other;
    }
  }
  return null;
}

/** Common type of many (CASE WHEN branches, IN lists, coalesce); null when incompatible. */
export function widerTypeOfAll(types: readonly DataType[]): DataType | null {
  let acc: DataType | null = types[0] ?? null;
  for (const t of types.slice(1)) {
    if (acc === null) return null;
    acc = widerType(acc, t) ?? (acc.kind === "string" || t.kind === "string" ? StringType : null);
  }
  return acc;
}

/** True when implicit coercion may cast `from` to `to` (numeric widening, null, string ↔ atomic). */
export function canImplicitCast(from: DataType, to: DataType): boolean {
  if (typeEquals(from, to) || from.kind === "null") return true;
  return widerType(from, to) !== null || binaryOperandType(from, to) !== null;
}
