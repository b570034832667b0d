import { assertNever } from "../errors/assert-never.js";
import type { Literal } from "./expr.js";
import { formatDate, formatTimestamp } from "./eval/datetime.js";
import { valueToString } from "./eval/to-string.js";

/**
 * How Spark prints a literal inside generated column names and explain output:
 * strings bare (`a`), `NULL`, `true`, doubles Java-style (`1.0E10`), dates `DATE '2024-01-02'`.
 */
export function literalToString(l: Literal, timeZone = "UTC"): string {
  if (l.value === null || l.value === undefined) return "NULL";
  switch (l.dataType.kind) {
    case "string":
      return String(l.value);
    case "date":
      return `DATE '${formatDate(l.value as number)}'`;
    case "timestamp":
      return `TIMESTAMP '${formatTimestamp(l.value as number, timeZone)}'`;
    case "timestamp_ntz":
      return `TIMESTAMP_NTZ '${formatTimestamp(l.value as number, "UTC")}'`;
    case "binary":
      return `X'${Array.from(l.value as Uint8Array, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join("")}'`;
    case "null":
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "decimal":
    case "day_time_interval":
    case "year_month_interval":
    case "calendar_interval":
    case "variant":
    case "array":
    case "map":
    case "struct":
      return valueToString(l.value, l.dataType, timeZone);
    default:
      return assertNever(l.dataType);
  }
}
