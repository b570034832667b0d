/**
 * Murmur3 x86_32 as Spark's `hash()` computes it (Murmur3Hash, seed 42): ints and longs
 * as one or two 32-bit words, byte strings with Spark's own tail rule (each trailing byte,
 * sign-extended, mixed as a whole word, unlike the reference Murmur3), then the final mix
 * with the input length. Written from the algorithm's description, not from Spark's source.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Spark's default seed for `hash()`. */
export const SPARK_HASH_SEED = 42;

function mixK1(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH1(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** hashInt: one 32-bit word (int, short, byte, date, boolean as 0/1, float bits). */
export function murmur3Int(x: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(x | 0)), 4);
}

/** hashLong from the two 32-bit halves of a 64-bit value (low word first). */
export function murmur3LongWords(lo: number, hi: number, seed: number): number {
  return fmix(mixH1(mixH1(seed, mixK1(lo | 0)), mixK1(hi | 0)), 8);
}

const TWO32 = 4294967296;

/** hashLong of an integer-valued Number within ±2^53 (the long fast path). */
export function murmur3LongNumber(x: number, seed: number): number {
  const hi = Math.floor(x / TWO32);
  return murmur3LongWords((x - hi * TWO32) | 0, hi | 0, seed);
}

/** hashLong of a BigInt (any 64-bit value). */
export function murmur3LongBig(x: bigint, seed: number): number {
  const u = BigInt.asUintN(64, x);
  return murmur3LongWords(Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0, seed);
}

/** hashUnsafeBytes over `bytes[start, end)`: little-endian words, then each tail byte sign-extended. */
export function murmur3Bytes(bytes: Uint8Array, start: number, end: number, seed: number): number {
  const len = end - start;
  const aligned = start + (len - (len & 3));
  let h = seed;
  let i = start;
  for (; i < aligned; i += 4) {
    const w = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h = mixH1(h, mixK1(w));
  }
  for (; i < end; i++) h = mixH1(h, mixK1((bytes[i]! << 24) >> 24));
  return fmix(h, len);
}

const f32 = new Float32Array(1);
const f32Bits = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Words = new Int32Array(f64.buffer);

/** FloatType: -0.0 hashes as 0, NaN as Java's canonical floatToIntBits (0x7fc00000). */
export function murmur3Float(x: number, seed: number): number {
  if (x === 0) return murmur3Int(0, seed);
  if (x !== x) return murmur3Int(0x7fc00000, seed);
  f32[0] = x;
  return murmur3Int(f32Bits[0]!, seed);
}

/** DoubleType: -0.0 hashes as 0L, NaN as Java's canonical doubleToLongBits (0x7ff8000000000000). */
export function murmur3Double(x: number, seed: number): number {
  if (x === 0) return murmur3LongWords(0, 0, seed);
  if (x !== x) return murmur3LongWords(0, 0x7ff80000, seed);
  f64[0] = x;
  return murmur3LongWords(f64Words[0]!, f64Words[1]!, seed);
}

/** Two's-complement big-endian bytes of a BigInt, minimal length (Java's BigInteger.toByteArray). */
export function bigIntToJavaBytes(x: bigint): Uint8Array {
  let n = 1;
  while (x < -(1n << BigInt(8 * n - 1)) || x >= 1n << BigInt(8 * n - 1)) n++;
  const out = new Uint8Array(n);
  let u = BigInt.asUintN(8 * n, x);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = Number(u & 0xffn);
    u >>= 8n;
  }
  return out;
}
