import { InternalError } from "../errors/spark-exception.js";
import type { AttributeRef, Expr } from "./expr.js";
import { transformExpr } from "./transform.js";

/**
 * Replaces every AttributeRef by a BoundRef to its ordinal in `input` (matched by exprId),
 * so evaluation reads batch columns directly. An attribute missing from the input is an engine bug.
 */
export function bindReferences(e: Expr, input: readonly AttributeRef[]): Expr {
  const ordinals = new Map<number, number>();
  input.forEach((a, i) => {
    if (!ordinals.has(a.exprId)) ordinals.set(a.exprId, i);
  });
  return transformExpr(e, (x) => {
    if (x.kind !== "AttributeRef") return x;
    const ordinal = ordinals.get(x.exprId);
    if (ordinal === undefined) {
      throw new InternalError(`cannot bind ${x.name}#${x.exprId} in [${input.map((a) => `${a.name}#${a.exprId}`).join(", ")}]`);
    }
    return { kind: "BoundRef", ordinal, dataType: x.dataType, nullable: x.nullable, name: x.name };
  });
}
