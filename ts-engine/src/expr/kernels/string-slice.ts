import { IntegerType } from "../../types/data-type.js";
import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { Utf8Builder, type Utf8Data } from "../../columnar/utf8.js";
import { andValidityAll } from "../eval/vectors.js";
import { asciiRange } from "./ascii.js";


/** Code points in bytes[s, e). */
function charCount(bytes: Uint8Array, s: number, e: number): number {
  let c = 0;
  for (let k = s; k < e; k++) if ((bytes[k]! & 0xc0) !== 0x80) c++;
  return c;
}

/** length(str): characters (code points), as Spark's UTF8String.numChars. */
export function utf8Length(v: Vector): Vector {
  const { offsets, bytes } = expectStorage(v, "utf8").data;
  const n = v.length;
  const out = new Int32Array(n);
  // An all-ASCII batch has one character per byte: the lengths are the offsets' differences.
  if (asciiRange(bytes, offsets[0]!, offsets[n]!)) for (let i = 0; i < n; i++) out[i] = offsets[i + 1]! - offsets[i]!;
  else for (let i = 0; i < n; i++) out[i] = charCount(bytes, offsets[i]!, offsets[i + 1]!);
  return makeVector(IntegerType, out, v.validity, n);
}

/**
 * substring(str, pos, len) over code points, as Spark's substringSQL: 1-based, pos 0 acts as
 * 1, a negative pos counts from the end, the end is computed before the start is clamped.
 */
export function utf8Substring(str: Vector, pos: Vector, len: Vector): Vector {
  const { offsets, bytes } = expectStorage(str, "utf8").data;
  const p = expectStorage(pos, "i32").data;
  const l = expectStorage(len, "i32").data;
  const n = str.length;
  const validity = andValidityAll([str, pos, len], n);
  if (asciiRange(bytes, offsets[0]!, offsets[n]!)) {
    const b = new Utf8Builder(n, Math.min(bytes.length, offsets[n]! - offsets[0]!));
    asciiSubstring(offsets, bytes, p, l, validity, n, b);
    return makeVector(str.type, b.finish(), validity, n);
  }
  return makeVector(str.type, utf8SubstringRows(offsets, bytes, p, l, validity, n), validity, n);
}

/**
 * The non-ASCII substring: one loop over the rows writing into one output buffer (a value's
 * substring is never longer than the value), code points found by lead bytes, no per-row
 * builder call.
 */
function utf8SubstringRows(offsets: Int32Array, bytes: Uint8Array, p: Int32Array, l: Int32Array, validity: Uint8Array | null, n: number): Utf8Data {
  const out = new Uint8Array(offsets[n]! - offsets[0]!);
  const off = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    off[i] = at;
    if (validity !== null && validity[i] === 0) continue;
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    const pi = p[i]!;
    const li = l[i]!;
    const total = pi < 0 ? charCount(bytes, s, e) : 0;
    let start = pi > 0 ? pi - 1 : pi < 0 ? total + pi : 0;
    const stop = start + li;
    if (start < 0) start = 0;
    if (li <= 0 || start >= stop) continue;
    // skip `start` code points, then copy `stop - start` more
    let k = s;
    for (let c = start; c > 0 && k < e; c--) {
      k++;
      while (k < e && (bytes[k]! & 0xc0) === 0x80) k++;
    }
    for (let c = stop - start; c > 0 && k < e; c--) {
      out[at++] = bytes[k++]!;
      while (k < e && (bytes[k]! & 0xc0) === 0x80) out[at++] = bytes[k++]!;
    }
  }
  off[n] = at;
  return { offsets: off, bytes: out.subarray(0, at) };
}

/** substring over an all-ASCII batch: characters are bytes, so the bounds are byte arithmetic (same rules as above). */
function asciiSubstring(offsets: Int32Array, bytes: Uint8Array, p: Int32Array, l: Int32Array, validity: Uint8Array | null, n: number, b: Utf8Builder): void {
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) {
      b.commit(0);
      continue;
    }
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    const pi = p[i]!;
    const li = l[i]!;
    let start = pi > 0 ? pi - 1 : pi < 0 ? e - s + pi : 0;
    const stop = start + li;
    if (start < 0) start = 0;
    if (li <= 0 || start >= stop || start >= e - s) {
      b.commit(0);
      continue;
    }
    copyValue(b, bytes, s + start, Math.min(e, s + stop));
  }
}

/** Appends bytes[start, end) as one value with a plain loop: short values copy faster than through a subarray view. */
function copyValue(b: Utf8Builder, bytes: Uint8Array, start: number, end: number): void {
  const k = end - start;
  const out = b.reserve(k);
  const at = b.position();
  for (let j = 0; j < k; j++) out[at + j] = bytes[start + j]!;
  b.commit(k);
}

/** trim / ltrim / rtrim: strips ASCII spaces (0x20) only, as Spark's one-argument trim. */
export function utf8Trim(v: Vector, left: boolean, right: boolean): Vector {
  const { offsets, bytes } = expectStorage(v, "utf8").data;
  const n = v.length;
  const b = new Utf8Builder(n, offsets[n]! - offsets[0]!);
  for (let i = 0; i < n; i++) {
    let s = offsets[i]!;
    let e = offsets[i + 1]!;
    if (left) while (s < e && bytes[s] === 0x20) s++;
    if (right) while (e > s && bytes[e - 1] === 0x20) e--;
    b.appendRange(bytes, s, e);
  }
  return makeVector(v.type, b.finish(), v.validity, n);
}
