import type { Vector } from "../../../columnar/vector.js";
import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { takeVector } from "../../../columnar/take.js";
import { valueKey } from "../../../columnar/value-key.js";
import { arrayType, structField, structType, type DataType } from "../../../types/data-type.js";
import type { Accumulator } from "./accumulator.js";

/** The Set key of one row of the argument columns: the value itself, or the tuple as a string. */
function rowKey(cols: readonly (readonly unknown[])[], i: number): unknown {
  if (cols.length === 1) return valueKey(cols[0]![i]);
  let k = "";
  for (const c of cols) {
    const x = valueKey(c[i]);
    // typeof keeps 1 and "1" apart; String(-0) is "0" and String(NaN) "NaN", as DISTINCT groups them
    k += `${typeof x}:${String(x)}\u0000`;
  }
  return k;
}

/**
 * agg(DISTINCT args) for any aggregate: feeds the inner accumulator only the first row of
 * each distinct argument tuple per group (nulls included: the inner function decides about
 * them, so count(DISTINCT a, b) still skips a tuple with a null). The partial state is the
 * array of tuples seen, so the distinct form splits into partial and final like any other;
 * Set membership follows Spark's DISTINCT (NaN equals NaN, -0.0 equals 0.0).
 */
export class DistinctAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private seen: Set<unknown>[] = [];
  private tuples: unknown[][] = [];

  constructor(
    private readonly inner: Accumulator,
    private readonly argTypes: readonly DataType[],
  ) {
    const elem = argTypes.length === 1 ? argTypes[0]! : structType(argTypes.map((t, i) => structField(`_${i}`, t, true)));
    this.partialTypes = [arrayType(elem, true)];
  }

  ensure(n: number): void {
    this.inner.ensure(n);
    while (this.seen.length < n) {
      this.seen.push(new Set());
      this.tuples.push([]);
    }
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const cols = args.map(vectorToValues);
    const rows = new Int32Array(n);
    const fresh = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      const k = rowKey(cols, i);
      if (this.seen[g]!.has(k)) continue;
      this.seen[g]!.add(k);
      this.tuples[g]!.push(cols.length === 1 ? cols[0]![i] : cols.map((c) => c[i]));
      rows[m] = i;
      fresh[m++] = g;
    }
    if (m > 0) this.inner.update(fresh.subarray(0, m), m, args.map((a) => takeVector(a, rows, m)));
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const lists = vectorToValues(partial[0]!) as (unknown[] | null)[];
    const single = this.argTypes.length === 1;
    const cols: unknown[][] = this.argTypes.map(() => []);
    const fresh: number[] = [];
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      for (const t of lists[i] ?? []) {
        const tuple = single ? [t] : (t as unknown[]);
        const k = rowKey(tuple.map((x) => [x]), 0);
        if (this.seen[g]!.has(k)) continue;
        this.seen[g]!.add(k);
        this.tuples[g]!.push(t);
        tuple.forEach((x, j) => cols[j]!.push(x));
        fresh.push(g);
      }
    }
    if (fresh.length === 0) return;
    const vectors = this.argTypes.map((t, j) => vectorFromValues(t, cols[j]!));
    this.inner.update(Int32Array.from(fresh), fresh.length, vectors);
  }

  partial(numGroups: number): Vector[] {
    return [vectorFromValues(this.partialTypes[0]!, this.tuples.slice(0, numGroups))];
  }

  result(numGroups: number): Vector {
    return this.inner.result(numGroups);
  }
}
