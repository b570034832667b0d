/**
 * Keys of JavaScript pair RDDs: which reduce partition a key goes to, and when two keys are
 * the same. Spark compares keys with `equals`/`hashCode`; a JS Map compares objects by
 * identity, so a composite key (an array such as `[a, b]`, an object, a Date) is compared by
 * its canonical text instead, and primitive keys as themselves.
 */

const SAFE_INT32 = 0x7fffffff;
const floatView = new Float64Array(1);
const wordView = new Int32Array(floatView.buffer);

/** A 32-bit hash of `k`, the same on every thread (used as `hash % numPartitions`). */
export function jsKeyHash(k: unknown): number {
  switch (typeof k) {
    case "number":
      // small integers hash to themselves, as Python's hash(int) does: 0..n-1 spread evenly
      if (Number.isInteger(k) && k <= SAFE_INT32 && k >= -SAFE_INT32) return k | 0;
      floatView[0] = k === 0 ? 0 : k;
      return Math.imul(wordView[0]! ^ wordView[1]!, 0x9e3779b1) | 0;
    case "string":
      return stringHash(k);
    case "boolean":
      return k ? 1 : 0;
    case "bigint":
      return Number(BigInt.asIntN(32, k ^ (k >> 32n)));
    case "undefined":
      return 0;
    case "object": {
      if (k === null) return 0;
      if (Array.isArray(k)) {
        // Python's tuple hash shape: each element mixed into the running value
        let h = 0x345678;
        for (const e of k) h = (Math.imul(h ^ jsKeyHash(e), 1000003) + 0x2d2d) | 0;
        return h;
      }
      if (k instanceof Date) return jsKeyHash(k.getTime());
      return stringHash(canonicalKey(k) as string);
    }
    default:
      return stringHash(String(k));
  }
}

/** FNV-1a over the UTF-16 code units. */
function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The reduce partition of `k` among `n`: a non-negative `hash mod n`, as Spark's HashPartitioner. */
export function bucketOf(hash: number, n: number): number {
  const b = hash % n;
  return b < 0 ? b + n : b;
}

/**
 * What a Map of keys is keyed by: primitives as they are, composite keys by a canonical
 * text that two equal keys share (arrays by elements, objects by sorted entries).
 */
export function canonicalKey(k: unknown): unknown {
  if (k === null || typeof k !== "object") return k;
  return "\u0000" + canonicalText(k);
}

function canonicalText(v: unknown): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "bigint":
      return `${v}n`;
    case "number":
      return Object.is(v, -0) ? "0" : String(v);
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) return `[${v.map(canonicalText).join(",")}]`;
      if (v instanceof Date) return `D${v.getTime()}`;
      if (v instanceof Map) return `M{${[...v.entries()].map(([a, b]) => `${canonicalText(a)}:${canonicalText(b)}`).sort().join(",")}}`;
      if (v instanceof Set) return `S{${[...v].map(canonicalText).sort().join(",")}}`;
      if (ArrayBuffer.isView(v)) return `B[${Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).join(",")}]`;
      const o = v as Readonly<Record<string, unknown>>;
      return `{${Object.keys(o).sort().map((key) => `${JSON.stringify(key)}:${canonicalText(o[key])}`).join(",")}}`;
    }
    default:
      return String(v);
  }
}

/** A map from keys (compared as canonicalKey does) to values, keeping each key's first form. */
export class KeyMap<V> {
  private readonly map = new Map<unknown, { key: unknown; value: V }>();

  get(k: unknown): V | undefined {
    return this.map.get(canonicalKey(k))?.value;
  }

  /** Sets `k`'s value (the key keeps the form it was first set with). */
  set(k: unknown, value: V): void {
    const c = canonicalKey(k);
    const e = this.map.get(c);
    if (e === undefined) this.map.set(c, { key: k, value });
    else e.value = value;
  }

  /** `[key, value]` pairs in first-insertion order. */
  *entries(): Generator<[unknown, V]> {
    for (const e of this.map.values()) yield [e.key, e.value];
  }
}

/** Spark's natural key order for the JS values sortByKey sorts: numbers, strings, bigints, booleans, Dates, arrays element-wise; nulls first. */
export function compareKeys(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = compareKeys(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}
