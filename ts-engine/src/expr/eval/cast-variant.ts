import { readVariant, type VariantNode, type VariantValue } from "../../columnar/variant.js";
import { formatUnscaled, unscaled } from "../../columnar/decimal-value.js";
import { SparkException } from "../../errors/spark-exception.js";
import { BinaryType, BooleanType, DateType, DoubleType, FloatType, LongType, StringType, TimestampNTZType, TimestampType, decimalType, type DataType } from "../../types/data-type.js";
import { castVerdict } from "../../types/cast-rules.js";
import { sqlTypeName } from "../../types/type-names.js";
import { VariantBuilder } from "../kernels/variant-builder.js";
import { variantToJson } from "../kernels/variant-json.js";
import { valueToString } from "./to-string.js";

/** A cast of one non-null scalar (castValue), passed in so this file and cast-value.ts import one way. */
export type ScalarCast = (x: unknown, from: DataType, to: DataType, o: { readonly ansi: boolean; readonly timeZone: string }) => unknown;

/** How variant_get / try_variant_get / CAST(v AS t) treat a value that does not convert. */
export interface VariantCastOptions {
  /** Raise INVALID_VARIANT_CAST (variant_get, ANSI casts) rather than give null (try_variant_get, try_cast). */
  readonly failOnError: boolean;
  readonly timeZone: string;
}

/** Spark's INVALID_VARIANT_CAST: the variant's JSON and the target type. */
export function invalidVariantCast(json: string, to: DataType): SparkException {
  return new SparkException("SparkRuntimeException", "INVALID_VARIANT_CAST", { value: json, dataType: `"${sqlTypeName(to)}"` });
}

/** Decimal digits of an unscaled value (BigDecimal's precision: 0 has one). */
function digits(u: bigint): number {
  return (u < 0n ? -u : u).toString().length;
}

/** A scalar variant as a Spark value and its type (VariantGet.cast's Literal for each variant type). */
function scalarOf(n: VariantNode): [unknown, DataType] | null {
  switch (n.kind) {
    case "boolean":
      return [n.value, BooleanType];
    case "long":
      return [Number.isSafeInteger(Number(n.value)) ? Number(n.value) : n.value, LongType];
    case "double":
      return [n.value, DoubleType];
    case "float":
      return [n.value, FloatType];
    case "decimal":
      return [formatUnscaled(n.unscaled, n.scale), decimalType(Math.max(digits(n.unscaled), n.scale), n.scale)];
    case "string":
      return [n.value, StringType];
    case "date":
      return [n.days, DateType];
    case "timestamp":
      return [Number(n.micros), TimestampType];
    case "timestamp_ntz":
      return [Number(n.micros), TimestampNTZType];
    case "binary":
      return [n.value, BinaryType];
    case "uuid":
    case "null":
    case "object":
    case "array":
      return null;
  }
}

/**
 * The variant at `pos` as a value of `to` (Spark's VariantGet.cast): a variant null is SQL
 * null; scalars convert by Spark's ANSI-legal casts in TRY mode; objects become structs (fields
 * by exact name, missing ones null) or string-keyed maps, arrays become arrays; objects and
 * arrays cast to a string give their JSON. What does not convert raises INVALID_VARIANT_CAST,
 * or gives null when `o.failOnError` is off.
 */
export function castFromVariant(v: VariantValue, to: DataType, o: VariantCastOptions, scalar: ScalarCast, pos = 0): unknown {
  const n = readVariant(v, pos);
  if (n.kind === "null") return null;
  const fail = (): null => {
    if (o.failOnError) throw invalidVariantCast(variantToJson(v, o.timeZone, pos), to);
    return null;
  };
  switch (to.kind) {
    case "variant": {
      const b = new VariantBuilder();
      b.appendVariant(v, pos);
      return b.result();
    }
    case "array":
      if (n.kind !== "array") return fail();
      return n.values.map((p) => castFromVariant(v, to.elementType, o, scalar, p));
    case "map":
      if (n.kind !== "object") return fail();
      return n.keys.map((k, i) => [k, castFromVariant(v, to.valueType, o, scalar, n.values[i]!)] as const);
    case "struct": {
      if (n.kind !== "object") return fail();
      return to.fields.map((f) => {
        const i = n.keys.indexOf(f.name);
        return i < 0 ? null : castFromVariant(v, f.dataType, o, scalar, n.values[i]!);
      });
    }
    default:
      break;
  }
  if (n.kind === "object" || n.kind === "array") return to.kind === "string" ? variantToJson(v, o.timeZone, pos) : fail();
  if (n.kind === "uuid") return to.kind === "string" ? variantToJson(v, o.timeZone, pos).slice(1, -1) : fail();
  const s = scalarOf(n);
  if (s === null) return fail();
  const [x, from] = s;
  if (!castVerdict(from, to, true).ok) return fail();
  let r: unknown;
  try {
    // TRY mode: what ANSI would raise on becomes a failed conversion.
    r = scalar(x, from, to, { ansi: true, timeZone: o.timeZone });
  } catch (e) {
    if (e instanceof SparkException) return fail();
    throw e;
  }
  return r === null || r === undefined ? fail() : r;
}

/** Variant types a value can be cast to VARIANT from (Spark's castToVariant): atomic types, arrays, string-keyed maps and structs of them. */
export function castableToVariant(t: DataType): boolean {
  switch (t.kind) {
    case "array":
      return castableToVariant(t.elementType);
    case "map":
      return t.keyType.kind === "string" && castableToVariant(t.valueType);
    case "struct":
      return t.fields.every((f) => castableToVariant(f.dataType));
    case "calendar_interval":
      return false;
    default:
      return true;
  }
}

/**
 * Appends a Spark value of `t` to `b` as castToVariant / to_variant_object write it: integers
 * as the smallest integer type, decimals at their value's precision, structs and string-keyed
 * maps as objects, nulls as variant nulls.
 */
export function appendSparkValue(b: VariantBuilder, x: unknown, t: DataType, tz: string): void {
  if (x === null || x === undefined) {
    b.appendNull();
    return;
  }
  switch (t.kind) {
    case "null":
      b.appendNull();
      return;
    case "boolean":
      b.appendBoolean(x === true || x === 1);
      return;
    case "byte":
    case "short":
    case "integer":
    case "long":
      b.appendLong(x as number | bigint);
      return;
    case "float":
      b.appendFloat(x as number);
      return;
    case "double":
      b.appendDouble(x as number);
      return;
    case "decimal": {
      // Decimal.toJavaBigDecimal: the type's scale, the value's own precision.
      b.appendDecimal(unscaled(String(x), t.scale), t.scale);
      return;
    }
    case "string":
      b.appendString(x as string);
      return;
    case "binary":
      b.appendBinary(x as Uint8Array);
      return;
    case "date":
      b.appendDate(x as number);
      return;
    case "timestamp":
    case "timestamp_ntz":
      b.appendTimestamp(x as number | bigint, t.kind === "timestamp_ntz");
      return;
    case "day_time_interval":
    case "year_month_interval":
    case "calendar_interval":
      // Intervals go in as their SQL text, as Spark's castToVariant writes them.
      b.appendString(valueToString(x, t, tz, "null"));
      return;
    case "variant":
      b.appendVariant(x as VariantValue);
      return;
    case "array": {
      const start = b.position;
      const offsets: number[] = [];
      for (const e of x as readonly unknown[]) {
        offsets.push(b.position - start);
        appendSparkValue(b, e, t.elementType, tz);
      }
      b.finishArray(start, offsets);
      return;
    }
    case "map": {
      const start = b.position;
      const fields = [];
      for (const [k, e] of x as readonly (readonly [unknown, unknown])[]) {
        fields.push(b.field(String(k), start));
        appendSparkValue(b, e, t.valueType, tz);
      }
      b.finishObject(start, fields);
      return;
    }
    case "struct": {
      const start = b.position;
      const fields = [];
      const fs = x as readonly unknown[];
      for (let i = 0; i < t.fields.length; i++) {
        fields.push(b.field(t.fields[i]!.name, start));
        appendSparkValue(b, fs[i], t.fields[i]!.dataType, tz);
      }
      b.finishObject(start, fields);
      return;
    }
  }
}

/** A Spark value of `t` as a variant (CAST(x AS VARIANT), to_variant_object). */
export function castToVariant(x: unknown, t: DataType, tz: string): VariantValue {
  const b = new VariantBuilder();
  appendSparkValue(b, x, t, tz);
  return b.result();
}
