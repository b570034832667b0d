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
    default:
      return t.kind;
  }
}

/** `{type:"struct", fields:[{name, type, nullable, metadata:{}}]}`. */
export function encodeStructType(t: StructType): unknown {
  return {
    type: "struct",
    fields: t.fields.map((f) => ({ name: f.name, type: encodeDataType(f.dataType), nullable: f.nullable, metadata: {} })),
  };
}
