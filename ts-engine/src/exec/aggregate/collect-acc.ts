import type { Vector } from "../../columnar/vector.js";
import { vectorFromValues } from "../../columnar/builder.js";
import { vectorToValues } from "../../columnar/rows.js";
import type { DataType } from "../../types/data-type.js";
import type { Accumulator } from "./accumulator.js";
import { normalizeObjKey } from "./key-columns.js";

/** collect_list / collect_set: the non-null values of each group as an array (set: without duplicates); never null. */
export class CollectAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private lists: unknown[][] = [];
  private seen: Set<unknown>[] = [];

  constructor(
    private readonly resultType: DataType,
    private readonly distinct: boolean,
  ) {
    this.partialTypes = [resultType];
  }

  ensure(n: number): void {
    while (this.lists.length < n) {
      this.lists.push([]);
      this.seen.push(new Set());
    }
  }

  private add(g: number, x: unknown): void {
    if (x === null) return;
    if (this.distinct) {
      const k = normalizeObjKey(x);
      if (this.seen[g]!.has(k)) return;
      this.seen[g]!.add(k);
    }
    this.lists[g]!.push(x);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) this.add(groups[i]!, vals[i]);
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) for (const x of (vals[i] as unknown[] | null) ?? []) this.add(groups[i]!, x);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    return vectorFromValues(this.resultType, this.lists.slice(0, numGroups));
  }
}
