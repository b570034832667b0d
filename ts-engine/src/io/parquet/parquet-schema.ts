import { parquetSchema, type FileMetaData, type SchemaElement, type SchemaTree } from "hyparquet";
import { AnalysisException } from "../../errors/spark-exception.js";
import type { DataType, FieldMetadata, StructField, StructType } from "../../types/data-type.js";
import { parseIntervalTypeString } from "../../types/atomic-names.js";

/** Spark's name for a Parquet primitive in "Illegal Parquet type" errors: `INT64 (TIMESTAMP(NANOS,true))`. */
function illegalType(e: SchemaElement): AnalysisException {
  const lt = e.logical_type;
  let annotation = "";
  if (lt !== undefined) {
    if (lt.type === "TIMESTAMP" || lt.type === "TIME") annotation = ` (${lt.type}(${lt.unit},${lt.isAdjustedToUTC}))`;
    else if (lt.type === "INTEGER") annotation = ` (INTEGER(${lt.bitWidth},${lt.isSigned}))`;
    else annotation = ` (${lt.type})`;
  } else if (e.converted_type !== undefined) annotation = ` (${e.converted_type})`;
  return new AnalysisException("PARQUET_TYPE_ILLEGAL", { parquetType: `${e.type ?? "group"}${annotation}` });
}

function decimalOf(e: SchemaElement): DataType {
  const lt = e.logical_type;
  if (lt?.type === "DECIMAL") return { kind: "decimal", precision: lt.precision, scale: lt.scale };
  return { kind: "decimal", precision: e.precision ?? 38, scale: e.scale ?? 0 };
}

function isDecimal(e: SchemaElement): boolean {
  return e.logical_type?.type === "DECIMAL" || e.converted_type === "DECIMAL";
}

/** Session settings that change how Parquet types map to Spark's. */
export interface SchemaOptions {
  /** spark.sql.parquet.binaryAsString: unannotated BYTE_ARRAY as string (old Impala/Hive files). */
  readonly binaryAsString: boolean;
}

const DEFAULT_SCHEMA_OPTIONS: SchemaOptions = { binaryAsString: false };

/**
 * The Spark type of a Parquet primitive column, as Spark's ParquetToSparkSchemaConverter maps
 * it (Spark 4 defaults: INT96 as timestamp, TIMESTAMP(isAdjustedToUTC=false) as
 * timestamp_ntz, unannotated BYTE_ARRAY as binary, UINT_64 as decimal(20,0)).
 */
export function primitiveSparkType(e: SchemaElement, opts: SchemaOptions = DEFAULT_SCHEMA_OPTIONS): DataType {
  const lt = e.logical_type;
  const ct = e.converted_type;
  switch (e.type) {
    case "BOOLEAN":
      return { kind: "boolean" };
    case "FLOAT":
      return { kind: "float" };
    case "DOUBLE":
      return { kind: "double" };
    case "INT96":
      return { kind: "timestamp" };
    case "INT32": {
      if (isDecimal(e)) return decimalOf(e);
      if (lt?.type === "DATE" || ct === "DATE") return { kind: "date" };
      if (lt?.type === "INTEGER") {
        if (lt.isSigned) return lt.bitWidth === 8 ? { kind: "byte" } : lt.bitWidth === 16 ? { kind: "short" } : { kind: "integer" };
        return lt.bitWidth === 8 ? { kind: "short" } : lt.bitWidth === 16 ? { kind: "integer" } : { kind: "long" };
      }
      if (ct === "INT_8") return { kind: "byte" };
      if (ct === "INT_16") return { kind: "short" };
      if (ct === "UINT_8") return { kind: "short" };
      if (ct === "UINT_16") return { kind: "integer" };
      if (ct === "UINT_32") return { kind: "long" };
      if (ct === undefined || ct === "INT_32") return { kind: "integer" };
      throw illegalType(e);
    }
    case "INT64": {
      if (isDecimal(e)) return decimalOf(e);
      if (lt?.type === "TIMESTAMP") {
        if (lt.unit === "NANOS") throw illegalType(e);
        return lt.isAdjustedToUTC ? { kind: "timestamp" } : { kind: "timestamp_ntz" };
      }
      if (ct === "TIMESTAMP_MICROS" || ct === "TIMESTAMP_MILLIS") return { kind: "timestamp" };
      if (lt?.type === "INTEGER" && !lt.isSigned) return { kind: "decimal", precision: 20, scale: 0 };
      if (ct === "UINT_64") return { kind: "decimal", precision: 20, scale: 0 };
      if (ct === undefined || ct === "INT_64" || lt?.type === "INTEGER") return { kind: "long" };
      throw illegalType(e);
    }
    case "BYTE_ARRAY": {
      if (isDecimal(e)) return decimalOf(e);
      if (lt?.type === "STRING" || lt?.type === "ENUM" || lt?.type === "JSON" || ct === "UTF8" || ct === "ENUM" || ct === "JSON") return { kind: "string" };
      if (ct === undefined && lt === undefined && opts.binaryAsString) return { kind: "string" };
      if (ct === undefined || lt?.type === "BSON" || ct === "BSON") return { kind: "binary" };
      throw illegalType(e);
    }
    case "FIXED_LEN_BYTE_ARRAY": {
      if (isDecimal(e)) return decimalOf(e);
      if (ct === undefined && lt === undefined) return { kind: "binary" };
      if (ct === "INTERVAL") return { kind: "binary" };
      throw illegalType(e);
    }
    case undefined:
      throw illegalType(e);
  }
}

function isListGroup(e: SchemaElement): boolean {
  return e.logical_type?.type === "LIST" || e.converted_type === "LIST";
}

function isMapGroup(e: SchemaElement): boolean {
  return e.logical_type?.type === "MAP" || e.converted_type === "MAP" || e.converted_type === "MAP_KEY_VALUE";
}

/** The type of a node, ignoring its own repetition (the caller wraps repeated fields). */
function nodeType(node: SchemaTree, opts: SchemaOptions): DataType {
  const e = node.element;
  if (node.children.length === 0 && e.type !== undefined) return primitiveSparkType(e, opts);
  if (isListGroup(e)) return listType(node, opts);
  if (isMapGroup(e)) return mapType(node, opts);
  return { kind: "struct", fields: node.children.map((c) => fieldOf(c, opts)) };
}

/**
 * A LIST group, with Parquet's backward-compatibility rules as Spark applies them: the
 * repeated child is the element itself when it is primitive, has several fields, or is named
 * `array` or `<list>_tuple` (the 2-level forms of old writers); else it wraps the element.
 */
function listType(node: SchemaTree, opts: SchemaOptions): DataType {
  const rep = node.children[0];
  if (node.children.length !== 1 || rep === undefined || rep.element.repetition_type !== "REPEATED") throw illegalType(node.element);
  const legacy =
    rep.children.length === 0 || rep.children.length > 1 || rep.element.name === "array" || rep.element.name === `${node.element.name}_tuple`;
  if (legacy) return { kind: "array", elementType: nodeType(rep, opts), containsNull: false };
  const elem = rep.children[0]!;
  const inner = elem.element.repetition_type === "REPEATED" ? { kind: "array" as const, elementType: nodeType(elem, opts), containsNull: false } : nodeType(elem, opts);
  return { kind: "array", elementType: inner, containsNull: elem.element.repetition_type !== "REQUIRED" };
}

/** A MAP group: one repeated key_value group of a required key and a value. */
function mapType(node: SchemaTree, opts: SchemaOptions): DataType {
  const kv = node.children[0];
  if (node.children.length !== 1 || kv === undefined || kv.children.length !== 2) throw illegalType(node.element);
  const [k, v] = kv.children as [SchemaTree, SchemaTree];
  return { kind: "map", keyType: nodeType(k, opts), valueType: nodeType(v, opts), valueContainsNull: v.element.repetition_type !== "REQUIRED" };
}

function fieldOf(node: SchemaTree, opts: SchemaOptions): StructField {
  const e = node.element;
  if (e.repetition_type === "REPEATED") {
    // A repeated field outside a LIST group: a required array of its type (Parquet's 1-level lists).
    return { name: e.name, dataType: { kind: "array", elementType: nodeType(node, opts), containsNull: false }, nullable: false };
  }
  return { name: e.name, dataType: nodeType(node, opts), nullable: e.repetition_type !== "REQUIRED" };
}

/**
 * The Spark schema of a Parquet file's footer, as Spark infers it (nullability as written;
 * the file source makes it nullable, see `asNullable`).
 */
export function sparkSchemaOf(metadata: FileMetaData, opts: SchemaOptions = DEFAULT_SCHEMA_OPTIONS): StructType {
  const root = parquetSchema(metadata);
  const kept = sparkFieldMetadata(metadata);
  const st: StructType = {
    kind: "struct",
    fields: root.children.map((c) => {
      const f = fieldOf(c, opts);
      const m = kept.get(f.name);
      return m === undefined ? f : { ...f, metadata: m };
    }),
  };
  const written = sparkRowMetadata(metadata);
  if (written === undefined) return st;
  let json: unknown;
  try {
    json = JSON.parse(written);
  } catch {
    return st; // Spark falls back to the Parquet schema when its own does not parse
  }
  const t = withWrittenIntervals(st, json);
  return t.kind === "struct" ? t : st;
}

/** The footer key under which Spark writes the Catalyst schema (ParquetReadSupport.SPARK_METADATA_KEY). */
const SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * `t` with the ANSI interval types Spark's own schema (its footer metadata, in Spark's JSON
 * type form) gives where the Parquet schema says only INT32 / INT64: Spark writes
 * year-month intervals as bare INT32 and day-time intervals as bare INT64 and reads them back
 * through that schema (ParquetFileFormat.readSchemaFromFooter). Everything else keeps the type
 * the Parquet schema gives.
 */
function withWrittenIntervals(t: DataType, json: unknown): DataType {
  if (typeof json === "string") {
    const w = parseIntervalTypeString(json);
    if (w === null) return t;
    return (w.kind === "year_month_interval" && t.kind === "integer") || (w.kind === "day_time_interval" && t.kind === "long") ? w : t;
  }
  if (!isRecord(json)) return t;
  switch (t.kind) {
    case "struct": {
      const fields = Array.isArray(json.fields) ? json.fields : [];
      const byName = new Map<string, unknown>();
      for (const f of fields) if (isRecord(f) && typeof f.name === "string") byName.set(f.name, f.type);
      let changed = false;
      const out = t.fields.map((f) => {
        const w = byName.get(f.name);
        const d = w === undefined ? f.dataType : withWrittenIntervals(f.dataType, w);
        if (d === f.dataType) return f;
        changed = true;
        return { ...f, dataType: d };
      });
      return changed ? { kind: "struct", fields: out } : t;
    }
    case "array": {
      const e = withWrittenIntervals(t.elementType, json.elementType);
      return e === t.elementType ? t : { ...t, elementType: e };
    }
    case "map": {
      const k = withWrittenIntervals(t.keyType, json.keyType);
      const v = withWrittenIntervals(t.valueType, json.valueType);
      return k === t.keyType && v === t.valueType ? t : { ...t, keyType: k, valueType: v };
    }
    default:
      return t;
  }
}

/** Spark's Catalyst schema JSON from the footer, if a Spark writer left it there. */
function sparkRowMetadata(metadata: FileMetaData): string | undefined {
  // the footer is read with raw parsers: keys and values may still be UTF-8 bytes
  const text = (v: unknown): string | undefined => (typeof v === "string" ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : undefined);
  return text(metadata.key_value_metadata?.find((e) => text(e.key) === SPARK_ROW_METADATA)?.value);
}

/**
 * The field metadata Spark wrote in the footer's `org.apache.spark.sql.parquet.row.metadata`
 * (the schema's JSON), which Spark's reader restores (by top-level column name).
 */
function sparkFieldMetadata(metadata: FileMetaData): Map<string, FieldMetadata> {
  const out = new Map<string, FieldMetadata>();
  const value = sparkRowMetadata(metadata);
  if (value === undefined) return out;
  try {
    const schema = JSON.parse(value) as { fields?: { name?: unknown; metadata?: unknown }[] };
    for (const f of schema.fields ?? []) {
      const m = f.metadata;
      if (typeof f.name === "string" && typeof m === "object" && m !== null && !Array.isArray(m) && Object.keys(m).length > 0) out.set(f.name, m as FieldMetadata);
    }
  } catch {
    // a footer key another writer filled with something else: no metadata, as Spark falls back
  }
  return out;
}

/** `t` with every field, element and value nullable, as Spark's file sources read data. */
export function asNullable(t: DataType): DataType {
  switch (t.kind) {
    case "struct":
      return { kind: "struct", fields: t.fields.map((f) => ({ ...f, dataType: asNullable(f.dataType), nullable: true })) };
    case "array":
      return { kind: "array", elementType: asNullable(t.elementType), containsNull: true };
    case "map":
      return { kind: "map", keyType: asNullable(t.keyType), valueType: asNullable(t.valueType), valueContainsNull: true };
    default:
      return t;
  }
}
