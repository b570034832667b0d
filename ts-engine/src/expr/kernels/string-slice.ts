import { IntegerType } from "../../types/data-type.js";
import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { Utf8Builder } from "../../columnar/utf8.js";
import { andValidityAll } from "../eval/vectors.js";

/** True for a UTF-8 lead byte (not a continuation byte 10xxxxxx): one per code point. */
const isLead = (b: number): boolean => (b & 0xc0) !== 0x80;

/** Code points in bytes[s, e). */
function charCount(bytes: Uint8Array, s: number, e: number): number {
  let c = 0;
  for (let k = s; k < e; k++) if ((bytes[k]! & 0xc0) !== 0x80) c++;
  return c;
}

/** Byte position of the `chars`-th code point at or after `s` (or `e` when the value is shorter). */
function advance(bytes: Uint8Array, s: number, e: number, chars: number): number {
  let k = s;
  while (chars > 0 && k < e) {
    k++;
    while (k < e && !isLead(bytes[k]!)) k++;
    chars--;
  }
  return k;
}

/** length(str): characters (code points), as Spark's UTF8String.numChars. */
export function utf8Length(v: Vector): Vector {
  const { offsets, bytes } = expectStorage(v, "utf8").data;
  const n = v.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = charCount(bytes, offsets[i]!, offsets[i + 1]!);
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
  const b = new Utf8Builder(n, Math.min(bytes.length, offsets[n]! - offsets[0]!));
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) {
      b.commit(0);
      continue;
    }
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    const pi = p[i]!;
    const li = l[i]!;
    const total = pi < 0 ? charCount(bytes, s, e) : 0;
    let start = pi > 0 ? pi - 1 : pi < 0 ? total + pi : 0;
    const stop = start + li;
    if (start < 0) start = 0;
    if (li <= 0 || start >= stop) {
      b.commit(0);
      continue;
    }
    const bs = advance(bytes, s, e, start);
    const be = advance(bytes, bs, e, stop - start);
    b.appendRange(bytes, bs, be);
  }
  return makeVector(str.type, b.finish(), validity, n);
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
