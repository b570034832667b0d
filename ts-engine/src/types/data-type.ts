import { assertNever } from "../errors/assert-never.js";

/**
 * Spark's data types as a discriminated union. `kind` uses the names of
 * Spark's JSON type representation (DataType.typeName), which is also the
 * wire form (see bridge/PROTOCOL.md, "Data types").
 */
export type AtomicKind =
  | "null"
  | "boolean"
  | "byte"
  | "short"
  | "integer"
  | "long"
  | "float"
  | "double"
  | "string"
  | "binary"
  | "date"
  | "timestamp"
  | "timestamp_ntz"
  | "calendar_interval"
  | "variant";

export interface AtomicType {
  readonly kind: AtomicKind;
}

export interface DecimalType {
  readonly kind: "decimal";
  readonly precision: number;
  readonly scale: number;
}

export interface ArrayType {
  readonly kind: "array";
  readonly elementType: DataType;
  readonly containsNull: boolean;
}

export interface MapType {
  readonly kind: "map";
  readonly keyType: DataType;
  readonly valueType: DataType;
  readonly valueContainsNull: boolean;
}

export interface StructField {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
  /** Spark's field Metadata (`df.withMetadata`, `alias(metadata=…)`); absent = empty. */
  readonly metadata?: FieldMetadata;
}

/** A JSON value held in field metadata (Spark's Metadata: strings, numbers, booleans, arrays, nested metadata). */
export type MetadataValue = string | number | boolean | null | readonly MetadataValue[] | FieldMetadata;

/** A StructField's metadata: JSON values by key, as Spark's Metadata JSON prints them. */
export interface FieldMetadata {
  readonly [key: string]: MetadataValue;
}

export interface StructType {
  readonly kind: "struct";
  readonly fields: readonly StructField[];
}

/**
 * Spark's DayTimeIntervalType: fields DAY(0) HOUR(1) MINUTE(2) SECOND(3) from `startField` to
 * `endField`; a value is a count of microseconds (a long), whatever the fields.
 */
export interface DayTimeIntervalType {
  readonly kind: "day_time_interval";
  readonly startField: number;
  readonly endField: number;
}

/** Spark's YearMonthIntervalType: fields YEAR(0) MONTH(1); a value is a count of months (an int). */
export interface YearMonthIntervalType {
  readonly kind: "year_month_interval";
  readonly startField: number;
  readonly endField: number;
}

/**
 * Spark 4's StringType with a collation other than UTF8_BINARY (`StringType("UTF8_LCASE")`,
 * `STRING COLLATE UNICODE_CI`): still kind "string" (every string kernel takes it), with the
 * canonical collation name (types/collation.ts). UTF8_BINARY is the plain atomic StringType.
 */
export interface CollatedStringType {
  readonly kind: "string";
  readonly collation: string;
}

export type DataType =
  | AtomicType
  | CollatedStringType
  | DecimalType
  | DayTimeIntervalType
  | YearMonthIntervalType
  | ArrayType
  | MapType
  | StructType;

/** Field names of a day-time interval, by field number (Spark's DayTimeIntervalType.fieldToString). */
export const DAY_TIME_FIELDS: readonly string[] = ["day", "hour", "minute", "second"];
/** Field names of a year-month interval, by field number. */
export const YEAR_MONTH_FIELDS: readonly string[] = ["year", "month"];

/** DayTimeIntervalType(start, end); the default is DAY TO SECOND, as in Spark. */
export function dayTimeIntervalType(startField = 0, endField = 3): DayTimeIntervalType {
  return { kind: "day_time_interval", startField, endField };
}

/** YearMonthIntervalType(start, end); the default is YEAR TO MONTH, as in Spark. */
export function yearMonthIntervalType(startField = 0, endField = 1): YearMonthIntervalType {
  return { kind: "year_month_interval", startField, endField };
}

/** True for both ANSI interval types. */
export function isInterval(t: DataType): t is DayTimeIntervalType | YearMonthIntervalType {
  return t.kind === "day_time_interval" || t.kind === "year_month_interval";
}

const atomicCache = new Map<AtomicKind, AtomicType>();

/** Shared instance of an atomic type, so equality checks can be cheap. */
export function atomic(kind: AtomicKind): AtomicType {
  let t = atomicCache.get(kind);
  if (t === undefined) {
    t = Object.freeze({ kind });
    atomicCache.set(kind, t);
  }
  return t;
}

export const NullType = atomic("null");
export const BooleanType = atomic("boolean");
export const ByteType = atomic("byte");
export const ShortType = atomic("short");
export const IntegerType = atomic("integer");
export const LongType = atomic("long");
export const FloatType = atomic("float");
export const DoubleType = atomic("double");
export const StringType = atomic("string");
export const BinaryType = atomic("binary");
export const DateType = atomic("date");
export const TimestampType = atomic("timestamp");
export const TimestampNTZType = atomic("timestamp_ntz");
/** Spark's CalendarIntervalType (make_interval): months, days and microseconds apart (columnar/calendar-interval.ts). */
export const CalendarIntervalType = atomic("calendar_interval");
/** Spark 4's VariantType (parse_json): self-describing values in Spark's binary encoding (columnar/variant.ts). */
export const VariantType = atomic("variant");

export function decimalType(precision: number, scale: number): DecimalType {
  return { kind: "decimal", precision, scale };
}

export function arrayType(elementType: DataType, containsNull = true): ArrayType {
  return { kind: "array", elementType, containsNull };
}

export function mapType(keyType: DataType, valueType: DataType, valueContainsNull = true): MapType {
  return { kind: "map", keyType, valueType, valueContainsNull };
}

export function structField(name: string, dataType: DataType, nullable = true, metadata?: FieldMetadata): StructField {
  return metadata === undefined || Object.keys(metadata).length === 0 ? { name, dataType, nullable } : { name, dataType, nullable, metadata };
}

export function structType(fields: readonly StructField[]): StructType {
  return { kind: "struct", fields };
}

const INTEGRAL = new Set<string>(["byte", "short", "integer", "long"]);
const NUMERIC = new Set<string>(["byte", "short", "integer", "long", "float", "double", "decimal"]);

export function isIntegral(t: DataType): boolean {
  return INTEGRAL.has(t.kind);
}

export function isNumeric(t: DataType): boolean {
  return NUMERIC.has(t.kind);
}

/**
 * The collation of a string type: its name, or "UTF8_BINARY" for the plain StringType (and for
 * any other type, whose values never compare as collated strings).
 */
export function collationOf(t: DataType): string {
  return "collation" in t ? t.collation : "UTF8_BINARY";
}

/** StringType with collation `name` (already canonical): the plain StringType for UTF8_BINARY. */
export function collatedStringType(name: string): DataType {
  return name === "UTF8_BINARY" ? StringType : { kind: "string", collation: name };
}

/**
 * PySpark's UserDefinedType, as the engine keeps it: a mark on its sqlType. The engine stores,
 * computes, shows and casts the values as the sqlType (as Spark's PythonUserDefinedType does);
 * the mark travels with the type so that schemas sent to the client name the UDT, whose
 * `deserialize` turns collected values back into the user's objects.
 */
export interface UserDefinedTypeInfo {
  /** `module.ClassName` of the Python UDT class. */
  readonly pyClass: string;
  /** The class cloudpickled, base64 (PySpark's jsonValue when the UDT has no Scala twin). */
  readonly serializedClass?: string;
  /** The paired Scala UDT's class name (VectorUDT's `org.apache.spark.ml.linalg.VectorUDT`). */
  readonly scalaClass?: string;
}

/** `sqlType` marked as the UDT `udt`. */
export function withUdt(sqlType: DataType, udt: UserDefinedTypeInfo): DataType {
  return Object.assign({}, sqlType, { udt });
}

/** The UDT a type is, if it is one. */
export function udtOf(t: DataType): UserDefinedTypeInfo | undefined {
  return "udt" in t ? (t as { readonly udt: UserDefinedTypeInfo }).udt : undefined;
}

/** A UDT's sqlType without the mark (unwrap_udt); any other type as it is. */
export function withoutUdt(t: DataType): DataType {
  if (udtOf(t) === undefined) return t;
  const { udt: _udt, ...rest } = t as DataType & { readonly udt: UserDefinedTypeInfo };
  return rest.kind === "string" && !("collation" in rest) ? StringType : (rest as DataType);
}

/**
 * Equal up to field names and nullability, at every depth (Spark's equalsStructurally with
 * ignoreNullability): the rule by which two structs whose fields differ only in name compare.
 */
export function typeEqualsStructurally(a: DataType, b: DataType): boolean {
  if (a.kind === "array" && b.kind === "array") return typeEqualsStructurally(a.elementType, b.elementType);
  if (a.kind === "map" && b.kind === "map") return typeEqualsStructurally(a.keyType, b.keyType) && typeEqualsStructurally(a.valueType, b.valueType);
  if (a.kind === "struct" && b.kind === "struct" && udtOf(a) === undefined && udtOf(b) === undefined) {
    return a.fields.length === b.fields.length && a.fields.every((f, i) => typeEqualsStructurally(f.dataType, b.fields[i]!.dataType));
  }
  return typeEquals(a, b);
}

/** Structural equality of two types, including nullability flags. */
export function typeEquals(a: DataType, b: DataType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  // a UDT is not its sqlType, nor another UDT over the same sqlType
  if (udtOf(a)?.pyClass !== udtOf(b)?.pyClass) return false;
  switch (a.kind) {
    case "decimal": {
      const o = b as DecimalType;
      return a.precision === o.precision && a.scale === o.scale;
    }
    case "day_time_interval":
    case "year_month_interval": {
      const o = b as DayTimeIntervalType | YearMonthIntervalType;
      return a.startField === o.startField && a.endField === o.endField;
    }
    case "array": {
      const o = b as ArrayType;
      return a.containsNull === o.containsNull && typeEquals(a.elementType, o.elementType);
    }
    case "map": {
      const o = b as MapType;
      return (
        a.valueContainsNull === o.valueContainsNull &&
        typeEquals(a.keyType, o.keyType) &&
        typeEquals(a.valueType, o.valueType)
      );
    }
    case "struct": {
      const o = b as StructType;
      return (
        a.fields.length === o.fields.length &&
        a.fields.every((f, i) => {
          const g = o.fields[i]!;
          return f.name === g.name && f.nullable === g.nullable && typeEquals(f.dataType, g.dataType);
        })
      );
    }
    case "string":
      // Spark's StringType equality includes the collation id.
      return collationOf(a) === collationOf(b);
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
      return true;
    default:
      return assertNever(a);
  }
}
