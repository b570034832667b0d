import { assertNever } from "../errors/assert-never.js";
import { udtOf, type DataType, type StructType } from "../types/data-type.js";
import { typeName } from "../types/type-names.js";
import { escapeMetaCharacters } from "./text-width.js";

function name(t: DataType): string {
  return t.kind === "null" ? "void" : typeName(t);
}

function nested(t: DataType, prefix: string, out: string[]): void {
  // a user-defined type is one leaf (Spark prints no children for its sqlType)
  if (udtOf(t) !== undefined) return;
  switch (t.kind) {
    case "array":
      out.push(`${prefix}-- element: ${name(t.elementType)} (containsNull = ${t.containsNull})\n`);
      nested(t.elementType, `${prefix}    |`, out);
      return;
    case "map":
      out.push(`${prefix}-- key: ${name(t.keyType)}\n`);
      nested(t.keyType, `${prefix}    |`, out);
      out.push(`${prefix}-- value: ${name(t.valueType)} (valueContainsNull = ${t.valueContainsNull})\n`);
      nested(t.valueType, `${prefix}    |`, out);
      return;
    case "struct":
      for (const f of t.fields) {
        out.push(`${prefix}-- ${escapeMetaCharacters(f.name)}: ${name(f.dataType)} (nullable = ${f.nullable})\n`);
        nested(f.dataType, `${prefix}    |`, out);
      }
      return;
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
    case "decimal":
    case "day_time_interval":
    case "year_month_interval":
    case "calendar_interval":
    case "variant":
      return;
    default:
      return assertNever(t);
  }
}

/**
 * Spark's StructType.treeString, what printSchema prints: `root` then one
 * ` |-- name: type (nullable = true)` line per field, nested element/key/value lines indented
 * by `    |`. Ends with a newline, as Spark's string does (PySpark's print adds one more).
 */
export function treeString(schema: StructType): string {
  const out = ["root\n"];
  nested(schema, " |", out);
  return out.join("");
}
