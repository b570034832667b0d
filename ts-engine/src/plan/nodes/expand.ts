import type { AttributeRef, Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import { exprToString } from "../../expr/expr-string.js";
import { typeEquals } from "../../types/data-type.js";
import type { Expand, LogicalPlan } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkNoAgg, checkReads, invariant } from "./check.js";

/**
 * Expand: at least one projection, each with one expression per output attribute, of that
 * attribute's type (a null literal fits any), reading only `input`'s attributes.
 */
export function expand(input: LogicalPlan, projections: readonly (readonly Expr[])[], output: readonly AttributeRef[]): Expand {
  invariant(projections.length > 0, "Expand", () => "no projections");
  const attrs = outputOf(input);
  for (const proj of projections) {
    invariant(proj.length === output.length, "Expand", () => `projection [${proj.map(exprToString).join(", ")}] has ${proj.length} of ${output.length} columns`);
    checkNoAgg(proj, "Expand");
    checkReads(proj, attrs, "Expand");
    proj.forEach((e, i) => {
      const t = exprType(e);
      invariant(t.kind === "null" || typeEquals(t, output[i]!.dataType), "Expand", () => `${exprToString(e)} is not of ${output[i]!.name}'s type`);
    });
  }
  return Object.freeze({ kind: "Expand", input, projections, output });
}
