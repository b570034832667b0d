import { describe, expect, it } from "vitest";
import { checkFrameDepth, decodeMsgpack, MAX_FRAME_DEPTH, NESTED_EXT, peekFrameId } from "../../../src/server/protocol/msgpack-decode.js";
import { frameNestsDeeper } from "../../../src/server/protocol/frame-depth.js";
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
    const bytes = nestedArrays(1_000);
    expect(decodeMsgpack(bytes)).toEqual(plainNested(1_000));
    expect(() => checkFrameDepth(bytes)).not.toThrow();
  });

  it("rejects a message nested past the ceiling from its bytes, and still reads its id, without overflowing the stack", () => {
    for (const levels of [MAX_FRAME_DEPTH + 10, 20_000]) {
      const frame = pingWith("d1", nestedArrays(levels));
      expect(() => checkFrameDepth(frame)).toThrow(/nests deeper than 2500 levels/);
      expect(peekFrameId(frame)).toBe("d1");
    }
    // a plain (unsplit) frame too deep for any decoder: refused from its bytes, no id
    const plain = Uint8Array.from([...new Array<number>(200_000).fill(0x91), 0x07]);
    expect(() => checkFrameDepth(plain)).toThrow(/nests deeper/);
  });

  it("accepts a message right at the ceiling", () => {
    expect(() => checkFrameDepth(pingWith("d2", nestedArrays(MAX_FRAME_DEPTH)))).not.toThrow();
    expect(() => checkFrameDepth(pingWith("d3", nestedArrays(MAX_FRAME_DEPTH + 1)))).toThrow(/nests deeper/);
  });

  it("counts depth as the decoded value nests, over every msgpack header", () => {
    const depthOf = (v: unknown): number => {
      for (let max = 0; ; max++) if (!frameNestsDeeper(encodeMsgpack(v), max)) return max;
    };
    expect(depthOf(7)).toBe(0);
    expect(depthOf([])).toBe(0);
    expect(depthOf({ a: [1, [2, []]], b: "x".repeat(300), c: new Uint8Array(70_000), d: 2n ** 60n, e: 1.5 })).toBe(3);
    expect(depthOf([new Array(70_000).fill(1), { k: new Array(20).fill([{}]) }])).toBe(4);
    expect(depthOf(plainNested(300))).toBe(299);
    // malformed or truncated frames are the decoder's to refuse
    expect(frameNestsDeeper(Uint8Array.from([0x92, 0x91, 0x01, 0x02]), 0)).toBe(true);
    expect(frameNestsDeeper(Uint8Array.from([0x92, 0x91]), 0)).toBe(false);
    expect(frameNestsDeeper(Uint8Array.from([0xc1]), 0)).toBe(false);
    expect(frameNestsDeeper(Uint8Array.from([0xdd, 0xff, 0xff, 0xff, 0xff]), 5)).toBe(false);
    expect(frameNestsDeeper(Uint8Array.from([0xda, 0xff]), 5)).toBe(false);
  });
});
