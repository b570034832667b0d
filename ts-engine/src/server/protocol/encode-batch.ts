import type { VariantValue } from "../../columnar/variant.js";
import { assertNever } from "../../errors/assert-never.js";
import type { BatchSegment } from "../../engine/arrow-encode.js";
import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import type { CalendarInterval } from "../../columnar/calendar-interval.js";
import { MsgpackWriter } from "./msgpack-writer.js";
import { formatUnscaled } from "../../columnar/decimal-value.js";

/** A row range `[start, end)` of one batch; a chunk is a list of these. */
export type { BatchSegment } from "../../engine/arrow-encode.js";

/**
 * Writes one engine value of type `t` as a wire value (bridge/PROTOCOL.md "Wire values"):
 * float/double always float64 (so Python sees 1.0, not 1), longs as exact ints.
 */
export function writeTyped(w: MsgpackWriter, v: unknown, t: DataType): void {
  if (v === null || v === undefined) return w.nil();
  switch (t.kind) {
    case "float":
    case "double":
      return w.double(v as number);
    case "array": {
      const xs = v as readonly unknown[];
      w.arrayHeader(xs.length);
      for (const x of xs) writeTyped(w, x, t.elementType);
      return;
    }
    case "map": {
      const kvs = v as readonly (readonly [unknown, unknown])[];
      w.arrayHeader(kvs.length);
      for (const [k, x] of kvs) {
        w.arrayHeader(2);
        writeTyped(w, k, t.keyType);
        writeTyped(w, x, t.valueType);
      }
      return;
    }
    case "struct": {
      const fs = v as readonly unknown[];
      w.arrayHeader(t.fields.length);
      t.fields.forEach((f, i) => writeTyped(w, fs[i], f.dataType));
      return;
    }
    case "variant": {
      // [value, metadata] as two bins: Spark's variant bytes (bridge/PROTOCOL.md "Wire values").
      const vv = v as VariantValue;
      w.arrayHeader(2);
      w.bin(vv.value);
      w.bin(vv.metadata);
      return;
    }
    case "calendar_interval": {
      // [months, days, microseconds] (bridge/PROTOCOL.md "Wire values").
      const iv = v as CalendarInterval;
      w.arrayHeader(3);
      w.int(iv.months);
      w.int(iv.days);
      w.int(iv.microseconds);
      return;
    }
    case "null":
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "string":
    case "binary":
    case "date":
    case "timestamp":
    case "timestamp_ntz":
    case "decimal":
    case "day_time_interval":
    case "year_month_interval":
      return w.value(v);
    default:
      return assertNever(t);
  }
}

/** Writes rows `[start, end)` of a vector, directed by its storage. */
export function writeVectorRange(w: MsgpackWriter, v: Vector, start: number, end: number): void {
  const valid = v.validity;
  switch (v.storage) {
    case "bool": {
      const data = v.data;
      for (let i = start; i < end; i++) valid !== null && valid[i] === 0 ? w.nil() : w.bool(data[i] !== 0);
      return;
    }
    case "f32":
    case "f64": {
      const data = v.data;
      // Long-like types on the f64 fast path go out as ints; float/double always as float64.
      const asDouble = v.type.kind === "double" || v.type.kind === "float";
      for (let i = start; i < end; i++) valid !== null && valid[i] === 0 ? w.nil() : asDouble ? w.double(data[i]!) : w.int(data[i]!);
      return;
    }
    case "i8":
    case "i16":
    case "i32":
    case "i64big": {
      const data = v.data;
      for (let i = start; i < end; i++) valid !== null && valid[i] === 0 ? w.nil() : w.int(data[i]!);
      return;
    }
    case "utf8": {
      const { offsets, bytes } = v.data;
      for (let i = start; i < end; i++) valid !== null && valid[i] === 0 ? w.nil() : w.strUtf8(bytes, offsets[i]!, offsets[i + 1]!);
      return;
    }
    case "dec64":
    case "dec128": {
      // Decimals go out as their exact canonical text (Python builds decimal.Decimal from it).
      const data = v.data;
      const scale = v.type.kind === "decimal" ? v.type.scale : 0;
      for (let i = start; i < end; i++) valid !== null && valid[i] === 0 ? w.nil() : w.str(formatUnscaled(data[i]!, scale));
      return;
    }
    case "binary": {
      const data = v.data;
      for (let i = start; i < end; i++) valid !== null && valid[i] === 0 ? w.nil() : w.bin(data[i]!);
      return;
    }
    case "values": {
      const data = v.data;
      for (let i = start; i < end; i++) valid !== null && valid[i] === 0 ? w.nil() : writeTyped(w, data[i], v.type);
      return;
    }
    default:
      return assertNever(v);
  }
}

/** Encodes `{kind:"batch", id, seq, numRows, columns:[[v…]…]}` straight from column vectors. */
export function encodeBatchMessage(id: string, seq: number, segments: readonly BatchSegment[]): Uint8Array {
  const numRows = segments.reduce((n, s) => n + (s.end - s.start), 0);
  const numCols = segments[0]?.batch.columns.length ?? 0;
  const w = new MsgpackWriter(64 + numRows * numCols * 9);
  w.mapHeader(5);
  w.str("kind");
  w.str("batch");
  w.str("id");
  w.str(id);
  w.str("seq");
  w.int(seq);
  w.str("numRows");
  w.int(numRows);
  w.str("columns");
  w.arrayHeader(numCols);
  for (let c = 0; c < numCols; c++) {
    w.arrayHeader(numRows);
    for (const s of segments) writeVectorRange(w, s.batch.columns[c]!, s.start, s.end);
  }
  return w.bytes();
}
