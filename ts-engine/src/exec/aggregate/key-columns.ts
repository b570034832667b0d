import { numberData, type Vector } from "../../columnar/vector.js";
import type { Utf8Data } from "../../columnar/utf8.js";
import { murmur3Bytes } from "../../expr/kernels/murmur3.js";
import { valueAt } from "../../expr/eval/vectors.js";
import { LONG_SAFE } from "../../columnar/builder.js";
import { valueKey } from "../../columnar/value-key.js";
import { collationKeyedValue, needsCollationKey, nestsCollatedStrings, utf8CollationKeys } from "../../columnar/collation-key.js";
import { collationOfType } from "../../types/collation.js";

/**
 * A batch's key column in the form the hash tables compare: numbers as a Float64Array
 * (-0 folded to 0; longs past ±2^53 also kept exactly in `big`), strings as their UTF-8
 * storage in `utf8` (hashed and compared on bytes), everything else as normalized JS
 * values in `obj` (binary as a latin1 string).
 */
export interface KeyColumn {
  readonly num: Float64Array | null;
  readonly big: (bigint | undefined)[] | null;
  readonly obj: unknown[] | null;
  readonly utf8: Utf8Data | null;
  readonly nulls: Uint8Array | null;
}

/** Whether values of this vector's type compare as numbers. */
export function isNumericKey(v: Vector): boolean {
  return numberData(v) !== null || v.storage === "i64big";
}

/** Normalizes a non-numeric key value so that `===` is value equality (see valueKey). */
export const normalizeObjKey = valueKey;

/** Converts one key vector of a batch. */
export function toKeyColumn(v: Vector): KeyColumn {
  const n = v.length;
  const nulls = v.validity;
  if (v.storage === "i64big") {
    const num = new Float64Array(n);
    const big = new Array<bigint | undefined>(n);
    const lim = BigInt(LONG_SAFE);
    for (let i = 0; i < n; i++) {
      const b = v.data[i]!;
      num[i] = Number(b);
      big[i] = b > lim || b < -lim ? b : undefined;
    }
    return { num, big, obj: null, utf8: null, nulls };
  }
  if (v.storage === "utf8" && needsCollationKey(v.type)) {
    // A collated string groups, joins and partitions by its collation key (Spark's
    // CollationFactory hash and equality); as an `obj` key the table keeps the first value
    // seen for output, as Spark's aggregate does.
    return { num: null, big: null, obj: utf8CollationKeys(collationOfType(v.type), v.data, n), utf8: null, nulls };
  }
  if (v.storage === "utf8") return { num: null, big: null, obj: null, utf8: v.data, nulls };
  const nd = numberData(v);
  if (nd === null) {
    const obj = new Array<unknown>(n);
    // arrays and structs of collated strings group by their strings' collation keys
    if (nestsCollatedStrings(v.type)) for (let i = 0; i < n; i++) obj[i] = normalizeObjKey(collationKeyedValue(v.type, valueAt(v, i)));
    else for (let i = 0; i < n; i++) obj[i] = normalizeObjKey(valueAt(v, i));
    return { num: null, big: null, obj, utf8: null, nulls };
  }
  let num: Float64Array;
  if (nd instanceof Float64Array) num = nd;
  else {
    num = new Float64Array(n);
    num.set(nd.subarray(0, n));
  }
  if (v.type.kind === "double" || v.type.kind === "float") {
    let copy: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      if (num[i] === 0 && 1 / num[i]! < 0) {
        copy ??= Float64Array.from(num.subarray(0, n));
        copy[i] = 0;
      }
    }
    if (copy !== null) return { num: copy, big: null, obj: null, utf8: null, nulls };
  }
  return { num, big: null, obj: null, utf8: null, nulls };
}

const scratch = new Float64Array(1);
const scratchInt = new Int32Array(scratch.buffer);

/** The 32-bit hash input of one non-null number (ints as themselves, NaN canonical, else its bits). */
export function numberKey(x: number): number {
  if ((x | 0) === x) return x;
  if (x !== x) return 0x7ff80000;
  scratch[0] = x;
  return scratchInt[0]! ^ Math.imul(scratchInt[1]!, 0x27d4eb2d);
}

/** Murmur3-style mixing of one 32-bit input into a running hash. */
export function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Combines the hash of every row of `col` into `hashes` (nulls hash to a fixed value). */
export function hashInto(col: KeyColumn, hashes: Int32Array, n: number): void {
  const nulls = col.nulls;
  if (col.num !== null) {
    const d = col.num;
    for (let i = 0; i < n; i++) {
      let k: number;
      if (nulls !== null && nulls[i] === 0) k = 0x5bd1e995;
      else {
        const x = d[i]!;
        if ((x | 0) === x) k = x;
        else if (x !== x) k = 0x7ff80000;
        else {
          scratch[0] = x;
          k = scratchInt[0]! ^ Math.imul(scratchInt[1]!, 0x27d4eb2d);
        }
      }
      hashes[i] = mix(hashes[i]!, k);
    }
    return;
  }
  if (col.utf8 !== null) {
    const { offsets, bytes } = col.utf8;
    for (let i = 0; i < n; i++) {
      const k = nulls !== null && nulls[i] === 0 ? 0x5bd1e995 : murmur3Bytes(bytes, offsets[i]!, offsets[i + 1]!, 0);
      hashes[i] = mix(hashes[i]!, k);
    }
    return;
  }
  const o = col.obj!;
  for (let i = 0; i < n; i++) {
    let k: number;
    if (nulls !== null && nulls[i] === 0) k = 0x5bd1e995;
    else {
      const x = o[i];
      k = typeof x === "string" ? hashString(x) : hashString(String(x));
    }
    hashes[i] = mix(hashes[i]!, k);
  }
}
