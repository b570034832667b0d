import { collationName } from "../../types/collation.js";
import {
  collatedStringType,
  withUdt,
  arrayType,
  atomic,
  decimalType,
  mapType,
  structField,
  structType,
  type AtomicKind,
  type DataType,
  type FieldMetadata,
  type MetadataValue,
  type StructType,
} from "../../types/data-type.js";
import { asBool, asList, asMap, asString, describe, fail, isMap, req } from "./wire-reader.js";
import { ATOMIC_KINDS, parseIntervalTypeString } from "../../types/atomic-names.js";

const ATOMIC: ReadonlySet<string> = new Set<AtomicKind>(ATOMIC_KINDS);

const COLLATED = /^string\s+collate\s+(\w+)$/i;

const DECIMAL = /^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/;

/** Decodes Spark's JSON type form (`"long"`, `"decimal(10,2)"`, `{type:"array",…}`). */
export function decodeDataType(raw: unknown, path: string): DataType {
  if (typeof raw === "string") {
    if (ATOMIC.has(raw)) return atomic(raw as AtomicKind);
    if (raw === "decimal") return decimalType(10, 0);
    const collated = COLLATED.exec(raw);
    if (collated !== null) return collatedStringType(collationName(collated[1]!));
    const interval = raw.startsWith("interval") ? parseIntervalTypeString(raw) : null;
    if (interval !== null) return interval;
    const m = DECIMAL.exec(raw);
    if (m) {
      const precision = Number(m[1]);
      const scale = Number(m[2]);
      if (precision < 1 || precision > 38 || scale > precision || scale < 0) fail(path, `invalid decimal type ${raw}`);
      return decimalType(precision, scale);
    }
    fail(path, `unknown data type ${JSON.stringify(raw)}`);
  }
  if (!isMap(raw)) fail(path, `expected a data type, got ${describe(raw)}`);
  const t = asString(req(raw, "type", path), `${path}.type`);
  switch (t) {
    case "array":
      return arrayType(
        decodeDataType(req(raw, "elementType", path), `${path}.elementType`),
        asBool(req(raw, "containsNull", path), `${path}.containsNull`),
      );
    case "map":
      return mapType(
        decodeDataType(req(raw, "keyType", path), `${path}.keyType`),
        decodeDataType(req(raw, "valueType", path), `${path}.valueType`),
        asBool(req(raw, "valueContainsNull", path), `${path}.valueContainsNull`),
      );
    case "struct":
      return decodeStructType(raw, path);
    case "udt": {
      // PySpark's UserDefinedType: the engine keeps the sqlType, marked (types/data-type.ts withUdt)
      const sqlType = decodeDataType(req(raw, "sqlType", path), `${path}.sqlType`);
      const opt = (k: string): string | undefined => (raw[k] === undefined || raw[k] === null ? undefined : asString(raw[k], `${path}.${k}`));
      const serializedClass = opt("serializedClass");
      const scalaClass = opt("class");
      return withUdt(sqlType, {
        pyClass: asString(req(raw, "pyClass", path), `${path}.pyClass`),
        ...(serializedClass === undefined ? {} : { serializedClass }),
        ...(scalaClass === undefined ? {} : { scalaClass }),
      });
    }
    default:
      return fail(`${path}.type`, `unknown data type ${JSON.stringify(t)}`);
  }
}

/** Decodes `{type:"struct", fields:[{name, type, nullable, metadata}]}`. */
export function decodeStructType(raw: unknown, path: string): StructType {
  const m = asMap(raw, path);
  if (m["type"] !== "struct") fail(`${path}.type`, "expected \"struct\"");
  const fields = asList(req(m, "fields", path), `${path}.fields`).map((f, i) => {
    const p = `${path}.fields[${i}]`;
    const fm = asMap(f, p);
    return structField(
      asString(req(fm, "name", p), `${p}.name`),
      decodeDataType(req(fm, "type", p), `${p}.type`),
      asBool(req(fm, "nullable", p), `${p}.nullable`),
      decodeMetadata(fm["metadata"], `${p}.metadata`),
    );
  });
  return structType(fields);
}

/** A field's metadata: a map of JSON values (absent or null: none). */
export function decodeMetadata(raw: unknown, path: string): FieldMetadata | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = (v: unknown, p: string): MetadataValue => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return v;
    if (typeof v === "bigint") return Number(v);
    if (Array.isArray(v)) return v.map((x, i) => value(x, `${p}[${i}]`));
    if (typeof v === "object") return decodeMetadata(v, p) ?? {};
    return fail(p, "expected a JSON value");
  };
  const m = asMap(raw, path);
  const out: Record<string, MetadataValue> = {};
  for (const [k, v] of Object.entries(m)) out[k] = value(v, `${path}.${k}`);
  return out;
}
