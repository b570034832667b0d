import { makeVector, type Vector } from "../../columnar/vector.js";
import { DoubleType, LongType, type DataType } from "../../types/data-type.js";
import { growF64, isSingleGroup, type Accumulator } from "./accumulator.js";

function addCounts(counts: Float64Array, groups: Int32Array, n: number, args: readonly Vector[]): void {
  const masks = args.map((a) => a.validity).filter((m): m is Uint8Array => m !== null);
  if (masks.length === 0) {
    if (isSingleGroup(groups)) {
      counts[0] = counts[0]! + n;
      return;
    }
    for (let i = 0; i < n; i++) counts[groups[i]!] = counts[groups[i]!]! + 1;
    return;
  }
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (const m of masks) if (m[i] === 0) ok = false;
    if (ok) counts[groups[i]!] = counts[groups[i]!]! + 1;
  }
}

/** count(args): rows where every argument is non-null (count(*) has no nullable argument); never null. */
export class CountAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [LongType];
  private counts: Float64Array = new Float64Array(16);

  ensure(n: number): void {
    this.counts = growF64(this.counts, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    addCounts(this.counts, groups, n, args);
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const d = partial[0]!.data as Float64Array;
    for (let i = 0; i < n; i++) this.counts[groups[i]!] = this.counts[groups[i]!]! + d[i]!;
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    return makeVector(LongType, this.counts.slice(0, numGroups), null, numGroups);
  }
}

/** avg(x): DoubleType mean of the non-null values, null for a group without any. */
export class AvgAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [DoubleType, LongType];
  private sums: Float64Array = new Float64Array(16);
  private counts: Float64Array = new Float64Array(16);

  ensure(n: number): void {
    this.sums = growF64(this.sums, n);
    this.counts = growF64(this.counts, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const val = v.validity;
    const sums = this.sums;
    const counts = this.counts;
    if (v.data instanceof BigInt64Array) {
      for (let i = 0; i < n; i++) {
        if (val !== null && val[i] === 0) continue;
        sums[groups[i]!] = sums[groups[i]!]! + Number(v.data[i]!);
        counts[groups[i]!] = counts[groups[i]!]! + 1;
      }
      return;
    }
    const d = v.data as Float64Array;
    for (let i = 0; i < n; i++) {
      if (val !== null && val[i] === 0) continue;
      const g = groups[i]!;
      sums[g] = sums[g]! + d[i]!;
      counts[g] = counts[g]! + 1;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const s = partial[0]!.data as Float64Array;
    const c = partial[1]!.data as Float64Array;
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      this.sums[g] = this.sums[g]! + s[i]!;
      this.counts[g] = this.counts[g]! + c[i]!;
    }
  }

  partial(numGroups: number): Vector[] {
    return [
      makeVector(DoubleType, this.sums.slice(0, numGroups), null, numGroups),
      makeVector(LongType, this.counts.slice(0, numGroups), null, numGroups),
    ];
  }

  result(numGroups: number): Vector {
    const out = new Float64Array(numGroups);
    const validity = new Uint8Array(numGroups);
    let allValid = true;
    for (let g = 0; g < numGroups; g++) {
      const c = this.counts[g]!;
      if (c === 0) allValid = false;
      else {
        out[g] = this.sums[g]! / c;
        validity[g] = 1;
      }
    }
    return makeVector(DoubleType, out, allValid ? null : validity, numGroups);
  }
}
