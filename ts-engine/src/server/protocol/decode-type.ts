import { collationName } from "../../types/collation.js";
import {
  collatedStringType,
  arrayType,
  atomic,
  decimalType,
  mapType,
  structField,
  structType,
  type AtomicKind,
  type DataType,
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
    );
  });
  return structType(fields);
}
