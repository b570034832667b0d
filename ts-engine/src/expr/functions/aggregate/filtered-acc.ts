import { expectStorage, type Vector } from "../../../columnar/vector.js";
import { takeVector } from "../../../columnar/take.js";
import type { DataType } from "../../../types/data-type.js";
import type { Accumulator } from "./accumulator.js";

/**
 * An aggregate call's `FILTER (WHERE cond)`: `update` reads the condition as its last
 * argument and folds only the rows where it is true (null counts as false) into the wrapped
 * accumulator. Partial states merge unfiltered: the filter applies to input rows only.
 */
export class FilteredAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];

  constructor(private readonly inner: Accumulator) {
    this.partialTypes = inner.partialTypes;
  }

  ensure(n: number): void {
    this.inner.ensure(n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const cond = args[args.length - 1]!;
    const bits = expectStorage(cond, "bool").data;
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (bits[i] === 1 && (cond.validity === null || cond.validity[i] === 1)) keep.push(i);
    const data = args.slice(0, -1);
    if (keep.length === n) {
      this.inner.update(groups, n, data);
      return;
    }
    if (keep.length === 0) return;
    const idx = Int32Array.from(keep);
    const g = new Int32Array(idx.length);
    for (let i = 0; i < idx.length; i++) g[i] = groups[idx[i]!]!;
    this.inner.update(g, idx.length, data.map((v) => takeVector(v, idx)));
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.inner.merge(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return this.inner.partial(numGroups);
  }

  result(numGroups: number): Vector {
    return this.inner.result(numGroups);
  }
}
