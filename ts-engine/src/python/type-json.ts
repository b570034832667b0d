import { assertNever } from "../errors/assert-never.js";
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
