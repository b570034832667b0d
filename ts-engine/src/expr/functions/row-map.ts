import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import { valid, valueAt, vectorFromRowValues } from "../eval/vectors.js";

/**
 * Applies `f` to each row's argument values, still one call per batch. For the less hot
 * functions (strings, collections, dates) whose values are JS objects anyway. With
 * `nullIfAnyNull`, rows where an argument is null give null without calling `f`.
 */
export function mapRows(args: readonly Vector[], out: DataType, f: (vals: unknown[]) => unknown, nullIfAnyNull = true): Vector {
  const n = args[0]?.length ?? 0;
  const res: unknown[] = new Array<unknown>(n);
  const vals: unknown[] = new Array<unknown>(args.length);
  for (let i = 0; i < n; i++) {
    let anyNull = false;
    for (let j = 0; j < args.length; j++) {
      const a = args[j]!;
      if (!valid(a.validity, i)) {
        anyNull = true;
        vals[j] = null;
      } else vals[j] = valueAt(a, i);
    }
    res[i] = anyNull && nullIfAnyNull ? null : f(vals);
  }
  return vectorFromRowValues(out, res);
}
