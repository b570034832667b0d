import {
  arrayType,
  atomic,
  decimalType,
  mapType,
  structField,
  structType,
  type AtomicKind,
  type DataType,
  type StructType,
} from "../../src/types/data-type.js";

/** Spark's schema JSON (df.schema.json()) → DataType, for golden files. */
export function fromSparkJson(j: unknown): DataType {
  if (typeof j === "string") {
    const dec = /^decimal\((\d+),\s*(\d+)\)$/.exec(j);
    if (dec !== null) return decimalType(Number(dec[1]), Number(dec[2]));
    return atomic((j === "void" ? "null" : j) as AtomicKind);
  }
  const o = j as Record<string, unknown>;
  switch (o["type"]) {
    case "array":
      return arrayType(fromSparkJson(o["elementType"]), o["containsNull"] as boolean);
    case "map":
      return mapType(fromSparkJson(o["keyType"]), fromSparkJson(o["valueType"]), o["valueContainsNull"] as boolean);
    default: {
      const fields = o["fields"] as { name: string; type: unknown; nullable: boolean }[];
      return structType(fields.map((f) => structField(f.name, fromSparkJson(f.type), f.nullable)));
    }
  }
}

export function schemaFromSparkJson(j: unknown): StructType {
  return fromSparkJson(j) as StructType;
}

/** Decodes golden row values: `{$long}` → number/bigint, `{$double}` → NaN/Infinity, `{$binary}` → bytes. */
export function decodeValue(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const o = v as Record<string, unknown>;
  if ("$long" in o) {
    const b = BigInt(o["$long"] as string);
    return b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER) ? b : Number(b);
  }
  if ("$double" in o) {
    const s = o["$double"] as string;
    return s === "nan" ? NaN : s === "inf" ? Infinity : -Infinity;
  }
  if ("$binary" in o) return Uint8Array.from(o["$binary"] as number[]);
  return v;
}
