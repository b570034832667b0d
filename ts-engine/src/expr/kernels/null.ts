import { makeVector, type Vector } from "../../columnar/vector.js";
import { BooleanType } from "../../types/data-type.js";
import { valueAt, vectorFromRowValues } from "../eval/vectors.js";

/** `isnull(x)` / `isnotnull(x)`: never null themselves. */
export function isNull(a: Vector, negate: boolean): Vector {
  const n = a.length;
  const out = new Uint8Array(n);
  const v = a.validity;
  const hit = negate ? 0 : 1;
  for (let i = 0; i < n; i++) out[i] = v === null || v[i] === 1 ? hit ^ 1 : hit;
  return makeVector(BooleanType, out, null, n);
}

/** `coalesce(a, b, ...)`: the first non-null argument per row (arguments share the result type). */
export function coalesce(args: readonly Vector[]): Vector {
  const first = args[0]!;
  if (args.length === 1 || first.validity === null) return first;
  const n = first.length;
  const values: unknown[] = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    let x: unknown = null;
    for (const v of args) {
      x = valueAt(v, i);
      if (x !== null) break;
    }
    values[i] = x;
  }
  return vectorFromRowValues(first.type, values);
}
