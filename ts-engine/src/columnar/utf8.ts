/**
 * StringType storage: UTF-8 bytes plus Int32 offsets (value i is bytes[offsets[i],
 * offsets[i+1]), so offsets has length + 1 entries and need not start at 0 for a slice).
 * Strings compare and hash on these bytes as Spark's UTF8String does (byte order equals
 * code-point order); they become JS strings only at the edges, lazily, through `utf8Strings`.
 */
export interface Utf8Data {
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** UTF-8 storage for JS strings (null and undefined become empty strings: the caller marks them invalid). */
export function utf8FromStrings(values: readonly (string | null | undefined)[]): Utf8Data {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let chars = 0;
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const s = values[i] ?? "";
    parts[i] = s;
    chars += s.length;
    offsets[i + 1] = chars;
  }
  const bytes = encoder.encode(parts.join(""));
  // All ASCII: byte offsets equal the UTF-16 offsets already computed.
  if (bytes.length === chars) return { offsets, bytes };
  let pos = 0;
  for (let i = 0; i < n; i++) {
    pos += Buffer.byteLength(parts[i]!, "utf8");
    offsets[i + 1] = pos;
  }
  return { offsets, bytes };
}

/** Storage of `n` empty strings. */
export function emptyUtf8(n: number): Utf8Data {
  return { offsets: new Int32Array(n + 1), bytes: new Uint8Array(0) };
}

/** True when bytes[start, end) are all ASCII (one byte per character). */
export function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Value i as a JS string. */
export function utf8At(d: Utf8Data, i: number): string {
  const s = d.offsets[i]!;
  const e = d.offsets[i + 1]!;
  if (e - s < 16 && isAscii(d.bytes, s, e)) {
    let out = "";
    for (let k = s; k < e; k++) out += String.fromCharCode(d.bytes[k]!);
    return out;
  }
  return decoder.decode(d.bytes.subarray(s, e));
}

const decodedCache = new WeakMap<Utf8Data, string[]>();

/**
 * All `n` values as JS strings, decoded once and cached for the storage (row-wise functions and
 * the Python/Node edges call this; vectors are immutable). One decode of the whole byte range when
 * it is ASCII, sliced per value.
 */
export function utf8Strings(d: Utf8Data, n: number): string[] {
  let out = decodedCache.get(d);
  if (out !== undefined && out.length >= n) return out;
  out = new Array<string>(n);
  const { offsets, bytes } = d;
  const base = offsets[0]!;
  const end = offsets[n]!;
  if (isAscii(bytes, base, end)) {
    const all = bufferOf(bytes).toString("latin1", base, end);
    for (let i = 0; i < n; i++) out[i] = all.substring(offsets[i]! - base, offsets[i + 1]! - base);
  } else {
    // One native decode of the whole range, then each value's UTF-16 length from its bytes:
    // one unit per lead byte, two for a 4-byte sequence (a surrogate pair).
    const all = bufferOf(bytes).toString("utf8", base, end);
    let at = 0;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      let units = 0;
      for (let k = offsets[i]!, e = offsets[i + 1]!; k < e; k++) {
        const x = bytes[k]!;
        if ((x & 0xc0) !== 0x80) units += x >= 0xf0 ? 2 : 1;
      }
      out[i] = all.substring(at, at + units);
      at += units;
    }
    if (at !== all.length) {
      // Not well-formed UTF-8 (the decoder substituted U+FFFD): decode value by value.
      const buf = bufferOf(bytes);
      for (let i = 0; i < n; i++) out[i] = buf.toString("utf8", offsets[i]!, offsets[i + 1]!);
    }
  }
  decodedCache.set(d, out);
  return out;
}

/** Byte-wise order of two ranges (UTF-8 binary order = code-point order, as Spark compares strings). */
export function compareUtf8(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const la = ae - as;
  const lb = be - bs;
  const n = la < lb ? la : lb;
  for (let k = 0; k < n; k++) {
    const x = a[as + k]!;
    const y = b[bs + k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/** Byte equality of two ranges. */
export function equalUtf8(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let k = 0; as + k < ae; k++) if (a[as + k] !== b[bs + k]) return false;
  return true;
}

/**
 * Appends UTF-8 values one by one into growing storage: kernels that produce strings (lower,
 * substring, concat, …) write bytes here instead of building JS strings.
 */
export class Utf8Builder {
  private bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private pos = 0;
  private count = 0;

  constructor(
    private readonly n: number,
    byteHint: number,
  ) {
    this.offsets = new Int32Array(n + 1);
    this.bytes = new Uint8Array(Math.max(16, byteHint));
  }

  /** Room for `k` more bytes; returns the storage to write at `position()`. */
  reserve(k: number): Uint8Array {
    if (this.pos + k > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + k));
      next.set(this.bytes.subarray(0, this.pos));
      this.bytes = next;
    }
    return this.bytes;
  }

  /** Where the next byte goes. */
  position(): number {
    return this.pos;
  }

  /** Ends the current value after `k` bytes were written at `position()`. */
  commit(k: number): void {
    this.pos += k;
    this.offsets[++this.count] = this.pos;
  }

  /** Appends src[start, end) as one value. */
  appendRange(src: Uint8Array, start: number, end: number): void {
    const k = end - start;
    this.reserve(k).set(src.subarray(start, end), this.pos);
    this.commit(k);
  }

  /** Appends a JS string as one value. */
  appendString(s: string): void {
    const out = this.reserve(s.length * 3);
    this.commit(encoder.encodeInto(s, out.subarray(this.pos)).written);
  }

  /** The built storage (exactly n values). */
  finish(): Utf8Data {
    while (this.count < this.n) this.commit(0);
    return { offsets: this.offsets, bytes: this.bytes.subarray(0, this.pos) };
  }
}

/** Rows `indices` (−1 gives an empty value) of utf8 storage. */
export function takeUtf8(d: Utf8Data, indices: Int32Array, n: number, shared = false): Utf8Data {
  const { offsets, bytes } = d;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) total += offsets[j + 1]! - offsets[j]!;
  }
  // shared: a shuffle block's strings, handed to readers as views of shared memory
  const outOff = shared ? new Int32Array(new SharedArrayBuffer(4 * (n + 1))) : new Int32Array(n + 1);
  const out = shared ? new Uint8Array(new SharedArrayBuffer(total)) : new Uint8Array(total);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) {
      const s = offsets[j]!;
      const e = offsets[j + 1]!;
      if (e - s < 32) for (let k = s; k < e; k++) out[pos++] = bytes[k]!;
      else {
        out.set(bytes.subarray(s, e), pos);
        pos += e - s;
      }
    }
    outOff[i + 1] = pos;
  }
  return { offsets: outOff, bytes: out };
}

/** Concatenation of utf8 storages (each part's first `lengths[p]` values). */
export function concatUtf8(parts: readonly Utf8Data[], lengths: readonly number[]): Utf8Data {
  let n = 0;
  let total = 0;
  parts.forEach((p, k) => {
    const len = lengths[k]!;
    n += len;
    total += p.offsets[len]! - p.offsets[0]!;
  });
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(total);
  let row = 0;
  let pos = 0;
  parts.forEach((p, k) => {
    const len = lengths[k]!;
    const base = p.offsets[0]!;
    bytes.set(p.bytes.subarray(base, p.offsets[len]!), pos);
    for (let i = 1; i <= len; i++) offsets[row + i] = pos + p.offsets[i]! - base;
    row += len;
    pos += p.offsets[len]! - base;
  });
  return { offsets, bytes };
}

/** A copy that starts at offset 0 and owns exactly its bytes (for transfer to another thread). */
export function compactUtf8(d: Utf8Data, n: number): Utf8Data {
  const base = d.offsets[0]!;
  const end = d.offsets[n]!;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = d.offsets[i]! - base;
  return { offsets, bytes: d.bytes.slice(base, end) };
}
