import type { ColumnBatch } from "../../columnar/batch.js";
import type { Vector } from "../../columnar/vector.js";

/** What V8 spends on a JS string or small object beyond its characters (header, pointer). */
const OBJECT_OVERHEAD = 24;
/** A nested value (array, map, struct) of unknown shape: a rough guess, not a measure. */
const NESTED_VALUE = 64;

/**
 * An estimate of the heap bytes a vector holds: exact for typed arrays, characters plus
 * object overhead for strings (V8 keeps one-byte strings at one byte per character),
 * a flat guess per nested value. The memory manager budgets with these figures.
 */
export function vectorBytes(v: Vector): number {
  const n = v.length;
  const validity = v.validity === null ? 0 : n;
  const d = v.data;
  if (!Array.isArray(d)) return validity + n * d.BYTES_PER_ELEMENT;
  let bytes = validity + n * 8;
  if (v.type.kind === "string" || v.type.kind === "decimal") {
    const s = d as readonly (string | undefined)[];
    for (let i = 0; i < n; i++) bytes += (s[i]?.length ?? 0) + OBJECT_OVERHEAD;
  } else if (v.type.kind === "binary") {
    const b = d as readonly (Uint8Array | undefined)[];
    for (let i = 0; i < n; i++) bytes += (b[i]?.byteLength ?? 0) + OBJECT_OVERHEAD * 4;
  } else bytes += n * NESTED_VALUE;
  return bytes;
}

/** The estimated heap bytes of a batch: the sum over its columns. */
export function batchBytes(b: ColumnBatch): number {
  let bytes = 0;
  for (const c of b.columns) bytes += vectorBytes(c);
  return bytes;
}
