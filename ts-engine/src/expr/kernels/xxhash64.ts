/**
 * XXH64 (Yann Collet's xxHash, 64-bit) as Spark's XXH64 class computes it: little-endian
 * words, the standard algorithm, with hashInt / hashLong as the 4- and 8-byte inputs. Values
 * are signed 64-bit BigInts (Java longs); arithmetic wraps mod 2^64.
 */

const M = (1n << 64n) - 1n;
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;

const mul = (a: bigint, b: bigint): bigint => (a * b) & M;
const add = (a: bigint, b: bigint): bigint => (a + b) & M;
const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & M;

function fmix(h: bigint): bigint {
  h ^= h >> 33n;
  h = mul(h, P2);
  h ^= h >> 29n;
  h = mul(h, P3);
  h ^= h >> 32n;
  return h;
}

function round(acc: bigint, lane: bigint): bigint {
  return mul(rotl(add(acc, mul(lane, P2)), 31n), P1);
}

function mergeRound(h: bigint, v: bigint): bigint {
  return add(mul(h ^ round(0n, v), P1), P4);
}

function u64(b: Uint8Array, k: number): bigint {
  let x = 0n;
  for (let j = 7; j >= 0; j--) x = (x << 8n) | BigInt(b[k + j]!);
  return x;
}

function u32(b: Uint8Array, k: number): bigint {
  return BigInt((b[k]! | (b[k + 1]! << 8) | (b[k + 2]! << 16) | (b[k + 3]! << 24)) >>> 0);
}

/** XXH64 of bytes[start, end) with `seed` (a Java long), as a signed 64-bit BigInt. */
export function xxhash64Bytes(bytes: Uint8Array, start: number, end: number, seed: bigint): bigint {
  const s = seed & M;
  const len = end - start;
  let k = start;
  let h: bigint;
  if (len >= 32) {
    let v1 = add(add(s, P1), P2);
    let v2 = add(s, P2);
    let v3 = s;
    let v4 = (s - P1) & M;
    for (; k + 32 <= end; k += 32) {
      v1 = round(v1, u64(bytes, k));
      v2 = round(v2, u64(bytes, k + 8));
      v3 = round(v3, u64(bytes, k + 16));
      v4 = round(v4, u64(bytes, k + 24));
    }
    h = add(add(rotl(v1, 1n), rotl(v2, 7n)), add(rotl(v3, 12n), rotl(v4, 18n)));
    h = mergeRound(mergeRound(mergeRound(mergeRound(h, v1), v2), v3), v4);
  } else h = add(s, P5);
  h = add(h, BigInt(len));
  for (; k + 8 <= end; k += 8) h = add(mul(rotl(h ^ round(0n, u64(bytes, k)), 27n), P1), P4);
  if (k + 4 <= end) {
    h = add(mul(rotl(h ^ mul(u32(bytes, k), P1), 23n), P2), P3);
    k += 4;
  }
  for (; k < end; k++) h = mul(rotl(h ^ mul(BigInt(bytes[k]!), P5), 11n), P1);
  return BigInt.asIntN(64, fmix(h));
}

/** Spark's XXH64.hashInt: the 4 little-endian bytes of a Java int. */
export function xxhash64Int(x: number, seed: bigint): bigint {
  let h = add(add(seed & M, P5), 4n);
  h = add(mul(rotl(h ^ mul(BigInt(x >>> 0), P1), 23n), P2), P3);
  return BigInt.asIntN(64, fmix(h));
}

/** Spark's XXH64.hashLong: the 8 little-endian bytes of a Java long. */
export function xxhash64Long(x: bigint, seed: bigint): bigint {
  let h = add(add(seed & M, P5), 8n);
  h = add(mul(rotl(h ^ round(0n, x & M), 27n), P1), P4);
  return BigInt.asIntN(64, fmix(h));
}
