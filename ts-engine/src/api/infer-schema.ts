import { assertNever } from "../errors/assert-never.js";
import {
  arrayType,
  BinaryType,
  BooleanType,
  DoubleType,
  LongType,
  mapType,
  NullType,
  StringType,
  structField,
  structType,
  TimestampType,
  type DataType,
  type StructType,
} from "../types/data-type.js";
import { PySparkTypeError, PySparkValueError } from "./errors.js";
import { pyTypeName } from "./py-type-name.js";
import { Row } from "./row.js";

/**
 * PySpark's type inference for one JS value (`_infer_type`): integral numbers and
 * bigints → long, other numbers → double, strings, booleans, Date → timestamp,
 * Uint8Array → binary, arrays → array, Map and plain objects → map, Row → struct.
 */
export function inferType(v: unknown): DataType {
  if (v === null || v === undefined) return NullType;
  switch (typeof v) {
    case "boolean":
      return BooleanType;
    case "number":
      return Number.isInteger(v) ? LongType : DoubleType;
    case "bigint":
      return LongType;
    case "string":
      return StringType;
    default:
      break;
  }
  if (v instanceof Date) return TimestampType;
  if (v instanceof Uint8Array) return BinaryType;
  if (v instanceof Row) return structType(v.fieldNames().map((n, i) => structField(n, inferType(v.get(i)))));
  if (Array.isArray(v)) return arrayType(v.map(inferType).reduce(mergeType, NullType));
  if (v instanceof Map) {
    const entries = [...v.entries()];
    return mapType(
      entries.map(([k]) => inferType(k)).reduce(mergeType, NullType),
      entries.map(([, x]) => inferType(x)).reduce(mergeType, NullType),
    );
  }
  if (typeof v === "object") {
    return mapType(StringType, Object.values(v).map(inferType).reduce(mergeType, NullType));
  }
  throw new PySparkTypeError("CANNOT_INFER_TYPE_FOR_FIELD", { field_name: "", obj: pyTypeName(v) });
}

/**
 * PySpark's `_merge_type`: null yields to anything, structs merge by field name.
 * One JS-specific widening: long and double merge to double, since JS cannot tell
 * `2.0` from `2`.
 */
export function mergeType(a: DataType, b: DataType): DataType {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "long" && b.kind === "double") return b;
  if (a.kind === "double" && b.kind === "long") return a;
  if (a.kind === "array" && b.kind === "array") return arrayType(mergeType(a.elementType, b.elementType));
  if (a.kind === "map" && b.kind === "map") {
    return mapType(mergeType(a.keyType, b.keyType), mergeType(a.valueType, b.valueType));
  }
  if (a.kind === "struct" && b.kind === "struct") return mergeStruct(a, b);
  if (a.kind === b.kind) return a;
  throw new PySparkTypeError("CANNOT_MERGE_TYPE", { data_type1: typeClass(a), data_type2: typeClass(b) });
}

function mergeStruct(a: StructType, b: StructType): StructType {
  const byName = new Map(b.fields.map((f) => [f.name, f]));
  const fields = a.fields.map((f) => {
    const g = byName.get(f.name);
    return g === undefined ? f : structField(f.name, mergeType(f.dataType, g.dataType));
  });
  const names = new Set(a.fields.map((f) => f.name));
  return structType([...fields, ...b.fields.filter((f) => !names.has(f.name))]);
}

/** Raises CANNOT_DETERMINE_TYPE when any (nested) type is still NullType after inference. */
export function checkDetermined(t: DataType): void {
  const bad = (x: DataType): boolean => {
    switch (x.kind) {
      case "null":
        return true;
      case "array":
        return bad(x.elementType);
      case "map":
        return bad(x.keyType) || bad(x.valueType);
      case "struct":
        return x.fields.some((f) => bad(f.dataType));
      case "boolean":
      case "byte":
      case "short":
      case "integer":
      case "long":
      case "float":
      case "double":
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
        return false;
      default:
        return assertNever(x);
    }
  };
  if (bad(t)) throw new PySparkValueError("CANNOT_DETERMINE_TYPE");
}

function typeClass(t: DataType): string {
  const names: Record<string, string> = { long: "LongType", double: "DoubleType", string: "StringType", boolean: "BooleanType" };
  return names[t.kind] ?? t.kind;
}
