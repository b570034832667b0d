import { murmur3x64 } from "./murmur3-x64-128.js";

// Apache DataSketches' HLL sketch as Spark's hll_* functions use it (target type HLL_8,
// updatable serialization), written from the library's documented format and algorithms:
// items hash (MurmurHash3_x64_128, seed 9001) to 26-bit-address coupons; a sketch starts as
// a list of coupons (LIST), grows into an open-addressing hash set (SET) and becomes an array
// of 2^lgK registers (HLL) whose HIP estimator gives the estimate. The serialized bytes follow
// the library's preamble layout, so tspark's sketches and Spark's read each other.

const SEED = 9001n;
const KEY_MASK_26 = (1 << 26) - 1;
const LG_INIT_LIST = 3;
const LG_INIT_SET = 5;
const FAMILY_ID = 7;
const SER_VER = 1;
const HLL_8 = 2;
const EMPTY_FLAG = 4;
const COMPACT_FLAG = 8;
const OUT_OF_ORDER_FLAG = 16;
const REBUILD_FLAG = 32;
const ENCODER = new TextEncoder();

type Mode = 0 | 1 | 2; // LIST, SET, HLL

/** The coupon of an item's hash: 26 address bits, and the leading zeros of the second half (+1, at most 63) above them. */
function couponOf(hash: [bigint, bigint]): number {
  const addr = Number(hash[0] & BigInt(KEY_MASK_26));
  const hi = hash[1];
  let lz = 64;
  if (hi !== 0n) lz = 64 - hi.toString(2).length;
  const value = Math.min(lz, 62) + 1;
  return ((value << 26) | addr) >>> 0;
}

const LONG_BYTES = new Uint8Array(8);
const LONG_VIEW = new DataView(LONG_BYTES.buffer);

/** The coupon of a long (DataSketches' update(long): the 8 little-endian bytes). */
export function longCoupon(x: bigint): number {
  LONG_VIEW.setBigInt64(0, BigInt.asIntN(64, x), true);
  return couponOf(murmur3x64(LONG_BYTES, SEED));
}

/** The coupon of bytes (update(byte[])), or null for the empty array, which the library skips. */
export function bytesCoupon(b: Uint8Array): number | null {
  return b.length === 0 ? null : couponOf(murmur3x64(b, SEED));
}

/** The coupon of a string (update(String): its UTF-8 bytes), null for the empty string. */
export function stringCoupon(s: string): number | null {
  return s.length === 0 ? null : bytesCoupon(ENCODER.encode(s));
}

/** The coupon-collector inverse: how many distinct items give `c` distinct coupons among 2^26 (the library's coupon mapping). */
function couponEstimate(c: number): number {
  if (c === 0) return 0;
  const m = 2 ** 26;
  return Math.max(c, Math.log1p(-c / m) / Math.log1p(-1 / m));
}

/** An HLL sketch with the library's three modes, HIP estimator and serialization. */
export class HllSketch {
  mode: Mode = 0;
  /** LIST/SET: the coupon array (0 = empty), 2^lgArr slots. */
  coupons: Uint32Array;
  lgArr = LG_INIT_LIST;
  count = 0;
  /** HLL: one byte register per slot. */
  regs: Uint8Array | null = null;
  hip = 0;
  kxq0 = 0;
  kxq1 = 0;
  numAtCurMin = 0;
  outOfOrder = false;
  rebuild = false;

  constructor(readonly lgK: number) {
    this.coupons = new Uint32Array(1 << LG_INIT_LIST);
  }

  get isEmpty(): boolean {
    return this.mode !== 2 && this.count === 0;
  }

  /** Adds one coupon, moving LIST → SET → HLL as the library does. */
  couponUpdate(coupon: number): void {
    if (this.mode === 2) return this.hllUpdate(coupon);
    if (this.mode === 0) {
      const len = this.coupons.length;
      for (let i = 0; i < len; i++) {
        const at = this.coupons[i]!;
        if (at === 0) {
          this.coupons[i] = coupon;
          this.count++;
          if (this.count >= len) {
            if (this.lgK < 8) this.promoteToHll();
            else this.promoteToSet();
          }
          return;
        }
        if (at === coupon) return;
      }
      return;
    }
    const idx = findSlot(this.coupons, this.lgArr, coupon);
    if (idx >= 0) return;
    this.coupons[~idx] = coupon;
    this.count++;
    if (4 * this.count > 3 * (1 << this.lgArr)) {
      if (this.lgArr === this.lgK - 3) this.promoteToHll();
      else this.growSet(this.lgArr + 1);
    }
  }

  private promoteToSet(): void {
    const old = this.coupons;
    this.mode = 1;
    this.lgArr = LG_INIT_SET;
    this.coupons = new Uint32Array(1 << LG_INIT_SET);
    this.count = 0;
    for (const c of old) if (c !== 0) this.couponUpdate(c);
  }

  private growSet(lg: number): void {
    const old = this.coupons;
    this.lgArr = lg;
    this.coupons = new Uint32Array(1 << lg);
    for (const c of old) if (c !== 0) this.coupons[~findSlot(this.coupons, lg, c)] = c;
  }

  private initHll(): void {
    this.mode = 2;
    this.regs = new Uint8Array(1 << this.lgK);
    this.kxq0 = 1 << this.lgK;
    this.kxq1 = 0;
    this.numAtCurMin = 1 << this.lgK;
    this.hip = 0;
  }

  /** The library's promotion: the coupons replayed into registers, then HIP starts at the coupon estimate. */
  private promoteToHll(): void {
    const est = this.estimate();
    const old = this.coupons;
    this.initHll();
    for (const c of old) if (c !== 0) this.hllUpdate(c);
    this.hip = est;
    this.outOfOrder = false;
    this.coupons = new Uint32Array(0);
    this.count = 0;
  }

  private hllUpdate(coupon: number): void {
    const regs = this.regs!;
    const slot = coupon & ((1 << this.lgK) - 1);
    const v = coupon >>> 26;
    const old = regs[slot]!;
    if (v <= old) return;
    // HIP: add k / (sum of 2^-register) before the register changes.
    this.hip += (1 << this.lgK) / (this.kxq0 + this.kxq1);
    if (old < 32) this.kxq0 -= 2 ** -old;
    else this.kxq1 -= 2 ** -old;
    if (v < 32) this.kxq0 += 2 ** -v;
    else this.kxq1 += 2 ** -v;
    regs[slot] = v;
    if (old === 0) this.numAtCurMin--;
  }

  /** The sketch's estimate: coupons by the coupon mapping, registers by HIP (or, after out-of-order merges, HLL's own estimator). */
  estimate(): number {
    if (this.mode !== 2) return couponEstimate(this.count);
    if (!this.outOfOrder) return this.hip;
    return this.rawEstimate();
  }

  /**
   * The estimate of a sketch whose registers were merged out of order. The library's
   * composite estimator interpolates its empirical bias tables here; this is the classic HLL
   * estimate with linear counting for small counts (see the report's differences).
   */
  private rawEstimate(): number {
    this.rebuildKxq();
    const k = 1 << this.lgK;
    const alpha = this.lgK === 4 ? 0.673 : this.lgK === 5 ? 0.697 : this.lgK === 6 ? 0.709 : 0.7213 / (1 + 1.079 / k);
    const raw = (alpha * k * k) / (this.kxq0 + this.kxq1);
    if (raw <= 2.5 * k && this.numAtCurMin > 0) return k * Math.log(k / this.numAtCurMin);
    return raw;
  }

  private rebuildKxq(): void {
    if (!this.rebuild || this.regs === null) return;
    let kxq0 = 0;
    let kxq1 = 0;
    let zeros = 0;
    for (const v of this.regs) {
      if (v === 0) zeros++;
      if (v < 32) kxq0 += 2 ** -v;
      else kxq1 += 2 ** -v;
    }
    this.kxq0 = kxq0;
    this.kxq1 = kxq1;
    this.numAtCurMin = zeros;
    this.rebuild = false;
  }

  /** The coupons of a LIST/SET sketch in array order (what the library's iterator yields). */
  couponList(): number[] {
    return Array.from(this.coupons).filter((c) => c !== 0);
  }

  /** A copy (the library's copyAs(HLL_8)). */
  copy(): HllSketch {
    const s = new HllSketch(this.lgK);
    s.mode = this.mode;
    s.coupons = this.coupons.slice();
    s.lgArr = this.lgArr;
    s.count = this.count;
    s.regs = this.regs === null ? null : this.regs.slice();
    s.hip = this.hip;
    s.kxq0 = this.kxq0;
    s.kxq1 = this.kxq1;
    s.numAtCurMin = this.numAtCurMin;
    s.outOfOrder = this.outOfOrder;
    s.rebuild = this.rebuild;
    return s;
  }

  /** An HLL-mode sketch of `lgK` ≤ this one's, registers folded (the library's downsample). */
  downsample(lgK: number): HllSketch {
    const s = new HllSketch(lgK);
    s.initHll();
    mergeRegisters(this, s);
    s.outOfOrder = true;
    return s;
  }

  /** The updatable serialization (toUpdatableByteArray). */
  toBytes(): Uint8Array {
    this.rebuildKxq();
    const flags = (this.isEmpty ? EMPTY_FLAG : 0) | (this.outOfOrder ? OUT_OF_ORDER_FLAG : 0);
    if (this.mode === 2) {
      const k = 1 << this.lgK;
      const out = new Uint8Array(40 + k);
      const dv = new DataView(out.buffer);
      out.set([10, SER_VER, FAMILY_ID, this.lgK, 0, flags, 0, 2 | (HLL_8 << 2)]);
      dv.setFloat64(8, this.hip, true);
      dv.setFloat64(16, this.kxq0, true);
      dv.setFloat64(24, this.kxq1, true);
      dv.setInt32(32, this.numAtCurMin, true);
      dv.setInt32(36, 0, true);
      out.set(this.regs!, 40);
      return out;
    }
    const pre = this.mode === 0 ? 8 : 12;
    const out = new Uint8Array(pre + 4 * this.coupons.length);
    const dv = new DataView(out.buffer);
    out.set([this.mode === 0 ? 2 : 3, SER_VER, FAMILY_ID, this.lgK, this.lgArr, flags, this.mode === 0 ? this.count : 0, this.mode | (HLL_8 << 2)]);
    if (this.mode === 1) dv.setInt32(8, this.count, true);
    this.coupons.forEach((c, i) => dv.setUint32(pre + 4 * i, c, true));
    return out;
  }

  /** A sketch read from the library's bytes (LIST, SET or HLL_8; updatable or compact), or null when they are none. */
  static fromBytes(b: Uint8Array): HllSketch | null {
    if (b.length < 8 || b[1] !== SER_VER || b[2] !== FAMILY_ID) return null;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const preInts = b[0]!;
    const lgK = b[3]!;
    const lgArr = b[4]!;
    const flags = b[5]!;
    const modeBits = b[7]! & 3;
    if (modeBits === 3) return null;
    const mode = modeBits as Mode;
    const tgt = (b[7]! >> 2) & 3;
    if (lgK < 4 || lgK > 21) return null;
    const s = new HllSketch(lgK);
    if (mode === 2) {
      const k = 1 << lgK;
      if (preInts !== 10 || tgt !== HLL_8 || b.length < 40 + k) return null;
      s.initHll();
      s.hip = dv.getFloat64(8, true);
      s.kxq0 = dv.getFloat64(16, true);
      s.kxq1 = dv.getFloat64(24, true);
      s.numAtCurMin = dv.getInt32(32, true);
      s.regs = b.slice(40, 40 + k);
      s.outOfOrder = (flags & OUT_OF_ORDER_FLAG) !== 0;
      s.rebuild = (flags & REBUILD_FLAG) !== 0;
      return s;
    }
    if ((mode === 0 && preInts !== 2) || (mode === 1 && preInts !== 3)) return null;
    if ((flags & EMPTY_FLAG) !== 0) return s;
    const pre = mode === 0 ? 8 : 12;
    const count = mode === 0 ? b[6]! : dv.getInt32(8, true);
    const compact = (flags & COMPACT_FLAG) !== 0;
    const slots = compact ? count : 1 << lgArr;
    if (b.length < pre + 4 * slots) return null;
    if (!compact) {
      // The updatable form is the array itself: keep its slots, so a round trip changes no byte.
      s.mode = mode;
      s.lgArr = lgArr;
      s.coupons = new Uint32Array(slots);
      for (let i = 0; i < slots; i++) s.coupons[i] = dv.getUint32(pre + 4 * i, true);
      s.count = s.coupons.reduce((n, c) => n + (c !== 0 ? 1 : 0), 0);
      return s.count === count ? s : null;
    }
    // A compact form lists the coupons only: replaying them rebuilds the list or set.
    for (let i = 0; i < slots; i++) {
      const c = dv.getUint32(pre + 4 * i, true);
      if (c !== 0) s.couponUpdate(c);
    }
    return s;
  }
}

/** The library's hash-set probe: index of `coupon`, or ~index of the empty slot where it goes. */
function findSlot(arr: Uint32Array, lgArr: number, coupon: number): number {
  const mask = (1 << lgArr) - 1;
  let probe = coupon & mask;
  const start = probe;
  do {
    const at = arr[probe]!;
    if (at === 0) return ~probe;
    if (at === coupon) return probe;
    const stride = ((coupon & KEY_MASK_26) >>> lgArr) | 1;
    probe = (probe + stride) & mask;
  } while (probe !== start);
  return ~start;
}

/** Max-merges `src`'s registers into `tgt` (folding a larger lgK), marking `tgt`'s sums for a rebuild. */
function mergeRegisters(src: HllSketch, tgt: HllSketch): void {
  const sr = src.regs!;
  const tr = tgt.regs!;
  const mask = (1 << tgt.lgK) - 1;
  for (let i = 0; i < sr.length; i++) {
    const j = i & mask;
    if (sr[i]! > tr[j]!) tr[j] = sr[i]!;
  }
  tgt.rebuild = true;
}

/**
 * The library's Union, with its gadget of lgMaxK: coupon sketches merge coupon by coupon; an
 * HLL-mode source replaces an empty or coupon gadget (the gadget's coupons replayed into it)
 * or max-merges into an HLL gadget, which then estimates out of order.
 */
export class HllUnion {
  private gadget: HllSketch;

  constructor(readonly lgMaxK: number) {
    this.gadget = new HllSketch(lgMaxK);
  }

  update(src: HllSketch): void {
    if (src.isEmpty) return;
    const g = this.gadget;
    if (g.isEmpty && src.lgK <= this.lgMaxK) {
      // An empty gadget takes a copy of the source, its coupon order and HIP included.
      this.gadget = src.copy();
      return;
    }
    if (src.mode !== 2) {
      for (const c of src.couponList()) g.couponUpdate(c);
      return;
    }
    if (g.mode !== 2) {
      const base = src.lgK > this.lgMaxK ? src.downsample(this.lgMaxK) : src.copy();
      for (const c of g.couponList()) base.couponUpdate(c);
      this.gadget = base;
      return;
    }
    if (src.lgK < g.lgK) {
      const down = g.downsample(src.lgK);
      mergeRegisters(src, down);
      down.outOfOrder = true;
      this.gadget = down;
      return;
    }
    mergeRegisters(src, g);
    g.outOfOrder = true;
  }

  /** The gadget's lgConfigK (it shrinks to a smaller source's). */
  get lgK(): number {
    return this.gadget.lgK;
  }

  /** The union as a sketch (getResult(HLL_8)). */
  result(): HllSketch {
    return this.gadget.copy();
  }
}
