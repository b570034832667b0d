import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// XPath functions: XPath 1.0 over XML text, the path a literal column (F.lit("a/b")).

/** The values of the nodes the path selects (text and attributes; null for elements). */
export const xpath = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath", xml, path);
/** True when the path evaluates to true or selects a node. */
export const xpath_boolean = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_boolean", xml, path);
/** The path's value as a double. */
export const xpath_double = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_double", xml, path);
/** The path's value as a double. */
export const xpath_number = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_number", xml, path);
/** The path's value as a float. */
export const xpath_float = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_float", xml, path);
/** The path's value as an int. */
export const xpath_int = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_int", xml, path);
/** The path's value as a bigint. */
export const xpath_long = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_long", xml, path);
/** The path's value as a smallint. */
export const xpath_short = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_short", xml, path);
/** The string value of the first node the path selects. */
export const xpath_string = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_string", xml, path);
