import type { Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, litArg } from "./invoke.js";

// Collation functions (Spark 4's collationExpressions): collate, collation.

/** The string column with collation `collation` (UTF8_BINARY, UTF8_LCASE, UNICODE, UNICODE_CI, an ICU locale …). */
export const collate = (c: ColumnOrName, collation: string): Column => invokeExprs("collate", [toColumn(c).expr, litArg(collation)]);
/** The qualified name of a string's collation (`SYSTEM.BUILTIN.UTF8_LCASE`). */
export const collation = (c: ColumnOrName): Column => invoke("collation", c);
