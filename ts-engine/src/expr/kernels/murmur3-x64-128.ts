// MurmurHash3_x64_128 (Austin Appleby's 128-bit hash for 64-bit platforms), as Apache
// DataSketches hashes every item it sketches (HLL's coupons take seed 9001). BigInt words, so
// the 64-bit multiplications and rotations wrap exactly as Java's longs do.

const M64 = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

function rotl(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & M64;
}

function fmix(k: bigint): bigint {
  k ^= k >> 33n;
  k = (k * 0xff51afd7ed558ccdn) & M64;
  k ^= k >> 33n;
  k = (k * 0xc4ceb9fe1a85ec53n) & M64;
  k ^= k >> 33n;
  return k;
}

function le64(b: Uint8Array, at: number, n: number): bigint {
  let r = 0n;
  for (let i = n - 1; i >= 0; i--) r = (r << 8n) | BigInt(b[at + i]!);
  return r;
}

/** The two 64-bit halves (unsigned) of MurmurHash3_x64_128 of `b` with `seed`. */
export function murmur3x64(b: Uint8Array, seed: bigint): [bigint, bigint] {
  let h1 = seed & M64;
  let h2 = seed & M64;
  const blocks = b.length >> 4;
  for (let i = 0; i < blocks; i++) {
    let k1 = le64(b, i * 16, 8);
    let k2 = le64(b, i * 16 + 8, 8);
    k1 = (k1 * C1) & M64;
    k1 = rotl(k1, 31n);
    k1 = (k1 * C2) & M64;
    h1 ^= k1;
    h1 = rotl(h1, 27n);
    h1 = (h1 + h2) & M64;
    h1 = (h1 * 5n + 0x52dce729n) & M64;
    k2 = (k2 * C2) & M64;
    k2 = rotl(k2, 33n);
    k2 = (k2 * C1) & M64;
    h2 ^= k2;
    h2 = rotl(h2, 31n);
    h2 = (h2 + h1) & M64;
    h2 = (h2 * 5n + 0x38495ab5n) & M64;
  }
  const tail = b.length & 15;
  const at = blocks * 16;
  if (tail > 8) {
    let k2 = le64(b, at + 8, tail - 8);
    k2 = (k2 * C2) & M64;
    k2 = rotl(k2, 33n);
    k2 = (k2 * C1) & M64;
    h2 ^= k2;
  }
  if (tail > 0) {
    let k1 = le64(b, at, Math.min(tail, 8));
    k1 = (k1 * C1) & M64;
    k1 = rotl(k1, 31n);
    k1 = (k1 * C2) & M64;
    h1 ^= k1;
  }
  const len = BigInt(b.length);
  h1 ^= len;
  h2 ^= len;
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  return [h1, h2];
}
