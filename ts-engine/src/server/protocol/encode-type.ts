import { assertNever } from "../../errors/assert-never.js";
import type { DataType, StructType } from "../../types/data-type.js";

/** Spark's JSON type form of a type (`DataType.jsonValue()`), as schema replies carry it. */
export function encodeDataType(t: DataType): unknown {
  switch (t.kind) {
    case "decimal":
      return `decimal(${t.precision},${t.scale})`;
    case "array":
      return { type: "array", elementType: encodeDataType(t.elementType), containsNull: t.containsNull };
    case "map":
      return {
        type: "map",
        keyType: encodeDataType(t.keyType),
        valueType: encodeDataType(t.valueType),
        valueContainsNull: t.valueContainsNull,
      };
    case "struct":
      return encodeStructType(t);
    case "null":
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
      return t.kind;
    default:
      return assertNever(t);
  }
}

/** `{type:"struct", fields:[{name, type, nullable, metadata:{}}]}`. */
export function encodeStructType(t: StructType): unknown {
  return {
    type: "struct",
    fields: t.fields.map((f) => ({ name: f.name, type: encodeDataType(f.dataType), nullable: f.nullable, metadata: {} })),
  };
}
