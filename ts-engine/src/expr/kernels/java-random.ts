/**
 * java.util.Random (the 48-bit linear congruential generator of its Javadoc), for the places
 * where Spark's values depend on its draws with a fixed seed (histogram_numeric's tie-breaking
 * with seed 31183, count_min_sketch's hash seeds).
 */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint | number) {
    this.seed = (BigInt(seed) ^ 0x5deece66dn) & MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * 0x5deece66dn + 0xbn) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** Random.nextLong: two 32-bit draws, `((long) next(32) << 32) + next(32)` (PartitionwiseSampledRDD's seeds). */
  nextLong(): bigint {
    const hi = BigInt(this.next(32));
    const lo = BigInt(this.next(32));
    return BigInt.asIntN(64, (hi << 32n) + lo);
  }

  /** Random.nextInt(bound): uniform in [0, bound), rejecting draws that would bias it (Java's loop, int overflow included). */
  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }

  /** Random.nextDouble: 53 bits in [0, 1). */
  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * 2 ** -53;
  }
}

const MASK = (1n << 48n) - 1n;
