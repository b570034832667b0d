import type { JsonValue } from "./json-parser.js";
import { parseDecimalText } from "../../columnar/decimal-value.js";
import {
  BooleanType,
  DoubleType,
  LongType,
  NullType,
  StringType,
  arrayType,
  decimalType,
  mapType,
  structField,
  structType,
  type DataType,
  type StructField,
  type StructType,
} from "../../types/data-type.js";

/**
 * Spark's JSON schema inference (JsonInferSchema), the one both the JSON source (io/json)
 * and schema_of_json use: Spark's SchemaOfJson calls the same inferField and canonicalizeType.
 */

/** The JSONOptions that change inferred types. */
export interface JsonInferOptions {
  readonly primitivesAsString: boolean;
  readonly prefersDecimal: boolean;
  readonly dropFieldIfAllNull: boolean;
}

/** The decimal type of a number's text (precision max(digits, scale)), undefined past 38 digits. */
function decimalOf(text: string): DataType | undefined {
  const p = parseDecimalText(text);
  if (p === null) return undefined;
  const scale = Math.max(0, -p.exponent);
  const digits = p.digits === "0" ? 1 : p.digits.length + Math.max(0, p.exponent);
  const precision = Math.max(digits, scale);
  return precision <= 38 ? decimalType(precision, scale) : undefined;
}

/** Spark's JsonInferSchema.inferField for one parsed value. */
export function inferJsonType(v: JsonValue, o: JsonInferOptions): DataType {
  switch (v.kind) {
    case "null":
      return NullType;
    case "bool":
      return o.primitivesAsString ? StringType : BooleanType;
    case "str":
      return StringType;
    case "num": {
      if (o.primitivesAsString) return StringType;
      if (v.integral) {
        const x = BigInt(v.text);
        if (x >= -(2n ** 63n) && x < 2n ** 63n) return LongType;
        return decimalOf(v.text) ?? DoubleType;
      }
      if (o.prefersDecimal && /^-?\d/.test(v.text)) return decimalOf(v.text) ?? DoubleType;
      return DoubleType;
    }
    case "arr":
      return arrayType(v.items.reduce<DataType>((t, x) => mergeJsonTypes(t, inferJsonType(x, o)), NullType), true);
    case "obj": {
      const fields = new Map<string, DataType>();
      for (const [k, x] of v.entries) fields.set(k, mergeJsonTypes(fields.get(k) ?? NullType, inferJsonType(x, o)));
      return sortedStruct(fields);
    }
    default:
      return v satisfies never;
  }
}

/** A struct of the fields sorted by name, as Spark's JSON inference orders them. */
function sortedStruct(fields: ReadonlyMap<string, DataType>): StructType {
  const names = [...fields.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return structType(names.map((k) => structField(k, fields.get(k)!, true)));
}

/** Spark's JsonInferSchema.compatibleType: the type two values of one field merge to (string when they conflict). */
export function mergeJsonTypes(a: DataType, b: DataType): DataType {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === b.kind && a.kind !== "array" && a.kind !== "struct" && a.kind !== "decimal" && a.kind !== "map") return a;
  if ((a.kind === "long" && b.kind === "double") || (a.kind === "double" && b.kind === "long")) return DoubleType;
  if ((a.kind === "double" && b.kind === "decimal") || (a.kind === "decimal" && b.kind === "double")) return DoubleType;
  const asDec = (t: DataType): DataType => (t.kind === "long" ? decimalType(20, 0) : t);
  if ((a.kind === "long" && b.kind === "decimal") || (a.kind === "decimal" && b.kind === "long")) return mergeJsonTypes(asDec(a), asDec(b));
  if (a.kind === "decimal" && b.kind === "decimal") {
    const scale = Math.max(a.scale, b.scale);
    const range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return range + scale > 38 ? DoubleType : decimalType(range + scale, scale);
  }
  if (a.kind === "array" && b.kind === "array") return arrayType(mergeJsonTypes(a.elementType, b.elementType), true);
  if (a.kind === "map" && b.kind === "map") return mapType(a.keyType, mergeJsonTypes(a.valueType, b.valueType), true);
  if (a.kind === "struct" && b.kind === "struct") {
    const fields = new Map<string, DataType>();
    for (const f of [...a.fields, ...b.fields]) fields.set(f.name, mergeJsonTypes(fields.get(f.name) ?? NullType, f.dataType));
    return sortedStruct(fields);
  }
  return StringType;
}

/**
 * Spark's canonicalizeType: a field never seen with a value is a string (or dropped with
 * dropFieldIfAllNull), as are arrays of nothing but nulls; structs keep their remaining
 * fields, and one with no field left is dropped.
 */
export function canonicalJsonType(t: DataType, o: JsonInferOptions): DataType | undefined {
  switch (t.kind) {
    case "null":
      return o.dropFieldIfAllNull ? undefined : StringType;
    case "array": {
      const e = canonicalJsonType(t.elementType, o);
      return e === undefined ? undefined : arrayType(e, true);
    }
    case "struct": {
      // fields with an empty name are dropped, and so is a struct left with none (SPARK-8093)
      const fields: StructField[] = [];
      for (const f of t.fields) {
        const c = f.name.length === 0 ? undefined : canonicalJsonType(f.dataType, o);
        if (c !== undefined) fields.push(structField(f.name, c, true));
      }
      return fields.length === 0 ? undefined : structType(fields);
    }
    default:
      return t;
  }
}

/**
 * The type schema_of_json gives a parsed value, as Spark's SchemaOfJson: the value's type
 * canonicalized as the reader does, an object with no field left as `STRUCT<>`, an array of
 * objects as an array of that, anything else left with nothing as a string.
 */
export function schemaOfJsonType(v: JsonValue, o: JsonInferOptions): DataType {
  const t = inferJsonType(v, o);
  if (t.kind === "struct") return canonicalJsonType(t, o) ?? structType([]);
  if (t.kind === "array" && t.elementType.kind === "struct") return arrayType(canonicalJsonType(t.elementType, o) ?? structType([]), t.containsNull);
  return canonicalJsonType(t, o) ?? StringType;
}
