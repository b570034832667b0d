import { assertNever } from "../../errors/assert-never.js";
import { compile, userError, type JsFunction } from "./js-function.js";
import { bucketOf, compareKeys, jsKeyHash } from "./js-keys.js";

/**
 * Where a JS shuffle sends a `[key, value]` element: by the key's hash (Spark's
 * HashPartitioner), by a user's `partitionFunc(key)` mod n (PySpark's partitionBy), or by
 * sorted range bounds (sortByKey's RangePartitioner: keys up to bounds[0] go to the first
 * partition, …; descending reverses the order of the partitions).
 */
export type JsPartitioner =
  | { readonly kind: "hash" }
  | { readonly kind: "func"; readonly fn: JsFunction }
  | { readonly kind: "range"; readonly bounds: readonly unknown[]; readonly ascending: boolean; readonly keyfunc: JsFunction | null };

/** The partitioner as a function from key to reduce partition among `n`. */
export function partitionerOf(p: JsPartitioner, n: number): (key: unknown) => number {
  switch (p.kind) {
    case "hash":
      return (k) => bucketOf(jsKeyHash(k), n);
    case "func": {
      const f = compile(p.fn) as (k: unknown) => unknown;
      return (k) => {
        let v: unknown;
        try {
          v = f(k);
        } catch (e) {
          throw userError(p.fn.name, e);
        }
        return bucketOf(typeof v === "number" && Number.isInteger(v) ? v : jsKeyHash(v), n);
      };
    }
    case "range": {
      const key = p.keyfunc === null ? null : (compile(p.keyfunc) as (k: unknown) => unknown);
      const { bounds, ascending } = p;
      return (k) => {
        const x = key === null ? k : key(k);
        // the first bound not below x (binary search), as RangePartitioner.getPartition
        let lo = 0;
        let hi = bounds.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (compareKeys(bounds[mid], x) < 0) lo = mid + 1;
          else hi = mid;
        }
        return ascending ? lo : bounds.length - lo;
      };
    }
    default:
      return assertNever(p);
  }
}
