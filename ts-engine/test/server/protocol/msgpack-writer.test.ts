import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeMsgpack } from "../../../src/server/protocol/msgpack-decode.js";
import { encodeMsgpack, WireFloat } from "../../../src/server/protocol/msgpack-writer.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("MsgpackWriter matches Python's msgpack.packb(use_bin_type=True)", () => {
  // Expected bytes from Python: msgpack.packb(v, use_bin_type=True).hex()
  const cases: readonly [string, unknown, string][] = [
    ["nil", null, "c0"],
    ["true", true, "c3"],
    ["fixint", 127, "7f"],
    ["uint8", 128, "cc80"],
    ["uint16", 65535, "cdffff"],
    ["uint32", 4294967295, "ceffffffff"],
    ["uint64 from a Number", 2 ** 40, "cf0000010000000000"],
    ["uint64 from a BigInt", 2n ** 53n + 1n, "cf0020000000000001"],
    ["negative fixint", -32, "e0"],
    ["int8", -33, "d0df"],
    ["int16", -129, "d1ff7f"],
    ["int32", -32769, "d2ffff7fff"],
    ["int64", -(2 ** 31) - 1, "d3ffffffff7fffffff"],
    ["int64 min", -(2n ** 63n), "d38000000000000000"],
    ["float", 1.5, "cb3ff8000000000000"],
    ["integral float", new WireFloat(1), "cb3ff0000000000000"],
    ["fixstr", "kind", "a46b696e64"],
    ["str8", "x".repeat(32), "d920" + "78".repeat(32)],
    ["utf-8", "é", "a2c3a9"],
    ["bin", Uint8Array.from([1, 2]), "c4020102"],
    ["array", [1, "a"], "9201a161"],
    ["map", { kind: "ping", id: "p" }, "82a46b696e64a470696e67a26964a170"],
  ];
  for (const [name, value, expected] of cases) {
    it(`encodes ${name}`, () => expect(hex(encodeMsgpack(value))).toBe(expected));
  }

  it("writes str16 and array16 headers for longer values", () => {
    const s = "y".repeat(300);
    expect(hex(encodeMsgpack(s)).slice(0, 6)).toBe("da012c");
    expect(hex(encodeMsgpack(Array.from({ length: 20 }, () => 0))).slice(0, 6)).toBe("dc0014");
  });

  it("picks the str header from the UTF-8 length, not the UTF-16 length", () => {
    // [string, byte length, first 5 bytes, sha256 prefix] from Python's msgpack.
    const cases: readonly [string, number, string, string][] = [
      ["é".repeat(20), 42, "d928c3a9c3", "867c850bdb23e43f"],
      ["€".repeat(11000), 33003, "da80e8e282", "7ad2bd0a8b06121e"],
      ["a".repeat(30000), 30003, "da75306161", "9abaf7055bc66b37"],
      ["a".repeat(70000), 70005, "db00011170", "f7db3b9692780bb6"],
      ["😀".repeat(5), 21, "b4f09f9880", "a1dd1db6aff0e13e"],
    ];
    for (const [s, len, head, sha] of cases) {
      const b = encodeMsgpack(s);
      expect(b.length).toBe(len);
      expect(hex(b.subarray(0, 5))).toBe(head);
      expect(createHash("sha256").update(b).digest("hex").slice(0, 16)).toBe(sha);
    }
  });

  it("round-trips through the decoder, keeping int64 exact", () => {
    const v = { a: [9007199254740993n, -9007199254740993n, 9007199254740991, 1.25, "s", null, true], b: Uint8Array.from([9]) };
    const back = decodeMsgpack(encodeMsgpack(v)) as Record<string, unknown>;
    expect(back["a"]).toEqual(v.a);
    expect([...(back["b"] as Uint8Array)]).toEqual([9]);
  });

  it("decodes ints within ±2^53 as Numbers and beyond as BigInts", () => {
    expect(decodeMsgpack(Buffer.from("cf0020000000000000", "hex"))).toBe(2 ** 53);
    expect(decodeMsgpack(Buffer.from("cf0020000000000001", "hex"))).toBe(2n ** 53n + 1n);
    expect(decodeMsgpack(Buffer.from("d3ffdfffffffffffff", "hex"))).toBe(-(2n ** 53n) - 1n);
    expect(decodeMsgpack(Buffer.from("ce00010000", "hex"))).toBe(65536);
  });

  it("rejects truncated input and trailing bytes", () => {
    expect(() => decodeMsgpack(Uint8Array.from([0x81, 0xa4, 0x6b]))).toThrow();
    expect(() => decodeMsgpack(Uint8Array.from([0x01, 0x02]))).toThrow();
  });
});
