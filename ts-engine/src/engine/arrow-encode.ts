import type { VariantValue } from "../columnar/variant.js";
import { assertNever } from "../errors/assert-never.js";
import * as arrow from "apache-arrow";
import { expectStorage, numbersOf, type NumberData } from "../columnar/vector.js";
import { valueAt } from "../expr/eval/vectors.js";
import { unscaled } from "../columnar/decimal-value.js";
import type { DataType, StructType } from "../types/data-type.js";
import type { CalendarInterval } from "../columnar/calendar-interval.js";
import type { ColumnBatch } from "../columnar/batch.js";


/** A row range `[start, end)` of one batch (the server's result chunks are lists of these). */
export interface BatchSegment {
  readonly batch: ColumnBatch;
  readonly start: number;
  readonly end: number;
}

/**
 * Arrow type of an engine type (decimals as Decimal128, as Spark's Arrow conversion does).
 * `forBuilder`: nested timestamps as Int64, since arrow's builder takes a timestamp as epoch
 * milliseconds (and multiplies); their microseconds go in as they are and `retype` gives the
 * built data its timestamp type.
 */
export function arrowType(t: DataType, forBuilder = false): arrow.DataType {
  switch (t.kind) {
    case "null":
      return new arrow.Null();
    case "boolean":
      return new arrow.Bool();
    case "byte":
      return new arrow.Int8();
    case "short":
      return new arrow.Int16();
    case "integer":
      return new arrow.Int32();
    case "long":
      return new arrow.Int64();
    case "float":
      return new arrow.Float32();
    case "double":
      return new arrow.Float64();
    case "string":
      return new arrow.Utf8();
    case "decimal":
      return new arrow.Decimal(t.scale, t.precision, 128);
    case "binary":
      return new arrow.Binary();
    case "day_time_interval":
      // Spark's Arrow form of a day-time interval: a duration in microseconds.
      return new arrow.DurationMicrosecond();
    case "year_month_interval":
      return new arrow.IntervalYearMonth();
    case "calendar_interval":
      return new arrow.IntervalMonthDayNano();
    case "variant":
      // Spark's Arrow form of a variant: struct<value: binary, metadata: binary>.
      return new arrow.Struct([new arrow.Field("value", new arrow.Binary(), false), new arrow.Field("metadata", new arrow.Binary(), false)]);
    case "date":
      return new arrow.DateDay();
    case "timestamp":
      return forBuilder ? new arrow.Int64() : new arrow.TimestampMicrosecond("UTC");
    case "timestamp_ntz":
      return forBuilder ? new arrow.Int64() : new arrow.TimestampMicrosecond();
    case "array":
      return new arrow.List(new arrow.Field("element", arrowType(t.elementType, forBuilder), t.containsNull));
    case "map":
      return new arrow.Map_(
        new arrow.Field(
          "entries",
          new arrow.Struct<{ key: arrow.DataType; value: arrow.DataType }>([
            new arrow.Field("key", arrowType(t.keyType, forBuilder), false),
            new arrow.Field("value", arrowType(t.valueType, forBuilder), t.valueContainsNull),
          ]),
          false,
        ),
      );
    case "struct":
      return new arrow.Struct(arrowFields(t, forBuilder));
  }
}

function arrowFields(t: StructType, forBuilder = false): arrow.Field[] {
  return t.fields.map((f) => new arrow.Field(f.name, arrowType(f.dataType, forBuilder), f.nullable));
}

/** Built nested data (arrowType(t, true)) with its real types: Int64 timestamp children become timestamps. */
function retype(d: arrow.Data, t: DataType): arrow.Data {
  const base = { offset: d.offset, length: d.length, nullCount: d.nullCount, nullBitmap: d.nullBitmap } as const;
  switch (t.kind) {
    case "timestamp":
    case "timestamp_ntz":
      return arrow.makeData({ ...base, type: arrowType(t) as arrow.TimestampMicrosecond, data: d.values as BigInt64Array });
    case "array":
      return arrow.makeData({ ...base, type: arrowType(t) as arrow.List, valueOffsets: d.valueOffsets, child: retype(d.children[0]!, t.elementType) });
    case "map": {
      const entries = d.children[0]!;
      const type = arrowType(t) as arrow.Map_;
      const kv = [retype(entries.children[0]!, t.keyType), retype(entries.children[1]!, t.valueType)];
      const child = arrow.makeData({ offset: entries.offset, length: entries.length, nullCount: entries.nullCount, nullBitmap: entries.nullBitmap, type: type.children[0]!.type, children: kv });
      return arrow.makeData({ ...base, type, valueOffsets: d.valueOffsets, child });
    }
    case "struct":
      return arrow.makeData({ ...base, type: arrowType(t) as arrow.Struct, children: t.fields.map((f, i) => retype(d.children[i]!, f.dataType)) });
    default:
      return d;
  }
}

/** Row values of one column over the segments, in builder-friendly form. */
function jsValues(col: number, segments: readonly BatchSegment[]): unknown[] {
  const out: unknown[] = [];
  for (const s of segments) {
    const v = s.batch.columns[col]!;
    for (let i = s.start; i < s.end; i++) out.push(toArrowJs(valueAt(v, i), v.type));
  }
  return out;
}

function toArrowJs(x: unknown, t: DataType): unknown {
  if (x === null || x === undefined) return null;
  switch (t.kind) {
    case "long":
    case "day_time_interval":
    case "timestamp":
    case "timestamp_ntz":
      return typeof x === "bigint" ? x : BigInt(x as number);
    case "array":
      return (x as readonly unknown[]).map((e) => toArrowJs(e, t.elementType));
    case "map":
      return new Map((x as readonly (readonly [unknown, unknown])[]).map(([k, v]) => [toArrowJs(k, t.keyType), toArrowJs(v, t.valueType)]));
    case "struct": {
      const fs = x as readonly unknown[];
      return Object.fromEntries(t.fields.map((f, i) => [f.name, toArrowJs(fs[i], f.dataType)]));
    }
    case "null":
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "float":
    case "double":
    case "string":
    case "binary":
    case "date":
    case "year_month_interval":
      return x;
    case "decimal": {
      // Nested decimals are text in the vector convention; Arrow's builder takes the 4 words.
      const words = new Uint32Array(4);
      writeDecimal128(words, 0, unscaled(x as string, t.scale));
      return words;
    }
    case "variant": {
      const vv = x as VariantValue;
      return { value: vv.value, metadata: vv.metadata };
    }
    case "calendar_interval": {
      // Arrow's month-day-nano layout: months, days, then the 64-bit nanoseconds as two words.
      const iv = x as CalendarInterval;
      const words = new Int32Array(4);
      words[0] = iv.months;
      words[1] = iv.days;
      new BigInt64Array(words.buffer, 8, 1)[0] = iv.microseconds * 1000n;
      return words;
    }
    default:
      return assertNever(t);
  }
}

/** Packs a byte-per-row validity mask (1 = valid) over the segments into an Arrow bitmap. */
function nullBitmap(col: number, segments: readonly BatchSegment[], n: number): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((n + 7) >> 3);
  let k = 0;
  let nullCount = 0;
  for (const s of segments) {
    const valid = s.batch.columns[col]!.validity;
    for (let i = s.start; i < s.end; i++, k++) {
      if (valid === null || valid[i] !== 0) bitmap[k >> 3]! |= 1 << (k & 7);
      else nullCount++;
    }
  }
  return { bitmap, nullCount };
}

/** Copies number values over the segments into one typed array of the Arrow storage type. */
function fixedWidth<A extends NumberData>(make: (n: number) => A, col: number, segments: readonly BatchSegment[], n: number): A {
  const out = make(n);
  let k = 0;
  for (const s of segments) {
    const d = numbersOf(s.batch.columns[col]!);
    if (d.constructor === out.constructor) {
      out.set(d.subarray(s.start, s.end), k);
      k += s.end - s.start;
    } else {
      for (let i = s.start; i < s.end; i++, k++) out[k] = d[i]!;
    }
  }
  return out;
}

/** Long-like values over the segments as one BigInt64Array (Arrow's Int64 storage). */
function longs(col: number, segments: readonly BatchSegment[], n: number): BigInt64Array {
  const out = new BigInt64Array(n);
  let k = 0;
  for (const s of segments) {
    const v = s.batch.columns[col]!;
    if (v.storage === "i64big") {
      out.set(v.data.subarray(s.start, s.end), k);
      k += s.end - s.start;
      continue;
    }
    const d = expectStorage(v, "f64").data;
    // Safe-integer Numbers written as two int32 halves (little-endian), far faster than BigInt().
    const halves = new Uint32Array(out.buffer, out.byteOffset, out.length * 2);
    for (let i = s.start; i < s.end; i++, k++) {
      const x = d[i]!;
      const hi = Math.floor(x / 4294967296);
      halves[2 * k] = x - hi * 4294967296;
      halves[2 * k + 1] = hi >>> 0;
    }
  }
  return out;
}

/**
 * String values over the segments as Arrow offsets + bytes: the vectors' own UTF-8 bytes,
 * copied once per segment (no decoding or re-encoding).
 */
function utf8Column(col: number, segments: readonly BatchSegment[], n: number): { valueOffsets: Int32Array; data: Uint8Array } {
  let total = 0;
  for (const s of segments) {
    const o = expectStorage(s.batch.columns[col]!, "utf8").data.offsets;
    total += o[s.end]! - o[s.start]!;
  }
  const valueOffsets = new Int32Array(n + 1);
  const data = new Uint8Array(total);
  let pos = 0;
  let k = 0;
  for (const s of segments) {
    const { offsets, bytes } = expectStorage(s.batch.columns[col]!, "utf8").data;
    const base = offsets[s.start]!;
    data.set(bytes.subarray(base, offsets[s.end]!), pos);
    for (let i = s.start; i < s.end; i++) valueOffsets[++k] = pos + offsets[i + 1]! - base;
    pos += offsets[s.end]! - base;
  }
  return { valueOffsets, data };
}

const MASK32 = 0xffffffffn;

/** Writes `v` as a little-endian two's-complement 128-bit integer at words[4k..4k+3]. */
function writeDecimal128(words: Uint32Array, k: number, v: bigint): void {
  const u = BigInt.asUintN(128, v);
  words[4 * k] = Number(u & MASK32);
  words[4 * k + 1] = Number((u >> 32n) & MASK32);
  words[4 * k + 2] = Number((u >> 64n) & MASK32);
  words[4 * k + 3] = Number((u >> 96n) & MASK32);
}

/**
 * Decimal values over the segments as Arrow Decimal128 words (4 little-endian u32 per value).
 * Up to 18 digits the unscaled long's bytes are copied and sign-extended, no BigInt math.
 */
function decimal128(col: number, segments: readonly BatchSegment[], n: number): Uint32Array {
  const out = new Uint32Array(4 * n);
  let k = 0;
  for (const s of segments) {
    const v = s.batch.columns[col]!;
    if (v.storage === "dec64") {
      const src = new Int32Array(v.data.buffer, v.data.byteOffset, v.data.length * 2);
      for (let i = s.start; i < s.end; i++, k++) {
        const lo = src[2 * i]!;
        const hi = src[2 * i + 1]!;
        const ext = hi < 0 ? 0xffffffff : 0;
        out[4 * k] = lo;
        out[4 * k + 1] = hi;
        out[4 * k + 2] = ext;
        out[4 * k + 3] = ext;
      }
    } else {
      const d = expectStorage(v, "dec128").data;
      for (let i = s.start; i < s.end; i++, k++) writeDecimal128(out, k, d[i]!);
    }
  }
  return out;
}

/** Binary values over the segments as Arrow offsets + bytes. */
function variableWidth(col: number, segments: readonly BatchSegment[], n: number): { valueOffsets: Int32Array; data: Uint8Array } {
  const valueOffsets = new Int32Array(n + 1);
  let data = new Uint8Array(Math.max(64, n * 16));
  let pos = 0;
  let k = 0;
  const reserve = (need: number): void => {
    if (pos + need <= data.length) return;
    const next = new Uint8Array(Math.max(data.length * 2, pos + need));
    next.set(data.subarray(0, pos));
    data = next;
  };
  for (const s of segments) {
    const v = s.batch.columns[col]!;
    for (let i = s.start; i < s.end; i++, k++) {
      if (v.validity === null || v.validity[i] !== 0) {
        const bytes = expectStorage(v, "binary").data[i]!;
        reserve(bytes.length);
        data.set(bytes, pos);
        pos += bytes.length;
      }
      valueOffsets[k + 1] = pos;
    }
  }
  return { valueOffsets, data: data.subarray(0, pos) };
}

function column(col: number, t: DataType, segments: readonly BatchSegment[], n: number): arrow.Data {
  const { bitmap, nullCount } = nullBitmap(col, segments, n);
  const base = { length: n, nullCount, nullBitmap: nullCount > 0 ? bitmap : null } as const;
  switch (t.kind) {
    case "byte":
      return arrow.makeData({ type: new arrow.Int8(), data: fixedWidth((m) => new Int8Array(m), col, segments, n), ...base });
    case "short":
      return arrow.makeData({ type: new arrow.Int16(), data: fixedWidth((m) => new Int16Array(m), col, segments, n), ...base });
    case "integer":
      return arrow.makeData({ type: new arrow.Int32(), data: fixedWidth((m) => new Int32Array(m), col, segments, n), ...base });
    case "date":
      return arrow.makeData({ type: new arrow.DateDay(), data: fixedWidth((m) => new Int32Array(m), col, segments, n), ...base });
    case "long":
      return arrow.makeData({ type: new arrow.Int64(), data: longs(col, segments, n), ...base });
    case "day_time_interval":
      return arrow.makeData({ type: new arrow.DurationMicrosecond(), data: longs(col, segments, n), ...base });
    case "year_month_interval":
      return arrow.makeData({ type: new arrow.IntervalYearMonth(), data: fixedWidth((m) => new Int32Array(m), col, segments, n), ...base });
    case "timestamp":
    case "timestamp_ntz":
      return arrow.makeData({
        type: arrowType(t) as arrow.TimestampMicrosecond,
        data: longs(col, segments, n),
        ...base,
      });
    case "float":
      return arrow.makeData({ type: new arrow.Float32(), data: fixedWidth((m) => new Float32Array(m), col, segments, n), ...base });
    case "double":
      return arrow.makeData({ type: new arrow.Float64(), data: fixedWidth((m) => new Float64Array(m), col, segments, n), ...base });
    case "string":
      return arrow.makeData({ type: new arrow.Utf8(), ...utf8Column(col, segments, n), ...base });
    case "decimal":
      return arrow.makeData({ type: new arrow.Decimal(t.scale, t.precision, 128), data: decimal128(col, segments, n), ...base });
    case "binary":
      return arrow.makeData({ type: new arrow.Binary(), ...variableWidth(col, segments, n), ...base });
    case "null":
    case "boolean":
    case "calendar_interval":
    case "variant":
    case "array":
    case "map":
    case "struct": {
      const vec = arrow.vectorFromArray(jsValues(col, segments), arrowType(t, true));
      const data = vec.data[0];
      return data === undefined ? arrow.makeData({ type: new arrow.Null(), length: n, nullCount: n }) : retype(data, t);
    }
    default:
      return assertNever(t);
  }
}

/** One chunk of rows as Arrow IPC stream bytes (schema message + one record batch). */
export function encodeArrowIpc(schema: StructType, segments: readonly BatchSegment[]): Uint8Array {
  return arrow.tableToIPC(arrowTable(schema, segments), "stream");
}

/** The rows of `segments` as one Arrow table with Spark's Arrow types (the Node API's df.toArrow). */
export function arrowTable(schema: StructType, segments: readonly BatchSegment[]): arrow.Table {
  const n = segments.reduce((k, s) => k + (s.end - s.start), 0);
  const arrowSchema = new arrow.Schema(arrowFields(schema));
  const children = schema.fields.map((f, i) => column(i, f.dataType, segments, n));
  const structData = arrow.makeData({ type: new arrow.Struct(arrowSchema.fields), length: n, nullCount: 0, children });
  return new arrow.Table(arrowSchema, [new arrow.RecordBatch(arrowSchema, structData)]);
}
