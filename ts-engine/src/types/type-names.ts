import { assertNever } from "../errors/assert-never.js";
import { udtOf, type DataType } from "./data-type.js";
import { ATOMIC_NAMES, intervalTypeString } from "./atomic-names.js";

/**
 * Spark's `simpleString` of a type: what `dtypes`, DDL output and error
 * messages print (`bigint`, `int`, `array<string>`, `struct<a:int>`).
 */
export function simpleString(t: DataType): string {
  switch (t.kind) {
    case "decimal":
      return `decimal(${t.precision},${t.scale})`;
    case "day_time_interval":
    case "year_month_interval":
      return intervalTypeString(t);
    case "array":
      return `array<${simpleString(t.elementType)}>`;
    case "map":
      return `map<${simpleString(t.keyType)},${simpleString(t.valueType)}>`;
    case "struct":
      return `struct<${t.fields.map((f) => `${f.name}:${simpleString(f.dataType)}`).join(",")}>`;
    case "string":
      // Spark's StringType(collation).simpleString: `string collate UTF8_LCASE`
      return "collation" in t ? `string collate ${t.collation}` : "string";
    default:
      return ATOMIC_NAMES[t.kind].simple;
  }
}

/**
 * The SQL name of a type as Spark prints it in error messages
 * (`"BIGINT"`, `"ARRAY<STRING>"`), without the surrounding quotes.
 */
export function sqlTypeName(t: DataType): string {
  switch (t.kind) {
    case "array":
      return `ARRAY<${sqlTypeName(t.elementType)}>`;
    case "map":
      return `MAP<${sqlTypeName(t.keyType)}, ${sqlTypeName(t.valueType)}>`;
    case "struct":
      // Spark 4's StructField.sql: a non-nullable field says NOT NULL
      return `STRUCT<${t.fields.map((f) => `${f.name}: ${sqlTypeName(f.dataType)}${f.nullable ? "" : " NOT NULL"}`).join(", ")}>`;
    case "decimal":
      return `DECIMAL(${t.precision},${t.scale})`;
    case "string":
      return "collation" in t ? `STRING COLLATE ${t.collation}` : "STRING";
    case "day_time_interval":
    case "year_month_interval":
    case "null":
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "binary":
    case "date":
    case "timestamp":
    case "timestamp_ntz":
    case "calendar_interval":
    case "variant":
      return simpleString(t).toUpperCase();
    default:
      return assertNever(t);
  }
}

/**
 * The name printSchema uses for a type (Spark's `typeName`): `long`,
 * `integer`, `decimal(10,2)`, `array`, `struct`.
 */
export function typeName(t: DataType): string {
  const udt = udtOf(t);
  if (udt !== undefined) {
    // the JVM's typeName: PythonUserDefinedType, or the Scala UDT's class name (VectorUDT → vector)
    const simple = udt.scalaClass === undefined ? "PythonUserDefinedType" : (udt.scalaClass.split(".").pop() ?? "");
    return simple.replace(/\$$/, "").replace(/Type$/, "").replace(/UDT$/, "").toLowerCase();
  }
  if (t.kind === "decimal") return `decimal(${t.precision},${t.scale})`;
  if (t.kind === "day_time_interval" || t.kind === "year_month_interval") return intervalTypeString(t);
  if (t.kind === "calendar_interval") return "interval";
  if (t.kind === "string") return simpleString(t);
  return t.kind;
}

/**
 * A type as Scala's DataType.toString prints it in Spark's legacy messages and plan strings
 * (`LongType`, `TimestampType`, `DayTimeIntervalType(2,2)`, `DecimalType(10,2)`).
 */
export function scalaTypeString(t: DataType): string {
  switch (t.kind) {
    case "decimal":
      return `DecimalType(${t.precision},${t.scale})`;
    case "day_time_interval":
      return `DayTimeIntervalType(${t.startField},${t.endField})`;
    case "year_month_interval":
      return `YearMonthIntervalType(${t.startField},${t.endField})`;
    case "array":
    case "map":
    case "struct":
      return simpleString(t);
    case "string":
      return "StringType";
    default:
      return ATOMIC_NAMES[t.kind].py.replace("()", "");
  }
}
