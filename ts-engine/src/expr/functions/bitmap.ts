import { LongType } from "../../types/data-type.js";
import type { ScalarFunctionDef } from "./function-def.js";
import { doc, rowFunction } from "./row-function.js";

// The scalar bitmap functions (Spark's bitmap_funcs): positions of a value in 32768-bit
// buckets, as bitmap_construct_agg lays them out, and the bit count of a bitmap.

/** Bits per bitmap bucket (Spark's BitmapExpressionUtils.NUM_BYTES * 8). */
const BUCKET_BITS = 32768n;

const big = (x: unknown): bigint => (typeof x === "bigint" ? x : BigInt(x as number));
const longValue = (x: bigint): number | bigint => (x >= -(2n ** 53n) && x <= 2n ** 53n ? Number(x) : x);

/** Registry entries for the scalar bitmap functions. */
export const BITMAP_FUNCTIONS: readonly ScalarFunctionDef[] = [
  rowFunction({
    name: "bitmap_bucket_number",
    doc: doc("bitmap_bucket_number(child)", "Returns the number of the 32768-bit bucket that holds the bigint `child`."),
    params: ["long"],
    result: LongType,
    row: ([x]) => {
      const v = big(x);
      return longValue(v > 0n ? (v - 1n) / BUCKET_BITS + 1n : v / BUCKET_BITS);
    },
  }),
  rowFunction({
    name: "bitmap_bit_position",
    doc: doc("bitmap_bit_position(child)", "Returns the 0-based bit position of the bigint `child` within its 32768-bit bucket."),
    params: ["long"],
    result: LongType,
    row: ([x]) => {
      const v = big(x);
      return longValue(v > 0n ? (v - 1n) % BUCKET_BITS : -v % BUCKET_BITS);
    },
  }),
  rowFunction({
    name: "bitmap_count",
    doc: doc("bitmap_count(child)", "Returns the number of bits set in the binary bitmap `child`."),
    params: ["binary"],
    result: LongType,
    row: ([b]) => {
      let c = 0;
      for (const byte of b as Uint8Array) {
        let x = byte;
        while (x !== 0) {
          c += x & 1;
          x >>= 1;
        }
      }
      return c;
    },
  }),
];
