import { makeVector, type Vector } from "../../columnar/vector.js";
import { LongType, type DataType } from "../../types/data-type.js";
import type { Accumulator } from "./accumulator.js";
import { normalizeObjKey, toKeyColumn } from "./key-columns.js";

/**
 * count(DISTINCT a, b, …): distinct combinations with no null argument. Runs only in
 * complete mode (the planner does not split distinct aggregates into partial/final).
 */
export class CountDistinctAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [LongType];
  private sets: Set<unknown>[] = [];

  ensure(n: number): void {
    while (this.sets.length < n) this.sets.push(new Set());
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const cols = args.map(toKeyColumn);
    for (let i = 0; i < n; i++) {
      let key: unknown = undefined;
      let isNull = false;
      for (const c of cols) {
        if (c.nulls !== null && c.nulls[i] === 0) {
          isNull = true;
          break;
        }
        const x = c.num !== null ? (c.big?.[i] ?? c.num[i]) : c.obj![i];
        const k = typeof x === "number" && x !== x ? "NaN" : x;
        key = cols.length === 1 ? k : `${String(key ?? "")}\u0000${typeof k}:${String(normalizeObjKey(k))}`;
      }
      if (!isNull) this.sets[groups[i]!]!.add(key);
    }
  }

  merge(): void {
    throw new Error("count(DISTINCT) has no partial form");
  }

  partial(): Vector[] {
    throw new Error("count(DISTINCT) has no partial form");
  }

  result(numGroups: number): Vector {
    const out = new Float64Array(numGroups);
    for (let g = 0; g < numGroups; g++) out[g] = this.sets[g]!.size;
    return makeVector(LongType, out, null, numGroups);
  }
}
