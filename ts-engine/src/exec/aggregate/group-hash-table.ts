import type { DataType } from "../../types/data-type.js";
import { makeVector, numbersOf, type Vector } from "../../columnar/vector.js";
import { equalUtf8 } from "../../columnar/utf8.js";
import { allocVector, isLongType, vectorFromValues } from "../../columnar/builder.js";
import { valueAt } from "../../expr/eval/vectors.js";
import { DirectIntMap } from "./direct-int-map.js";
import { hashInto, mix, numberKey, toKeyColumn, type KeyColumn } from "./key-columns.js";

/** String keys of one column in group order: UTF-8 bytes appended as groups are added. */
interface Utf8Store {
  offsets: Int32Array;
  bytes: Uint8Array;
}

/** Stored keys of one column, indexed by group id. */
interface KeyStore {
  num: Float64Array | null;
  big: (bigint | undefined)[] | null;
  obj: unknown[] | null;
  orig: unknown[] | null;
  str: Utf8Store | null;
  nulls: Uint8Array;
}

/**
 * Open-addressing hash table from composite keys to dense group ids (0, 1, …), over
 * typed arrays: linear probing on a power-of-two slot array, the hash of each group kept
 * for cheap rejection and rehashing. Nulls form their own key (GROUP BY semantics);
 * `find` treats a null key as matching nothing (join semantics).
 */
export class GroupHashTable {
  /**
   * Slot s is [2s] = its group id (-1 empty) and [2s + 1] = that group's hash: a probe
   * rejects a slot on the hash without reading a group-indexed array, so a table larger
   * than the caches costs one miss per probed slot, not two.
   */
  private slots: Int32Array;
  private mask: number;
  private groupHash: Int32Array;
  private readonly stores: KeyStore[] = [];
  private hasNullGroup = false;
  /** Cache for small-range int keys: undefined until the first such batch, null when not usable. */
  private direct: DirectIntMap | null | undefined = undefined;
  size = 0;

  constructor(private readonly keyTypes: readonly DataType[], initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.slots = new Int32Array(2 * cap).fill(-1);
    this.mask = cap - 1;
    this.groupHash = new Int32Array(initialCapacity);
    for (let c = 0; c < keyTypes.length; c++) {
      this.stores.push({ num: null, big: null, obj: null, orig: null, str: null, nulls: new Uint8Array(initialCapacity) });
    }
  }

  /*
   * Per-batch arrays are the table's own, reused from batch to batch: every array a batch
   * allocates is external memory to V8, and past each 64 MB of it V8 runs a full
   * mark-compact ("external memory pressure"), two or three per 10M-row aggregation.
   */
  private hashScratch = new Int32Array(0);
  private idScratch = new Int32Array(0);

  /** `n` zeroed hash slots, valid until the next call. */
  private hashAll(cols: readonly KeyColumn[], n: number): Int32Array {
    if (this.hashScratch.length < n) this.hashScratch = new Int32Array(Math.max(n, 8192));
    const h = this.hashScratch.subarray(0, n);
    h.fill(0);
    for (const c of cols) hashInto(c, h, n);
    return h;
  }

  /** `n` group-id slots for findOrInsert's answer, valid until its next call. */
  private groupIds(n: number): Int32Array {
    if (this.idScratch.length < n) this.idScratch = new Int32Array(Math.max(n, 8192));
    return this.idScratch.subarray(0, n);
  }

  private equal(g: number, cols: readonly KeyColumn[], i: number): boolean {
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const st = this.stores[c]!;
      const rowNull = col.nulls !== null && col.nulls[i] === 0;
      if (rowNull || st.nulls[g] === 1) {
        if (!(rowNull && st.nulls[g] === 1)) return false;
        continue;
      }
      if (col.num !== null) {
        const a = st.num![g]!;
        const b = col.num[i]!;
        if (a !== b && !(a !== a && b !== b)) return false;
        if (st.big !== null || col.big !== null) {
          const x = st.big?.[g];
          const y = col.big?.[i];
          if (x !== y) return false;
        }
      } else if (col.utf8 !== null) {
        const so = st.str!.offsets;
        const o = col.utf8.offsets;
        if (!equalUtf8(st.str!.bytes, so[g]!, so[g + 1]!, col.utf8.bytes, o[i]!, o[i + 1]!)) return false;
      } else if (st.obj![g] !== col.obj![i]) return false;
    }
    return true;
  }

  private grow(): void {
    const cap = this.groupHash.length * 2;
    const gh = new Int32Array(cap);
    gh.set(this.groupHash);
    this.groupHash = gh;
    for (const st of this.stores) {
      const nn = new Uint8Array(cap);
      nn.set(st.nulls);
      st.nulls = nn;
      if (st.num !== null) {
        const nv = new Float64Array(cap);
        nv.set(st.num);
        st.num = nv;
      }
      if (st.str !== null) {
        const no = new Int32Array(cap + 1);
        no.set(st.str.offsets);
        st.str.offsets = no;
      }
    }
  }

  private rehash(): void {
    const cap = this.slots.length; // twice the slots
    const slots = new Int32Array(2 * cap).fill(-1);
    const mask = cap - 1;
    for (let g = 0; g < this.size; g++) {
      const h = this.groupHash[g]!;
      let s = h & mask;
      while (slots[2 * s] !== -1) s = (s + 1) & mask;
      slots[2 * s] = g;
      slots[2 * s + 1] = h;
    }
    this.slots = slots;
    this.mask = mask;
  }

  private insert(cols: readonly KeyColumn[], i: number, h: number): number {
    const g = this.size++;
    if (g >= this.groupHash.length) this.grow();
    this.groupHash[g] = h;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const st = this.stores[c]!;
      const isNull = col.nulls !== null && col.nulls[i] === 0;
      st.nulls[g] = isNull ? 1 : 0;
      if (isNull) this.hasNullGroup = true;
      if (col.num !== null) {
        st.num ??= new Float64Array(this.groupHash.length);
        st.num[g] = isNull ? 0 : col.num[i]!;
        const b = col.big?.[i];
        if (b !== undefined && !isNull) {
          st.big ??= [];
          st.big[g] = b;
        }
      } else if (col.utf8 !== null) {
        st.str ??= { offsets: new Int32Array(this.groupHash.length + 1), bytes: new Uint8Array(1024) };
        const str = st.str;
        const start = str.offsets[g]!;
        const s = col.utf8.offsets[i]!;
        const len = isNull ? 0 : col.utf8.offsets[i + 1]! - s;
        if (start + len > str.bytes.length) {
          const nb = new Uint8Array(Math.max(str.bytes.length * 2, start + len));
          nb.set(str.bytes.subarray(0, start));
          str.bytes = nb;
        }
        for (let k = 0; k < len; k++) str.bytes[start + k] = col.utf8.bytes[s + k]!;
        str.offsets[g + 1] = start + len;
      } else {
        st.obj ??= [];
        st.orig ??= [];
        st.obj[g] = isNull ? null : col.obj![i];
        st.orig[g] = null;
      }
    }
    return g;
  }

  /** Whether the batch and the table hold only plain numbers (no nulls, no longs past 2^53). */
  private plainNumeric(cols: readonly KeyColumn[]): boolean {
    if (cols.length === 0 || cols.length > 2) return false;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const st = this.stores[c]!;
      if (col.num === null || col.big !== null || col.nulls !== null || st.big !== null || st.obj !== null || st.str !== null) return false;
    }
    return !this.hasNullGroup;
  }

  /** The hot path for one or two plain numeric keys: compares typed arrays inline. */
  private findOrInsertNumeric(cols: readonly KeyColumn[], n: number, out: Int32Array): void {
    const a = cols[0]!.num!;
    const two = cols.length === 2;
    const b = two ? cols[1]!.num! : a;
    let slots = this.slots;
    let mask = this.mask;
    let sa = this.stores[0]!.num ?? new Float64Array(0);
    let sb = two ? (this.stores[1]!.num ?? new Float64Array(0)) : sa;
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      const y = b[i]!;
      const h1 = mix(0, numberKey(x));
      const h = two ? mix(h1, numberKey(y)) : h1;
      let s = h & mask;
      for (;;) {
        const g = slots[2 * s]!;
        if (g === -1) {
          const ng = this.insert(cols, i, h);
          this.slots[2 * s] = ng;
          this.slots[2 * s + 1] = h;
          out[i] = ng;
          if (this.size * 4 > this.slots.length) this.rehash();
          slots = this.slots;
          mask = this.mask;
          sa = this.stores[0]!.num!;
          sb = two ? this.stores[1]!.num! : sa;
          break;
        }
        if (slots[2 * s + 1] === h) {
          const sx = sa[g]!;
          const sy = sb[g]!;
          if ((sx === x || (sx !== sx && x !== x)) && (!two || sy === y || (sy !== sy && y !== y))) {
            out[i] = g;
            break;
          }
        }
        s = (s + 1) & mask;
      }
    }
  }

  /** Finds or adds the group of one or two plain (non-null, exact) numeric keys. */
  private probeNumbers(x: number, y: number, two: boolean): number {
    const h1 = mix(0, numberKey(x));
    const h = two ? mix(h1, numberKey(y)) : h1;
    let s = h & this.mask;
    for (;;) {
      const g = this.slots[2 * s]!;
      if (g === -1) {
        const ng = this.size++;
        if (ng >= this.groupHash.length) this.grow();
        this.groupHash[ng] = h;
        for (let c = 0; c < (two ? 2 : 1); c++) {
          const st = this.stores[c]!;
          st.nulls[ng] = 0;
          st.num ??= new Float64Array(this.groupHash.length);
          st.num[ng] = c === 0 ? x : y;
        }
        this.slots[2 * s] = ng;
        this.slots[2 * s + 1] = h;
        if (this.size * 4 > this.slots.length) this.rehash();
        return ng;
      }
      if (this.slots[2 * s + 1] === h) {
        const s0 = this.stores[0]!;
        const s1 = this.stores[two ? 1 : 0]!;
        // A null group's stored number is a placeholder 0, never equal to a real key.
        if (s0.num![g] === x && s0.nulls[g] === 0 && (!two || (s1.num![g] === y && s1.nulls[g] === 0))) return g;
      }
      s = (s + 1) & this.mask;
    }
  }

  /**
   * Group ids through the DirectIntMap when every key is a non-null Int32 column (and no key
   * column of the table holds strings or wide longs); null when that path does not apply.
   */
  private findOrInsertDirect(keys: readonly Vector[], n: number, reuse: boolean): Int32Array | null {
    if (this.direct === null || keys.length === 0 || keys.length > 2) return null;
    const ka = keys[0]!;
    const kb = keys.length === 2 ? keys[1]! : null;
    if (ka.storage !== "i32" || ka.validity !== null) return null;
    if (kb !== null && (kb.storage !== "i32" || kb.validity !== null)) return null;
    for (const st of this.stores) if (st.big !== null || st.obj !== null || st.str !== null) return null;
    const a = ka.data;
    const b = kb === null ? null : kb.data;
    this.direct ??= DirectIntMap.forBatch(a, b, n);
    const dm = this.direct;
    if (dm === null) return null;
    const out = reuse ? this.groupIds(n) : new Int32Array(n);
    const cells = dm.cells;
    const { minX, spanX, minY, spanY } = dm;
    const two = b !== null;
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      const y = two ? b[i]! : 0;
      const dx = x - minX;
      const dy = y - minY;
      if (dx >= 0 && dx < spanX && dy >= 0 && dy < spanY) {
        const cell = dx * spanY + dy;
        let g = cells[cell]!;
        if (g === -1) {
          g = this.probeNumbers(x, y, two);
          cells[cell] = g;
        }
        out[i] = g;
      } else out[i] = this.probeNumbers(x, y, two);
    }
    return out;
  }

  /**
   * Group id of every row of the key vectors, adding new groups as needed. With `reuse`
   * the answer is the table's own array, overwritten by the next call (an aggregation
   * reads it at once); otherwise a fresh one.
   */
  findOrInsert(keys: readonly Vector[], n: number, reuse = false): Int32Array {
    const direct = this.findOrInsertDirect(keys, n, reuse);
    if (direct !== null) return direct;
    const cols = keys.map(toKeyColumn);
    const out = reuse ? this.groupIds(n) : new Int32Array(n);
    if (this.plainNumeric(cols)) {
      this.findOrInsertNumeric(cols, n, out);
      return out;
    }
    const hashes = this.hashAll(cols, n);
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      let s = h & this.mask;
      for (;;) {
        const g = this.slots[2 * s]!;
        if (g === -1) {
          const ng = this.insert(cols, i, h);
          this.slots[2 * s] = ng;
          this.slots[2 * s + 1] = h;
          out[i] = ng;
          this.keepOriginal(ng, keys, i);
          if (this.size * 4 > this.slots.length) this.rehash();
          break;
        }
        if (this.slots[2 * s + 1] === h && this.equal(g, cols, i)) {
          out[i] = g;
          break;
        }
        s = (s + 1) & this.mask;
      }
    }
    return out;
  }

  private keepOriginal(g: number, keys: readonly Vector[], i: number): void {
    for (let c = 0; c < keys.length; c++) {
      const st = this.stores[c]!;
      if (st.orig !== null) st.orig[g] = valueAt(keys[c]!, i);
    }
  }

  /** Lookup-only twin of findOrInsertNumeric. */
  private findNumeric(cols: readonly KeyColumn[], n: number, out: Int32Array): void {
    const a = cols[0]!.num!;
    const two = cols.length === 2;
    const b = two ? cols[1]!.num! : a;
    const slots = this.slots;
    const mask = this.mask;
    const sa = this.stores[0]!.num ?? new Float64Array(0);
    const sb = two ? (this.stores[1]!.num ?? new Float64Array(0)) : sa;
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      const y = b[i]!;
      const h1 = mix(0, numberKey(x));
      const h = two ? mix(h1, numberKey(y)) : h1;
      let s = h & mask;
      let found = -1;
      for (;;) {
        const g = slots[2 * s]!;
        if (g === -1) break;
        if (slots[2 * s + 1] === h) {
          const sx = sa[g]!;
          const sy = sb[g]!;
          if ((sx === x || (sx !== sx && x !== x)) && (!two || sy === y || (sy !== sy && y !== y))) {
            found = g;
            break;
          }
        }
        s = (s + 1) & mask;
      }
      out[i] = found;
    }
  }

  /** Group id of every row, or -1 where no group matches or any key is null. */
  find(keys: readonly Vector[], n: number): Int32Array {
    const cols = keys.map(toKeyColumn);
    const out = new Int32Array(n);
    if (this.plainNumeric(cols)) {
      this.findNumeric(cols, n, out);
      return out;
    }
    const hashes = this.hashAll(cols, n);
    for (let i = 0; i < n; i++) {
      let anyNull = false;
      for (const c of cols) if (c.nulls !== null && c.nulls[i] === 0) anyNull = true;
      if (anyNull) {
        out[i] = -1;
        continue;
      }
      const h = hashes[i]!;
      let s = h & this.mask;
      for (;;) {
        const g = this.slots[2 * s]!;
        if (g === -1) {
          out[i] = -1;
          break;
        }
        if (this.slots[2 * s + 1] === h && this.equal(g, cols, i)) {
          out[i] = g;
          break;
        }
        s = (s + 1) & this.mask;
      }
    }
    return out;
  }

  /** The distinct keys, column by column, in group-id order, as vectors of the key types. */
  keyVectors(): Vector[] {
    const n = this.size;
    return this.keyTypes.map((type, c) => {
      const st = this.stores[c]!;
      if (n === 0) return allocVector(type, 0);
      const validity = nullsToValidity(st.nulls, n);
      if (st.str !== null) {
        const offsets = st.str.offsets.slice(0, n + 1);
        return makeVector(type, { offsets, bytes: st.str.bytes.slice(0, offsets[n]!) }, validity, n);
      }
      if (st.num !== null) {
        const num = st.num;
        if (st.big !== null && isLongType(type)) {
          const vals: unknown[] = [];
          for (let g = 0; g < n; g++) vals.push(validity !== null && validity[g] === 0 ? null : (st.big[g] ?? num[g]!));
          return vectorFromValues(type, vals);
        }
        const out = allocVector(type, n, validity);
        numbersOf(out).set(num.subarray(0, n));
        return out;
      }
      // Keys kept as row values (decimals as their canonical text, binaries, nested values)
      // go back through the builder, which gives each type its own storage (dec64/dec128 for
      // decimals: makeVector over the text itself is an InternalError).
      return vectorFromValues(type, st.orig!.slice(0, n));
    });
  }
}

/** Validity (1 = valid) from a group's null flags, or null when no group key is null. */
function nullsToValidity(nulls: Uint8Array, n: number): Uint8Array | null {
  let any = false;
  for (let g = 0; g < n; g++) {
    if (nulls[g] === 1) {
      any = true;
      break;
    }
  }
  if (!any) return null;
  const out = new Uint8Array(n);
  for (let g = 0; g < n; g++) out[g] = 1 - nulls[g]!;
  return out;
}
