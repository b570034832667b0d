import type { SchemaElement } from "hyparquet";
import type { DataType, StructType } from "../../types/data-type.js";
import { encodeStructType } from "../../types/type-json.js";

/** How TimestampType values are written (spark.sql.parquet.outputTimestampType; Spark's default is INT96). */
export type TimestampOutput = "INT96" | "TIMESTAMP_MICROS" | "TIMESTAMP_MILLIS";

/**
 * INT96 leaves as the writer emits them: hyparquet-writer has no INT96 type, so they are
 * written as FIXED_LEN_BYTE_ARRAY(12), whose PLAIN and dictionary encodings are byte for byte
 * INT96's (12 bytes a value, no length), and retyped INT96 in the footer before it is
 * serialised (parquet-output-writer.ts). Known by identity, not by shape.
 */
const INT96_STAND_INS = new WeakSet<SchemaElement>();

/** Whether `e` is an INT96 leaf written as FIXED_LEN_BYTE_ARRAY(12), to be retyped in the footer. */
export function isInt96StandIn(e: SchemaElement): boolean {
  return INT96_STAND_INS.has(e);
}

/** Bytes of the smallest two's complement that holds every unscaled value of `precision` digits (Spark's minBytesForPrecision). */
export function minBytesForPrecision(precision: number): number {
  let bytes = 1;
  while (2 ** (8 * bytes - 1) < 10 ** precision) bytes++;
  return bytes;
}

/**
 * The Parquet schema Spark writes for `schema` (ParquetWriteSupport with
 * spark.sql.parquet.writeLegacyFormat=false): decimals as INT32 / INT64 / FIXED_LEN_BYTE_ARRAY
 * by precision, 3-level LIST and MAP groups named list/element and key_value/key/value,
 * dates as INT32 (DATE), bytes and shorts as annotated INT32, the root group `spark_schema`.
 */
export function parquetSchemaFor(schema: StructType, ts: TimestampOutput): SchemaElement[] {
  const out: SchemaElement[] = [{ name: "spark_schema", repetition_type: "REQUIRED", num_children: schema.fields.length }];
  for (const f of schema.fields) emit(out, f.name, f.dataType, f.nullable ? "OPTIONAL" : "REQUIRED", ts);
  return out;
}

function emit(out: SchemaElement[], name: string, t: DataType, rep: "OPTIONAL" | "REQUIRED" | "REPEATED", ts: TimestampOutput): void {
  const leaf = (e: Omit<SchemaElement, "name" | "repetition_type">): void => {
    out.push({ name, repetition_type: rep, ...e });
  };
  switch (t.kind) {
    case "boolean":
      return leaf({ type: "BOOLEAN" });
    // Only the converted type: hyparquet-writer serialises the INTEGER logical type's bitWidth
    // as an i32 where the thrift IDL has an i8, which pyarrow rejects; INT_8 / INT_16 mean the same.
    case "byte":
      return leaf({ type: "INT32", converted_type: "INT_8" });
    case "short":
      return leaf({ type: "INT32", converted_type: "INT_16" });
    case "integer":
      return leaf({ type: "INT32" });
    case "long":
      return leaf({ type: "INT64" });
    case "float":
      return leaf({ type: "FLOAT" });
    case "double":
      return leaf({ type: "DOUBLE" });
    case "string":
      return leaf({ type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } });
    case "binary":
      return leaf({ type: "BYTE_ARRAY" });
    case "date":
      return leaf({ type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" } });
    case "timestamp":
    case "timestamp_ntz": {
      if (t.kind === "timestamp" && ts === "INT96") {
        // no annotation: Spark writes INT96 bare (ParquetSchemaConverter)
        const e: SchemaElement = { name, repetition_type: rep, type: "FIXED_LEN_BYTE_ARRAY", type_length: 12 };
        INT96_STAND_INS.add(e);
        out.push(e);
        return;
      }
      // TimestampNTZ is always INT64 micros; the conf is about TimestampType (Spark's ParquetSchemaConverter).
      const unit = ts === "TIMESTAMP_MILLIS" && t.kind === "timestamp" ? "MILLIS" : "MICROS";
      const utc = t.kind === "timestamp";
      // The legacy converted type exists only for UTC-adjusted timestamps (parquet-format's rule).
      return leaf({
        type: "INT64",
        ...(utc ? { converted_type: unit === "MILLIS" ? "TIMESTAMP_MILLIS" : "TIMESTAMP_MICROS" } : {}),
        logical_type: { type: "TIMESTAMP", isAdjustedToUTC: utc, unit },
      });
    }
    case "decimal": {
      const dec = { converted_type: "DECIMAL" as const, precision: t.precision, scale: t.scale, logical_type: { type: "DECIMAL" as const, precision: t.precision, scale: t.scale } };
      if (t.precision <= 9) return leaf({ type: "INT32", ...dec });
      if (t.precision <= 18) return leaf({ type: "INT64", ...dec });
      return leaf({ type: "FIXED_LEN_BYTE_ARRAY", type_length: minBytesForPrecision(t.precision), ...dec });
    }
    case "array":
      out.push({ name, repetition_type: rep, num_children: 1, converted_type: "LIST", logical_type: { type: "LIST" } });
      out.push({ name: "list", repetition_type: "REPEATED", num_children: 1 });
      return emit(out, "element", t.elementType, t.containsNull ? "OPTIONAL" : "REQUIRED", ts);
    case "map":
      out.push({ name, repetition_type: rep, num_children: 1, converted_type: "MAP", logical_type: { type: "MAP" } });
      out.push({ name: "key_value", repetition_type: "REPEATED", num_children: 2 });
      emit(out, "key", t.keyType, "REQUIRED", ts);
      return emit(out, "value", t.valueType, t.valueContainsNull ? "OPTIONAL" : "REQUIRED", ts);
    case "struct":
      out.push({ name, repetition_type: rep, num_children: t.fields.length });
      for (const f of t.fields) emit(out, f.name, f.dataType, f.nullable ? "OPTIONAL" : "REQUIRED", ts);
      return;
    // ANSI intervals bare, as Spark's SparkToParquetSchemaConverter writes them: months as INT32,
    // microseconds as INT64; their types come back from Spark's schema in the footer metadata.
    case "year_month_interval":
      return leaf({ type: "INT32" });
    case "day_time_interval":
      return leaf({ type: "INT64" });
    case "null":
    case "calendar_interval":
    case "variant":
      throw new Error(`${t.kind} cannot be written to Parquet`);
  }
}

/** The first type in `t` that the Parquet writer cannot write, if any (Spark's supportDataType). */
export function unwritableType(t: DataType): DataType | undefined {
  switch (t.kind) {
    case "null":
    case "calendar_interval":
    case "variant":
      return t;
    case "array":
      return unwritableType(t.elementType);
    case "map":
      return unwritableType(t.keyType) ?? unwritableType(t.valueType);
    case "struct":
      for (const f of t.fields) {
        const u = unwritableType(f.dataType);
        if (u !== undefined) return u;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The key-value metadata Spark writes: its schema as JSON (read back by Spark for exact types) and its version. */
export function sparkKeyValueMetadata(schema: StructType): { key: string; value: string }[] {
  return [
    { key: "org.apache.spark.version", value: "4.0.1" },
    { key: "org.apache.spark.sql.parquet.row.metadata", value: JSON.stringify(encodeStructType(schema)) },
  ];
}
