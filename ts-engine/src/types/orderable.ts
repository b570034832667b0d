import type { DataType } from "./data-type.js";

/** Whether values of a type can be sorted (maps cannot: Spark's RowOrdering.isOrderable). */
export function isOrderable(t: DataType): boolean {
  switch (t.kind) {
    case "map":
    case "calendar_interval":
    case "variant":
      return false;
    case "array":
      return isOrderable(t.elementType);
    case "struct":
      return t.fields.every((f) => isOrderable(f.dataType));
    default:
      return true;
  }
}
