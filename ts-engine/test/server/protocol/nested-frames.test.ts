import { describe, expect, it } from "vitest";
import { checkFrameDepth, decodeMsgpack, MAX_FRAME_DEPTH, NESTED_EXT } from "../../../src/server/protocol/msgpack-decode.js";
import { encodeMsgpack } from "../../../src/server/protocol/msgpack-writer.js";

/** msgpack ext of type NESTED_EXT around one complete value (ext8/16/32 by length). */
function ext(inner: Uint8Array): Uint8Array {
  const n = inner.length;
  const head = n < 0x100 ? [0xc7, n, NESTED_EXT] : n < 0x10000 ? [0xc8, n >> 8, n & 0xff, NESTED_EXT] : [0xc9, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, NESTED_EXT];
  return Uint8Array.from([...head, ...inner]);
}

/** `levels` arrays of one element around 7, split every 256 levels as the Python client does. */
function nestedArrays(levels: number): Uint8Array {
  let bytes = Uint8Array.from([0x07]);
  for (let done = 0; done < levels; ) {
    const chunk = Math.min(256, levels - done);
    bytes = Uint8Array.from([...new Array<number>(chunk).fill(0x91), ...bytes]);
    done += chunk;
    if (done < levels) bytes = ext(bytes);
  }
  return bytes;
}

function plainNested(levels: number): unknown {
  let v: unknown = 7;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** {kind:"ping", id, x: <value bytes>} with the value spliced in raw. */
function pingWith(id: string, value: Uint8Array): Uint8Array {
  const head = encodeMsgpack({ kind: "ping", id });
  // head is a fixmap of 2 entries: bump it to 3 and append key "x" and the raw value
  const out = Uint8Array.from([0x83, ...head.subarray(1), 0xa1, 0x78, ...value]);
  return out;
}

describe("nested frames (bridge/PROTOCOL.md, Conventions)", () => {
  it("decodes extension type 1 in place, as if the subtree had been packed in one piece", () => {
    const v = decodeMsgpack(nestedArrays(1_000));
    expect(v).toEqual(plainNested(1_000));
    expect(() => checkFrameDepth(v)).not.toThrow();
  });

  it("rejects a message nested past the ceiling after its id was read, without overflowing the stack", () => {
    for (const levels of [MAX_FRAME_DEPTH + 10, 20_000]) {
      const msg = decodeMsgpack(pingWith("d1", nestedArrays(levels))) as Record<string, unknown>;
      expect(msg["id"]).toBe("d1");
      expect(() => checkFrameDepth(msg)).toThrow(/nests deeper than 2500 levels/);
    }
  });

  it("accepts a message right at the ceiling", () => {
    const msg = decodeMsgpack(pingWith("d2", nestedArrays(MAX_FRAME_DEPTH - 1)));
    expect(() => checkFrameDepth(msg)).not.toThrow();
  });
});
