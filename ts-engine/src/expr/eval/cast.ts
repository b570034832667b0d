import { retypeVector, type Vector } from "../../columnar/vector.js";
import { typeEquals, type DataType } from "../../types/data-type.js";
import { castValue } from "./cast-value.js";
import { castDatetime } from "./cast-datetime.js";
import { castDecimalFast } from "./cast-decimal.js";
import { castDoubleIntegral, castLongNarrow, castWiden } from "./cast-typed.js";
import type { EvalContext } from "./eval-context.js";
import { nullVector, valid, valueAt, vectorFromRowValues } from "./vectors.js";

/**
 * Casts a whole vector to `to` with Spark's Cast semantics. ANSI mode (ctx.ansi) raises
 * CAST_INVALID_INPUT / CAST_OVERFLOW; otherwise such rows become null. Widening numeric casts
 * run as typed-array copies; the rest convert value by value within the one batch call.
 */
export function castVector(v: Vector, to: DataType, ctx: EvalContext): Vector {
  if (typeEquals(v.type, to)) return v;
  if (v.type.kind === to.kind && to.kind !== "decimal" && to.kind !== "array" && to.kind !== "map" && to.kind !== "struct") {
    return retypeVector(v, to);
  }
  const n = v.length;
  if (v.type.kind === "null") return nullVector(to, n);
  const datetime = castDatetime(v, to, ctx); if (datetime !== null) return datetime; // dates and timestamps: cast-datetime.ts
  const fast = castWiden(v, to) ?? castLongNarrow(v, to, ctx.ansi) ?? castDoubleIntegral(v, to, ctx.ansi) ?? castDecimalFast(v, to, ctx.ansi);
  if (fast !== null) return fast;
  const opts = { ansi: ctx.ansi, timeZone: ctx.timeZone };
  const out: unknown[] = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    out[i] = valid(v.validity, i) ? castValue(valueAt(v, i), v.type, to, opts) : null;
  }
  return vectorFromRowValues(to, out);
}
