import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// User-defined types (PySpark's UserDefinedType): unwrap_udt.

/** A user-defined type column's values as its underlying SQL type. */
export const unwrap_udt = (c: ColumnOrName): Column => invoke("unwrap_udt", c);
