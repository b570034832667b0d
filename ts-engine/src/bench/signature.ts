/**
 * What a workload's answer is reduced to so engines can be compared: a flat record of
 * counts, exact sums, checksums and probes. The Python side (bench_py.py) builds the
 * same records by the same rules; keep the two in step.
 */
export type Signature = Readonly<Record<string, number | string | boolean>>;

/** Positions probed in a sorted result: 9 evenly spaced indexes from first to last. */
export const PROBES = 9;

/** The probe indexes into a sorted result of `n` rows. */
export function probeIndexes(n: number): number[] {
  if (n === 0) return [];
  return Array.from({ length: PROBES }, (_, k) => Math.floor((k * (n - 1)) / (PROBES - 1)));
}

/**
 * A sorted result's signature: its length, whether it is non-decreasing and the values
 * at the probe indexes (p0 … p8). Sorting is checked in Spark's order, which for the
 * bench's ASCII strings is JS code-unit order.
 */
export function sortedSignature(values: readonly (number | string)[]): Signature {
  let sorted = true;
  for (let i = 1; i < values.length && sorted; i++) sorted = values[i - 1]! <= values[i]!;
  const out: Record<string, number | string | boolean> = { rows: values.length, sorted };
  probeIndexes(values.length).forEach((idx, k) => {
    out[`p${k}`] = values[idx]!;
  });
  return out;
}

/** Sum of a key's UTF-16 code units (its characters for ASCII keys): folds keys into checksums. */
export function charSum(s: string): bigint {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i);
  return BigInt(n);
}

/** Twice a sum of halves, exactly: the bench's doubles are multiples of 0.5 below 2^52. */
export function twice(x: number): bigint {
  const t = x * 2;
  if (!Number.isInteger(t)) throw new Error(`bench value ${x} is not a multiple of 0.5`);
  return BigInt(t);
}

/** Whether two signatures agree: same keys, numbers within relative 1e-9, other values equal. */
export function sameSignature(a: Signature, b: Signature): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => {
    const x = a[k];
    const y = b[k];
    if (typeof x === "number" && typeof y === "number") return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
    return x === y;
  });
}
