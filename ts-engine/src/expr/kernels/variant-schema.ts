import { readVariant, type VariantValue } from "../../columnar/variant.js";
import {
  BinaryType,
  BooleanType,
  DateType,
  DoubleType,
  FloatType,
  LongType,
  NullType,
  StringType,
  TimestampNTZType,
  TimestampType,
  VariantType,
  arrayType,
  decimalType,
  structType,
  typeEquals,
  type DataType,
  type StructField,
} from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";

/** BigDecimal precision of an unscaled value. */
function digits(u: bigint): number {
  return (u < 0n ? -u : u).toString().length;
}

/**
 * The Spark type of the variant at `pos` (Spark's SchemaOfVariant.schemaOf): integers are
 * BIGINT, decimals DECIMAL(precision, scale) of their value, objects structs of their fields in
 * key order, arrays of their elements' merged type, variant nulls VOID.
 */
export function variantSchema(v: VariantValue, pos = 0): DataType {
  const n = readVariant(v, pos);
  switch (n.kind) {
    case "null":
      return NullType;
    case "boolean":
      return BooleanType;
    case "long":
      return LongType;
    case "double":
      return DoubleType;
    case "float":
      return FloatType;
    case "decimal":
      return decimalType(Math.max(digits(n.unscaled), n.scale), n.scale);
    case "string":
    case "uuid":
      return StringType;
    case "date":
      return DateType;
    case "timestamp":
      return TimestampType;
    case "timestamp_ntz":
      return TimestampNTZType;
    case "binary":
      return BinaryType;
    case "array": {
      let e: DataType = NullType;
      for (const p of n.values) e = mergeVariantSchema(e, variantSchema(v, p));
      return arrayType(e, true);
    }
    case "object":
      return structType(n.keys.map((k, i) => ({ name: k, dataType: variantSchema(v, n.values[i]!), nullable: true })));
  }
}

/**
 * Two variant schemas merged (Spark's SchemaOfVariant.mergeSchema): equal types stay, VOID
 * gives way, structs merge field by field (sorted by name), arrays by element, numbers widen
 * (BIGINT and DECIMAL to a decimal that holds both, with DOUBLE to DOUBLE); anything else is VARIANT.
 */
export function mergeVariantSchema(a: DataType, b: DataType): DataType {
  if (typeEquals(a, b)) return a;
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "struct" && b.kind === "struct") {
    const out: StructField[] = [];
    let i = 0;
    let j = 0;
    while (i < a.fields.length || j < b.fields.length) {
      const fa = a.fields[i];
      const fb = b.fields[j];
      if (fa !== undefined && (fb === undefined || fa.name < fb.name)) {
        out.push({ name: fa.name, dataType: fa.dataType, nullable: true });
        i++;
      } else if (fb !== undefined && (fa === undefined || fb.name < fa.name)) {
        out.push({ name: fb.name, dataType: fb.dataType, nullable: true });
        j++;
      } else {
        out.push({ name: fa!.name, dataType: mergeVariantSchema(fa!.dataType, fb!.dataType), nullable: true });
        i++;
        j++;
      }
    }
    return structType(out);
  }
  if (a.kind === "array" && b.kind === "array") return arrayType(mergeVariantSchema(a.elementType, b.elementType), true);
  const dec = (t: DataType): { p: number; s: number } | null => (t.kind === "decimal" ? { p: t.precision, s: t.scale } : t.kind === "long" ? { p: 20, s: 0 } : null);
  const da = dec(a);
  const db = dec(b);
  if (da !== null && db !== null) {
    // DecimalPrecision.widerDecimalType: keep the larger integral part and the larger scale, capped at 38.
    const s = Math.max(da.s, db.s);
    const range = Math.max(da.p - da.s, db.p - db.s);
    if (range + s <= 38) return decimalType(range + s, s);
    return VariantType;
  }
  const numeric = (t: DataType): boolean => t.kind === "long" || t.kind === "decimal" || t.kind === "double" || t.kind === "float";
  if (numeric(a) && numeric(b) && (a.kind === "double" || b.kind === "double" || a.kind === "float" || b.kind === "float")) return DoubleType;
  return VariantType;
}

/** Quotes a field name that is not a plain identifier, as Spark's quoteIdentifier. */
function fieldName(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}

/** schema_of_variant's text: `OBJECT<a: BIGINT, b: STRING>`, `ARRAY<DOUBLE>`, other types by their SQL name. */
export function variantSchemaText(t: DataType): string {
  switch (t.kind) {
    case "struct":
      return `OBJECT<${t.fields.map((f) => `${fieldName(f.name)}: ${variantSchemaText(f.dataType)}`).join(", ")}>`;
    case "array":
      return `ARRAY<${variantSchemaText(t.elementType)}>`;
    default:
      return sqlTypeName(t);
  }
}
