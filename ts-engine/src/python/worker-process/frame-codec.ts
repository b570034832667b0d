import { Packr, Unpackr, type Options } from "msgpackr";

// int64 values within ±2^53 decode as numbers, beyond as BigInt ("auto" exists in
// msgpackr's decoder but not in its typings), so LongType results stay exact.
const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true, int64AsType: "auto" } as unknown as Options);
const packr = new Packr({ useRecords: false, variableMapSize: true });

/** One frame for the worker's stdin: 4-byte big-endian length, then the msgpack body. */
export function encodeFrame(msg: unknown): Buffer {
  const body = packr.pack(msg);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

/** Reassembles frames from the worker's stdout chunks. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Feed one chunk; returns the frames it completed (decoded). */
  push(chunk: Buffer): unknown[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: unknown[] = [];
    for (;;) {
      if (this.buffered < 4) return out;
      const head = this.peek(4);
      const n = head.readUInt32BE(0);
      if (this.buffered < 4 + n) return out;
      const all = this.take(4 + n);
      out.push(unpackr.unpack(all.subarray(4)));
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length >= n) return this.chunks[0]!;
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  private take(n: number): Buffer {
    const joined = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const frame = joined.subarray(0, n);
    const rest = joined.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return frame;
  }
}

/** One frame's msgpack body alone (the in-process runner passes bodies without a length prefix). */
export function encodeBody(msg: unknown): Uint8Array {
  return packr.pack(msg);
}

/** A frame decoded from its msgpack body, as FrameReader decodes the pipe's frames. */
export function decodeBody(body: Uint8Array): unknown {
  return unpackr.unpack(body);
}
