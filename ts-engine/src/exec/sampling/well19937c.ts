/**
 * commons-math3's Well19937c (a WELL generator with Matsumoto-Kurita tempering), the generator
 * behind the PoissonDistribution that Spark's PoissonSampler draws from, so that
 * `sample(withReplacement=True, …)` repeats Spark's rows for a seed. State is 624 32-bit words;
 * all arithmetic is Java int arithmetic (`| 0`, `>>>` for Java's unsigned shift).
 */
export class Well19937c {
  private readonly v = new Int32Array(R);
  private index = 0;
  /** BitsStreamGenerator's cached second Gaussian of a pair (NaN: none). */
  private gaussian = Number.NaN;

  constructor(seed: bigint) {
    this.setSeed(seed);
  }

  /** AbstractWell.setSeed(long): the seed's two halves, then Knuth's initialisation of the rest. */
  setSeed(seed: bigint): void {
    const s = BigInt.asUintN(64, seed);
    const v = this.v;
    v[0] = Number(BigInt.asIntN(32, s >> 32n));
    v[1] = Number(BigInt.asIntN(32, s & 0xffffffffn));
    for (let i = 2; i < R; i++) {
      // Java: `long l = v[i - 2]; v[i] = (int) ((1812433253L * (l ^ (l >> 30)) + i) & 0xffffffffL)`:
      // only the low 32 bits matter, which int arithmetic gives
      const l = v[i - 2]!;
      v[i] = (Math.imul(1812433253, l ^ (l >> 30)) + i) | 0;
    }
    this.index = 0;
    this.gaussian = Number.NaN; // BitsStreamGenerator.clear()
  }

  /** Well19937c.next(bits): one step of the recurrence, tempered, top `bits` bits. */
  next(bits: number): number {
    const v = this.v;
    const index = this.index;
    const indexRm1 = RM1[index]!;
    const indexRm2 = RM2[index]!;
    const v0 = v[index]!;
    const vM1 = v[I1[index]!]!;
    const vM2 = v[I2[index]!]!;
    const vM3 = v[I3[index]!]!;
    const z0 = (0x80000000 & v[indexRm1]!) ^ (0x7fffffff & v[indexRm2]!);
    const z1 = v0 ^ (v0 << 25) ^ (vM1 ^ (vM1 >>> 27));
    const z2 = (vM2 >>> 9) ^ (vM3 ^ (vM3 >>> 1));
    const z3 = z1 ^ z2;
    let z4 = z0 ^ (z1 ^ (z1 << 9)) ^ (z2 ^ (z2 << 21)) ^ (z3 ^ (z3 >>> 21));
    v[index] = z3;
    v[indexRm1] = z4;
    v[indexRm2] = v[indexRm2]! & 0x80000000;
    this.index = indexRm1;
    z4 ^= (z4 << 7) & 0xe46e1700;
    z4 ^= (z4 << 15) & 0x9b868000;
    return z4 >>> (32 - bits);
  }

  /** BitsStreamGenerator.nextDouble: 52 random bits (two draws of 26) in [0, 1). */
  nextDouble(): number {
    const high = this.next(26);
    const low = this.next(26);
    return (high * 2 ** 26 + low) * 2 ** -52;
  }

  /**
   * BitsStreamGenerator.nextGaussian: Box-Muller over two doubles, the pair's second value
   * kept for the next call.
   */
  nextGaussian(): number {
    if (!Number.isNaN(this.gaussian)) {
      const g = this.gaussian;
      this.gaussian = Number.NaN;
      return g;
    }
    const x = this.nextDouble();
    const y = this.nextDouble();
    const alpha = 2 * Math.PI * x;
    const r = Math.sqrt(-2 * Math.log(y));
    this.gaussian = r * Math.sin(alpha);
    return r * Math.cos(alpha);
  }
}

/** 19937 bits in 32-bit words. */
const R = 624;
const M1 = 70;
const M2 = 179;
const M3 = 449;

function table(offset: number): Int32Array {
  const t = new Int32Array(R);
  for (let j = 0; j < R; j++) t[j] = (j + offset) % R;
  return t;
}

const RM1 = table(R - 1);
const RM2 = table(R - 2);
const I1 = table(M1);
const I2 = table(M2);
const I3 = table(M3);
