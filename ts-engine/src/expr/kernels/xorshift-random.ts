import { murmur3Bytes } from "./murmur3.js";

const M64 = (1n << 64n) - 1n;
/** Scala's MurmurHash3.arraySeed, which Spark's XORShiftRandom.hashSeed starts from. */
const ARRAY_SEED = 0x3c074a61;
const DOUBLE_UNIT = 2 ** -53;

/** XORShiftRandom.hashSeed: Murmur3 of the seed's 8 big-endian bytes, twice, as the two halves. */
function hashSeed(seed: bigint): bigint {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, seed));
  const low = murmur3Bytes(bytes, 0, 8, ARRAY_SEED);
  const high = murmur3Bytes(bytes, 0, 8, low);
  return ((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)) & M64;
}

/**
 * Spark's XORShiftRandom (a java.util.Random whose next(bits) is an xorshift generator over a
 * hashed seed), with java.util.Random's nextDouble and nextGaussian on top, so that
 * rand(seed) / randn(seed) give Spark's values for the same seed and partition.
 */
export class XorShiftRandom {
  private seed: bigint;
  private nextNextGaussian = 0;
  private haveNextNextGaussian = false;

  constructor(seed: bigint) {
    this.seed = hashSeed(seed);
  }

  private next(bits: number): number {
    let s = this.seed;
    s ^= (s << 21n) & M64;
    s ^= s >> 35n;
    s ^= (s << 4n) & M64;
    this.seed = s;
    return Number(BigInt.asIntN(32, s & ((1n << BigInt(bits)) - 1n)));
  }

  /** java.util.Random.nextInt(bound): uniform in [0, bound), by rejection as Java draws it (bound ≥ 1). */
  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    // Java's `u - r + m < 0` is an int overflow test: redraw while it wraps
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }

  /** java.util.Random.nextInt() without a bound: 32 random bits as a signed int (randstr draws these). */
  nextInt32(): number {
    return this.next(32);
  }

  /** java.util.Random.nextDouble: 53 random bits in [0, 1). */
  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * DOUBLE_UNIT;
  }

  /** java.util.Random.nextGaussian: Marsaglia's polar method, the second value kept for the next call. */
  nextGaussian(): number {
    if (this.haveNextNextGaussian) {
      this.haveNextNextGaussian = false;
      return this.nextNextGaussian;
    }
    let v1: number;
    let v2: number;
    let s: number;
    do {
      v1 = 2 * this.nextDouble() - 1;
      v2 = 2 * this.nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
    this.nextNextGaussian = v2 * multiplier;
    this.haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}
