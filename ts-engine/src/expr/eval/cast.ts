import { makeVector, type Vector } from "../../columnar/vector.js";
import { typeEquals, type DataType } from "../../types/data-type.js";
import { castValue } from "./cast-value.js";
import type { EvalContext } from "./evaluate.js";
import { nullVector, valid, valueAt, vectorFromRowValues } from "./vectors.js";

const NARROW_INTS = new Set(["byte", "short", "integer"]);

/** Widening casts that cannot fail and map one typed array to another element by element. */
function fastWiden(v: Vector, to: DataType): Vector | null {
  const from = v.type.kind;
  if (NARROW_INTS.has(from) || from === "float" || from === "date") {
    const src = v.data as Int32Array;
    const n = v.length;
    if (to.kind === "double" || (to.kind === "long" && from !== "float" && from !== "date")) {
      return makeVector(to, Float64Array.from(src), v.validity, n);
    }
    if (to.kind === "integer" && from !== "float" && from !== "date") return makeVector(to, Int32Array.from(src), v.validity, n);
    if (to.kind === "short" && from === "byte") return makeVector(to, Int16Array.from(src), v.validity, n);
  }
  if (from === "long" && to.kind === "double") {
    const n = v.length;
    const out = new Float64Array(n);
    const src = v.data as Float64Array | BigInt64Array;
    for (let i = 0; i < n; i++) out[i] = Number(src[i]!);
    return makeVector(to, out, v.validity, n);
  }
  return null;
}

/**
 * Casts a whole vector to `to` with Spark's Cast semantics. ANSI mode (ctx.ansi) raises
 * CAST_INVALID_INPUT / CAST_OVERFLOW; otherwise such rows become null. Widening numeric casts
 * run as typed-array copies; the rest convert value by value within the one batch call.
 */
export function castVector(v: Vector, to: DataType, ctx: EvalContext): Vector {
  if (typeEquals(v.type, to)) return v;
  if (v.type.kind === to.kind && to.kind !== "decimal" && to.kind !== "array" && to.kind !== "map" && to.kind !== "struct") {
    return makeVector(to, v.data, v.validity, v.length);
  }
  const n = v.length;
  if (v.type.kind === "null") return nullVector(to, n);
  const fast = fastWiden(v, to);
  if (fast !== null) return fast;
  const opts = { ansi: ctx.ansi, timeZone: ctx.timeZone };
  const out: unknown[] = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    out[i] = valid(v.validity, i) ? castValue(valueAt(v, i), v.type, to, opts) : null;
  }
  return vectorFromRowValues(to, out);
}
