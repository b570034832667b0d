import { describe, expect, it } from "vitest";
import { HllSketch, HllUnion, longCoupon, stringCoupon } from "../../../src/expr/kernels/hll-sketch.js";
import { murmur3x64 } from "../../../src/expr/kernels/murmur3-x64-128.js";

// Expected bytes and estimates are PySpark 4.0.1's (tests/golden/cases/funcs_sketches.out).
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex").toUpperCase();
const sketchOf = (lgK: number, n: number): HllSketch => {
  const s = new HllSketch(lgK);
  for (let i = 0; i < n; i++) s.couponUpdate(longCoupon(BigInt(i)));
  return s;
};

describe("HLL sketches as Apache DataSketches (HLL_8) writes them", () => {
  it("hashes with MurmurHash3_x64_128", () => {
    // The reference vector of the algorithm: "hello" with seed 0.
    const [h1, h2] = murmur3x64(new TextEncoder().encode("hello"), 0n);
    expect(h1.toString(16)).toBe("cbd8a7b341bd9b02");
    expect(h2.toString(16)).toBe("5b1e906a48ae1d19");
  });

  it("keeps coupons in a list, then a hash set, with Spark's bytes", () => {
    expect(hex(sketchOf(12, 3).toBytes())).toBe("0201070C03000308CBD7C2042BF2FB06862FF90D" + "0".repeat(40));
    const set = sketchOf(12, 10).toBytes();
    expect(hex(set).slice(0, 24)).toBe("0301070C050000090A000000");
    expect(hex(HllSketch.fromBytes(set)!.toBytes())).toBe(hex(set));
    expect(stringCoupon("")).toBeNull();
  });

  it("estimates with the coupon mapping and, in HLL mode, HIP", () => {
    expect(Math.floor(sketchOf(12, 380).estimate() + 0.5)).toBe(380);
    expect(Math.floor(sketchOf(8, 100).estimate() + 0.5)).toBe(98);
    expect(Math.floor(sketchOf(8, 380).estimate() + 0.5)).toBe(371);
  });

  it("unions coupon sketches coupon by coupon", () => {
    const u = new HllUnion(12);
    u.update(sketchOf(12, 100));
    const b = new HllSketch(12);
    for (let i = 50; i < 150; i++) b.couponUpdate(longCoupon(BigInt(i)));
    u.update(b);
    expect(Math.floor(u.result().estimate() + 0.5)).toBe(150);
    expect(HllSketch.fromBytes(new Uint8Array([1, 2]))).toBeNull();
  });
});
