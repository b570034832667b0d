import { open, type FileHandle } from "node:fs/promises";

/**
 * A byte range [start, end) of one text file, part of a textFile partition. Like
 * Hadoop's LineRecordReader, the partition owns every line that starts inside its range
 * or exactly at `end`; a range not at the file's start skips the line it begins in
 * (the previous partition read it), and the last line runs past `end` to its terminator.
 */
export interface TextSegment {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** The file's size when the splits were planned. */
  readonly size: number;
}

const CHUNK = 1 << 16;
const LF = 0x0a;
const CR = 0x0d;

/** The position just after the first line terminator (\n, \r\n or \r) at or after `pos`; `size` when there is none. */
async function afterTerminator(fh: FileHandle, pos: number, size: number): Promise<number> {
  const buf = Buffer.allocUnsafe(CHUNK + 1);
  for (let at = pos; at < size; at += CHUNK) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK + 1, size - at), at);
    const n = Math.min(bytesRead, CHUNK);
    for (let i = 0; i < n; i++) {
      const c = buf[i]!;
      if (c === LF) return at + i + 1;
      if (c === CR) return at + i + (i + 1 < bytesRead && buf[i + 1] === LF ? 2 : 1);
    }
  }
  return size;
}

/** The bytes of the whole lines a segment owns (terminators included), read on the calling thread. */
export async function readSegment(seg: TextSegment): Promise<Uint8Array> {
  const fh = await open(seg.path, "r");
  try {
    const begin = seg.start === 0 ? 0 : await afterTerminator(fh, seg.start, seg.size);
    if (begin > seg.end || begin >= seg.size) return new Uint8Array(0);
    const stop = seg.end >= seg.size ? seg.size : await afterTerminator(fh, seg.end, seg.size);
    const out = new Uint8Array(stop - begin);
    let off = 0;
    while (off < out.length) {
      const { bytesRead } = await fh.read(out, off, out.length - off, begin + off);
      if (bytesRead === 0) break; // the file shrank since planning: what is there
      off += bytesRead;
    }
    return off === out.length ? out : out.subarray(0, off);
  } finally {
    await fh.close();
  }
}
