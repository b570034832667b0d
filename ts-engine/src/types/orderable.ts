import type { DataType } from "./data-type.js";

/** Whether values of a type can be sorted (maps cannot: Spark's RowOrdering.isOrderable). */
export function isOrderableType(t: DataType): boolean {
  switch (t.kind) {
    case "map":
      return false;
    case "array":
      return isOrderableType(t.elementType);
    case "struct":
      return t.fields.every((f) => isOrderableType(f.dataType));
    default:
      return true;
  }
}
