import { assertNever } from "../errors/assert-never.js";
import type { DataType } from "../types/data-type.js";
import { ATOMIC_NAMES } from "../types/atomic-names.js";
import { Row } from "./row.js";

/** The Python class PySpark would name for a JS value in errors (`<class 'str'>`). */
export function pyTypeName(v: unknown): string {
  const name = (): string => {
    if (v === null || v === undefined) return "NoneType";
    switch (typeof v) {
      case "boolean":
        return "bool";
      case "number":
        return Number.isInteger(v) ? "int" : "float";
      case "bigint":
        return "int";
      case "string":
        return "str";
      default:
        break;
    }
    if (v instanceof Date) return "datetime.datetime";
    if (v instanceof Uint8Array) return "bytearray";
    if (v instanceof Row) return "pyspark.sql.types.Row";
    if (Array.isArray(v)) return "list";
    return "dict";
  };
  return `<class '${name()}'>`;
}

/** PySpark's repr of a DataType (`IntegerType()`, `ArrayType(LongType(), True)`). */
export function pyDataTypeRepr(t: DataType): string {
  const py = (b: boolean): string => (b ? "True" : "False");
  switch (t.kind) {
    case "decimal":
      return `DecimalType(${t.precision}, ${t.scale})`;
    case "day_time_interval":
      return `DayTimeIntervalType(${t.startField}, ${t.endField})`;
    case "year_month_interval":
      return `YearMonthIntervalType(${t.startField}, ${t.endField})`;
    case "array":
      return `ArrayType(${pyDataTypeRepr(t.elementType)}, ${py(t.containsNull)})`;
    case "map":
      return `MapType(${pyDataTypeRepr(t.keyType)}, ${pyDataTypeRepr(t.valueType)}, ${py(t.valueContainsNull)})`;
    case "struct":
      return `StructType([${t.fields.map((f) => `StructField('${f.name}', ${pyDataTypeRepr(f.dataType)}, ${py(f.nullable)})`).join(", ")}])`;
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
    case "calendar_interval":
    case "variant":
      return ATOMIC_NAMES[t.kind].py;
    default:
      return assertNever(t);
  }
}
