import { open } from "node:fs/promises";
import { codecOfPath, openDecompressed } from "./compression.js";
import type { FileSplit } from "./file-split.js";

/**
 * Lines found in one chunk of bytes: line i is bytes[starts[i], ends[i]) without its
 * terminator. The chunk holds only whole lines; the next chunk starts where this one ends.
 */
export interface LineChunk {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** Bytes read from disk at a time: memory stays bounded by this plus the longest line. */
const READ_SIZE = 4 << 20;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits `buf[0, limit)` into lines in one loop over the bytes: with `sep` null at \n, \r\n
 * or \r (Hadoop's LineReader default), else at every occurrence of `sep`. Returns the offset
 * after the last complete line (`final`: the rest is a last line without terminator). A \r at
 * the very end of a non-final buffer is left for the next read (it may be half of \r\n).
 */
/** Growable line boundaries (typed arrays, no per-line boxing). */
class Bounds {
  starts = new Int32Array(4096);
  ends = new Int32Array(4096);
  length = 0;

  push(s: number, e: number): void {
    if (this.length === this.starts.length) {
      const a = new Int32Array(this.length * 2);
      a.set(this.starts);
      this.starts = a;
      const b = new Int32Array(this.length * 2);
      b.set(this.ends);
      this.ends = b;
    }
    this.starts[this.length] = s;
    this.ends[this.length++] = e;
  }

  chunk(bytes: Uint8Array): LineChunk {
    return { bytes, starts: this.starts.subarray(0, this.length), ends: this.ends.subarray(0, this.length), count: this.length };
  }
}

function scanLines(buf: Uint8Array, limit: number, sep: Uint8Array | null, final: boolean, out: Bounds): number {
  // Buffer.indexOf is memchr: several times faster than a loop over the bytes in JS
  const b = Buffer.from(buf.buffer, buf.byteOffset, limit);
  let lineStart = 0;
  if (sep === null) {
    // \n, \r\n or \r: the next \r is looked up once and kept, most files have none
    let cr = b.indexOf(CR, 0);
    for (;;) {
      let lf = b.indexOf(LF, lineStart);
      if (lf < 0) lf = limit;
      if (cr >= 0 && cr < lf) {
        if (cr + 1 >= limit && !final) break;
        out.push(lineStart, cr);
        lineStart = cr + 1 < limit && buf[cr + 1] === LF ? cr + 2 : cr + 1;
        cr = b.indexOf(CR, lineStart);
        continue;
      }
      if (lf >= limit) break;
      out.push(lineStart, lf);
      lineStart = lf + 1;
    }
  } else {
    const k = sep.length;
    for (;;) {
      const i = b.indexOf(sep, lineStart);
      if (i < 0) break;
      out.push(lineStart, i);
      lineStart = i + k;
    }
  }
  if (final && lineStart < limit) {
    out.push(lineStart, limit);
    lineStart = limit;
  }
  return lineStart;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Bytes left free before each piece byteRange reads, so the previous piece's unfinished line
 * is copied in front of it instead of both into a new buffer (a line longer than this is
 * concatenated as before).
 */
const ROOM = 64 << 10;

/** `carry` followed by `piece` as one buffer: in the room before `piece` when there is `room` enough, else a copy of both. */
function prepend(carry: Uint8Array, piece: Uint8Array, room: number): Uint8Array {
  if (carry.length === 0) return piece;
  if (carry.length > room || carry.length > piece.byteOffset) return concat(carry, piece);
  const out = new Uint8Array(piece.buffer, piece.byteOffset - carry.length, carry.length + piece.length);
  out.set(carry, 0);
  return out;
}

/** Lines of a whole byte stream, chunk by chunk; each piece of `src` has `room` bytes of its own buffer free before it. */
async function* streamLines(src: AsyncIterable<Uint8Array>, sep: Uint8Array | null, room = 0): AsyncGenerator<LineChunk> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const piece of src) {
    const buf = prepend(carry, piece, room);
    const out = new Bounds();
    const used = scanLines(buf, buf.length, sep, false, out);
    carry = buf.subarray(used);
    if (out.length > 0) yield out.chunk(buf);
  }
  if (carry.length > 0) {
    const out = new Bounds();
    scanLines(carry, carry.length, sep, true, out);
    if (out.length > 0) yield out.chunk(carry);
  }
}

/**
 * A file from `begin` as pieces read from disk, READ_SIZE at a time (each with ROOM free
 * bytes of its buffer before it), stopping early when `stopAt` says so. While the pieces
 * before `aheadUntil` are consumed, the next one is already being read: parsing one piece
 * overlaps reading the next, instead of the thread idling on every read.
 */
async function* byteRange(path: string, begin: number, stopAt: () => boolean, aheadUntil = Infinity): AsyncGenerator<Uint8Array> {
  const fh = await open(path, "r");
  const readAt = async (at: number): Promise<Uint8Array> => {
    const buf = new Uint8Array(ROOM + READ_SIZE);
    const { bytesRead } = await fh.read(buf, ROOM, READ_SIZE, at);
    return buf.subarray(ROOM, ROOM + bytesRead);
  };
  let pending: Promise<Uint8Array> | null = null;
  try {
    let pos = begin;
    for (;;) {
      if (stopAt()) return;
      const piece: Uint8Array = await (pending ?? readAt(pos));
      pending = null;
      if (piece.length === 0) return;
      pos += piece.length;
      if (pos < aheadUntil) pending = readAt(pos);
      yield piece;
    }
  } finally {
    // a read still in flight finishes before the file is closed (its bytes are dropped)
    if (pending !== null) await pending.catch(() => undefined);
    await fh.close();
  }
}

/**
 * The lines a split owns, as Hadoop's LineRecordReader gives them: every line that starts
 * inside [start, start + length] (the one starting exactly at the end too); a split not at the
 * file's start skips the line it begins in (the previous split read it), and the last line runs
 * past the end to its terminator. A compressed file is one split and is decompressed by its
 * extension. Memory is bounded by the read size plus the longest line.
 */
export async function* splitLines(split: FileSplit, sep: Uint8Array | null): AsyncGenerator<LineChunk> {
  const { path, size } = split.file;
  if (codecOfPath(path) !== undefined) {
    yield* streamLines(openDecompressed(path, 1 << 20), sep);
    return;
  }
  const end = split.start + split.length;
  if (split.start === 0 && end >= size) {
    yield* streamLines(byteRange(path, 0, () => false), sep, ROOM);
    return;
  }
  // A separator of k bytes that ends inside the split may begin up to k - 1 bytes before it:
  // scan from there, so the first line found is the one ending the previous split's last.
  const from = split.start === 0 ? 0 : Math.max(0, split.start + 1 - (sep?.length ?? 1));
  // absolute offset of each chunk's first byte, to tell which lines start past the end
  let base = from;
  let first = split.start !== 0;
  let done = false;
  // reads ahead up to the split's end: past it only the rest of the last line is wanted
  for await (const chunk of streamLines(byteRange(path, from, () => done, end), sep, ROOM)) {
    const { starts, ends, bytes } = chunk;
    let lo = 0;
    if (first) {
      // this split begins inside (or right after) a line the previous split owns: skip it
      lo = 1;
      first = false;
    }
    let hi = lo;
    while (hi < chunk.count && base + starts[hi]! <= end) hi++;
    if (hi < chunk.count) done = true;
    if (hi > lo) yield { bytes, starts: starts.subarray(lo, hi), ends: ends.subarray(lo, hi), count: hi - lo };
    base += nextOffset(chunk, sep);
    if (done) return;
  }
}

/**
 * A chunk's lines as one run of text that holds them and their terminators (lines of a chunk
 * are contiguous), for consumers that split lines again at \n, \r\n and \r (Python's
 * textFile workers). A last line without terminator ends the run.
 */
export function lineChunkText(c: LineChunk): Uint8Array {
  if (c.count === 0) return c.bytes.subarray(0, 0);
  const last = c.ends[c.count - 1]!;
  // one terminator byte is enough: a lone \r of \r\n still ends the line for the splitter
  return c.bytes.subarray(c.starts[0]!, last < c.bytes.length ? last + 1 : last);
}

/** Bytes a chunk of streamLines covers: up to the terminator after its last line. */
function nextOffset(chunk: LineChunk, sep: Uint8Array | null): number {
  const last = chunk.ends[chunk.count - 1]!;
  if (last >= chunk.bytes.length) return last;
  if (sep !== null) return last + sep.length;
  return chunk.bytes[last] === CR && chunk.bytes[last + 1] === LF ? last + 2 : last + 1;
}

/** A whole file's bytes, decompressed by its extension (wholetext, multiLine records). */
export async function readWholeFile(path: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const p of openDecompressed(path, 1 << 20)) {
    const b = p instanceof Uint8Array ? p : Buffer.from(String(p));
    parts.push(b);
    total += b.length;
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** The lines of bytes held whole in memory (a transcoded file), as one chunk. */
export function bufferLines(buf: Uint8Array, sep: Uint8Array | null): LineChunk {
  const out = new Bounds();
  scanLines(buf, buf.length, sep, true, out);
  return out.chunk(buf);
}
