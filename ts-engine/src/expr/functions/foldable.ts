import type { Expr } from "../expr.js";
import { exprType } from "../expr-type.js";
import { castValue } from "../eval/cast-value.js";

/**
 * The value of an argument Spark requires to be foldable (a number format, a collation name,
 * a seed): a literal, or an implicit or explicit cast of one, evaluated at analysis as Spark's
 * `expr.eval()` does there. Null when the argument is not foldable in this sense.
 */
export function foldedValue(e: Expr): { readonly value: unknown } | null {
  if (e.kind === "Literal") return { value: e.value };
  if (e.kind === "Cast") {
    const inner = foldedValue(e.child);
    if (inner === null) return null;
    if (inner.value === null) return { value: null };
    return { value: castValue(inner.value, exprType(e.child), e.dataType, { ansi: true, timeZone: "UTC" }) };
  }
  return null;
}
