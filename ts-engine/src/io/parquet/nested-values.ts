import type { FileMetaData, SchemaElement, SchemaTree } from "hyparquet";
import { formatUnscaled, rescaleUnscaled } from "../../columnar/decimal-value.js";
import type { DataType } from "../../types/data-type.js";

const decoder = new TextDecoder("utf-8");

function isDecimalElement(e: SchemaElement): boolean {
  return e.converted_type === "DECIMAL" || e.logical_type?.type === "DECIMAL";
}

const rawMetadata = new WeakMap<FileMetaData, FileMetaData>();

/**
 * `metadata` with the DECIMAL annotation taken off every decimal leaf, for hyparquet's record
 * assembly: hyparquet turns annotated decimals into doubles (`unscaled * 10^-scale`), exact
 * only to about 15 digits; unannotated, the physical values come through as they are stored
 * (INT32 numbers, INT64 bigints, big-endian two's complement bytes) and `nestedToValues`
 * makes exact decimals of them with the scale the schema node carries. Cached per footer.
 */
export function withRawDecimals(metadata: FileMetaData): FileMetaData {
  const hit = rawMetadata.get(metadata);
  if (hit !== undefined) return hit;
  const out = metadata.schema.some(isDecimalElement)
    ? { ...metadata, schema: metadata.schema.map((e) => (isDecimalElement(e) ? { ...e, converted_type: undefined, logical_type: undefined } : e)) }
    : metadata;
  rawMetadata.set(metadata, out);
  return out;
}

/** A big-endian two's complement integer (FIXED_LEN_BYTE_ARRAY / BYTE_ARRAY decimals). */
function signedBigEndian(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let v = 0n;
  for (let k = 0; k < bytes.length; k++) v = (v << 8n) | BigInt(bytes[k]!);
  if (bytes[0]! & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v;
}

/**
 * The unscaled integer of a raw decimal value as hyparquet hands it out unannotated: a number
 * (INT32), a bigint (INT64) or bytes; or, as a map key (hyparquet keys map objects by the
 * key's text), that value's text: digits for INT32/INT64, comma-separated bytes otherwise.
 */
function rawUnscaled(x: unknown, e: SchemaElement | undefined): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "number") return BigInt(x);
  if (x instanceof Uint8Array) return signedBigEndian(x);
  const s = String(x);
  if (e?.type === "INT32" || e?.type === "INT64") return BigInt(s);
  return signedBigEndian(Uint8Array.from(s === "" ? [] : s.split(",").map(Number)));
}

/** A decimal leaf's value at the requested type's scale, as canonical text (the nested value convention). */
function decimalValue(x: unknown, type: DataType & { kind: "decimal" }, node: SchemaTree | undefined): string {
  const e = node?.element;
  const fileScale = e?.logical_type?.type === "DECIMAL" ? e.logical_type.scale : (e?.scale ?? type.scale);
  return formatUnscaled(rescaleUnscaled(rawUnscaled(x, e), fileScale, type.scale), type.scale);
}

/** The child node of a struct group holding field `name` (as hyparquet names the object's keys). */
function fieldNode(node: SchemaTree | undefined, name: string): SchemaTree | undefined {
  if (node === undefined) return undefined;
  return node.children.find((c) => c.element.name === name) ?? node.children.find((c) => c.element.name.toLowerCase() === name.toLowerCase());
}

/**
 * The element node of a list (parquet-schema.ts's rules): a repeated field outside a LIST
 * group is its own element; a LIST group's repeated child is the element in the legacy
 * 2-level forms, else it wraps the element.
 */
function elementNode(node: SchemaTree | undefined): SchemaTree | undefined {
  if (node === undefined) return undefined;
  const e = node.element;
  const isList = e.logical_type?.type === "LIST" || e.converted_type === "LIST";
  if (e.repetition_type === "REPEATED" && !isList) return node;
  const rep = node.children[0];
  if (rep === undefined) return undefined;
  const legacy = rep.children.length === 0 || rep.children.length > 1 || rep.element.name === "array" || rep.element.name === `${e.name}_tuple`;
  return legacy ? rep : rep.children[0];
}

/**
 * A value hyparquet assembled for a nested column (read with `withRawDecimals` metadata), in
 * the engine's plain-value convention for `type` (columnar/builder.ts): structs as field
 * arrays in schema order, maps as [key, value] pairs (hyparquet keys its map objects by the
 * keys' text, turned back into the key type here), decimals as exact text, longs and
 * timestamps as numbers within ±2^53 else bigints. `node` is the file's schema node of the
 * value (its physical type and scale decide how a decimal is decoded).
 */
export function nestedToValues(x: unknown, type: DataType, node: SchemaTree | undefined): unknown {
  if (x === null || x === undefined) return null;
  switch (type.kind) {
    case "struct": {
      const o = x as Record<string, unknown>;
      return type.fields.map((f) => nestedToValues(o[f.name], f.dataType, fieldNode(node, f.name)));
    }
    case "array": {
      const en = elementNode(node);
      return (x as unknown[]).map((e) => nestedToValues(e, type.elementType, en));
    }
    case "map": {
      const kv = node?.children[0];
      const [kn, vn] = [kv?.children[0], kv?.children[1]];
      const entries = x instanceof Map ? [...(x as Map<unknown, unknown>).entries()] : Object.entries(x as Record<string, unknown>);
      return entries.map(([k, v]) => [mapKey(k, type.keyType, kn), nestedToValues(v, type.valueType, vn)]);
    }
    case "string":
      return typeof x === "string" ? x : decoder.decode(x as Uint8Array);
    case "binary":
      return typeof x === "string" ? new TextEncoder().encode(x) : x;
    case "decimal":
      return decimalValue(x, type, node);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval": {
      const b = typeof x === "bigint" ? x : BigInt(x as number);
      return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
    }
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "year_month_interval":
    case "float":
    case "double":
      return typeof x === "bigint" ? Number(x) : x;
    case "boolean":
      return x === true || x === 1;
    case "null":
    // Parquet has no calendar intervals (Spark cannot write them either).
    case "calendar_interval":
    case "variant":
      return null;
  }
}

function mapKey(k: unknown, t: DataType, node: SchemaTree | undefined): unknown {
  if (typeof k !== "string") return nestedToValues(k, t, node);
  switch (t.kind) {
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "float":
    case "double":
      return Number(k);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
      return nestedToValues(BigInt(k), t, node);
    case "boolean":
      return k === "true";
    case "decimal":
      return decimalValue(k, t, node);
    default:
      return k;
  }
}
