/**
 * Spark's ordering of two non-null values of one type, in the vector convention (see
 * vectorToValues): numbers with NaN above every other value and -0.0 equal to 0.0, longs
 * as number or bigint alike, strings by code point (the order of their UTF-8 bytes, which
 * Spark compares), booleans false < true, binary by unsigned bytes, arrays and structs
 * element by element with null first. Negative when `a` sorts first.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    const an = a !== a;
    return an === (b !== b) ? 0 : an ? 1 : -1;
  }
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      const c = x === null ? (y === null ? 0 : -1) : y === null ? 1 : compareValues(x, y);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  const x = a as number | bigint;
  const y = b as number | bigint;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Code-point order of two JS strings (= UTF-8 byte order, as Spark compares strings);
 * negative when `a` sorts first. JS compares strings by UTF-16 code unit, which puts
 * U+E000..U+FFFF after the surrogate pairs of U+10000 and above; code point order puts them before.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
