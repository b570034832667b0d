import type { DataType } from "../types/data-type.js";
import { encodeDataType } from "../types/type-json.js";

/** Spark's JSON type form (bridge/PROTOCOL.md "Data types"), as the Python worker reads return and argument types. */
export function typeJson(t: DataType): unknown {
  return encodeDataType(t);
}
