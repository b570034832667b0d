import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// Number format functions: strings ↔ decimals by a format string such as '$99,999.99S';
// to_char also formats dates (datetime patterns) and binaries ('base64', 'hex', 'utf-8').

/** The string parsed as a decimal by the number format (INVALID_FORMAT.MISMATCH_INPUT when it does not match). */
export const to_number = (c: ColumnOrName, format: ColumnOrName): Column => invoke("to_number", c, format);
/** As to_number, null when the string does not match the format. */
export const try_to_number = (c: ColumnOrName, format: ColumnOrName): Column => invoke("try_to_number", c, format);
/** A number, date, timestamp or binary rendered as a string by the format. */
export const to_char = (c: ColumnOrName, format: ColumnOrName): Column => invoke("to_char", c, format);
/** Same as to_char. */
export const to_varchar = (c: ColumnOrName, format: ColumnOrName): Column => invoke("to_varchar", c, format);
