import { InternalError } from "../errors/spark-exception.js";
import type { AttributeRef, Expr } from "./expr.js";
import { exprChildren, withNewChildren } from "./transform.js";

/** What a reference may bind to: a column of the input, or a variable of an enclosing lambda. */
interface Binding {
  readonly exprId: number;
  readonly name: string;
}

function bindIn(e: Expr, ordinals: ReadonlyMap<number, number>, width: number, input: readonly Binding[]): Expr {
  switch (e.kind) {
    case "AttributeRef":
    case "NamedLambdaVariable": {
      const ordinal = ordinals.get(e.exprId);
      if (ordinal === undefined) {
        throw new InternalError(`cannot bind ${e.name}#${e.exprId} in [${input.map((a) => `${a.name}#${a.exprId}`).join(", ")}]`);
      }
      return { kind: "BoundRef", ordinal, dataType: e.dataType, nullable: e.nullable, name: e.name };
    }
    case "LambdaFunction": {
      // A lambda's body runs over an element batch: the enclosing columns, then its variables
      // (expr/eval/lambda.ts), so variable k binds to ordinal width + k.
      const inner = new Map(ordinals);
      e.args.forEach((a, k) => inner.set(a.exprId, width + k));
      const body = bindIn(e.body, inner, width + e.args.length, [...input, ...e.args]);
      return body === e.body ? e : { ...e, body };
    }
    default: {
      const kids = exprChildren(e);
      return kids.length === 0 ? e : withNewChildren(e, kids.map((k) => bindIn(k, ordinals, width, input)));
    }
  }
}

/**
 * Replaces every AttributeRef by a BoundRef to its ordinal in `input` (matched by exprId),
 * so evaluation reads batch columns directly; lambda variables bind past the input's columns.
 * An attribute missing from the input is an engine bug.
 */
export function bindReferences(e: Expr, input: readonly AttributeRef[]): Expr {
  const ordinals = new Map<number, number>();
  input.forEach((a, i) => {
    if (!ordinals.has(a.exprId)) ordinals.set(a.exprId, i);
  });
  return bindIn(e, ordinals, input.length, input);
}
