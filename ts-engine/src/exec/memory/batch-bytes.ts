import type { ColumnBatch } from "../../columnar/batch.js";
import type { Vector } from "../../columnar/vector.js";
import { assertNever } from "../../errors/assert-never.js";

/** What V8 spends on a JS string or small object beyond its characters (header, pointer). */
const OBJECT_OVERHEAD = 24;
/** A nested value (array, map, struct) of unknown shape: a rough guess, not a measure. */
const NESTED_VALUE = 64;

/**
 * An estimate of the heap bytes a vector holds: exact for typed arrays and UTF-8 strings,
 * characters plus object overhead for decimal text and binaries, a flat guess per nested
 * value. The memory manager budgets with these figures.
 */
export function vectorBytes(v: Vector): number {
  const n = v.length;
  const validity = v.validity === null ? 0 : n;
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big":
      return validity + n * v.data.BYTES_PER_ELEMENT;
    case "utf8":
      return validity + 4 * (n + 1) + (v.data.offsets[n]! - v.data.offsets[0]!);
    case "decimal": {
      let bytes = validity + n * 8;
      for (let i = 0; i < n; i++) bytes += (v.data[i]?.length ?? 0) + OBJECT_OVERHEAD;
      return bytes;
    }
    case "binary": {
      let bytes = validity + n * 8;
      for (let i = 0; i < n; i++) bytes += (v.data[i]?.byteLength ?? 0) + OBJECT_OVERHEAD * 4;
      return bytes;
    }
    case "values":
      return validity + n * (8 + NESTED_VALUE);
    default:
      return assertNever(v);
  }
}

/** The estimated heap bytes of a batch: the sum over its columns. */
export function batchBytes(b: ColumnBatch): number {
  let bytes = 0;
  for (const c of b.columns) bytes += vectorBytes(c);
  return bytes;
}
