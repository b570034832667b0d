import type { DataType } from "../types/data-type.js";

/** Spark's JSON type form (bridge/PROTOCOL.md "Data types"), as the Python worker reads return and argument types. */
export function typeJson(t: DataType): unknown {
  switch (t.kind) {
    case "decimal":
      return `decimal(${t.precision},${t.scale})`;
    case "array":
      return { type: "array", elementType: typeJson(t.elementType), containsNull: t.containsNull };
    case "map":
      return { type: "map", keyType: typeJson(t.keyType), valueType: typeJson(t.valueType), valueContainsNull: t.valueContainsNull };
    case "struct":
      return {
        type: "struct",
        fields: t.fields.map((f) => ({ name: f.name, type: typeJson(f.dataType), nullable: f.nullable, metadata: {} })),
      };
    default:
      return t.kind;
  }
}
