import { assertNever } from "../errors/assert-never.js";
import type { Expr } from "./expr.js";
import { exprChildren } from "./transform.js";
import { frameEquals } from "./window-frame.js";

function stripAlias(e: Expr): Expr {
  return e.kind === "Alias" ? stripAlias(e.child) : e;
}

/**
 * Semantic equality of resolved expressions: same shape, functions and literals, attributes by
 * exprId (names and qualifiers ignored), aliases looked through. Used to match grouping
 * expressions inside aggregate outputs.
 */
export function exprSemanticEquals(x: Expr, y: Expr): boolean {
  const a = stripAlias(x);
  const b = stripAlias(y);
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "AttributeRef":
      return b.kind === "AttributeRef" && a.exprId === b.exprId;
    case "BoundRef":
      return b.kind === "BoundRef" && a.ordinal === b.ordinal;
    case "Literal":
      return b.kind === "Literal" && a.dataType.kind === b.dataType.kind && a.value === b.value;
    case "ScalarCall":
      if (b.kind !== "ScalarCall" || a.fn !== b.fn) return false;
      break;
    case "AggCall":
      if (b.kind !== "AggCall" || a.fn !== b.fn || a.isDistinct !== b.isDistinct) return false;
      break;
    case "Cast":
      if (b.kind !== "Cast" || JSON.stringify(a.dataType) !== JSON.stringify(b.dataType)) return false;
      break;
    case "SortOrder":
      if (b.kind !== "SortOrder" || a.ascending !== b.ascending || a.nullsFirst !== b.nullsFirst) return false;
      break;
    case "PythonUDF":
      if (b.kind !== "PythonUDF" || a.name !== b.name || a.evalType !== b.evalType) return false;
      break;
    case "NamedLambdaVariable":
      return b.kind === "NamedLambdaVariable" && a.exprId === b.exprId;
    case "WindowExpression":
      if (b.kind !== "WindowExpression" || !frameEquals(a.frame, b.frame) || a.partitionSpec.length !== b.partitionSpec.length) return false;
      break;
    case "LambdaFunction":
    case "Alias":
    case "CaseWhen":
      // Aliases are stripped above; CASE WHEN is equal when its branches are.
      break;
    default:
      return assertNever(a);
  }
  const ka = exprChildren(a);
  const kb = exprChildren(b);
  return ka.length === kb.length && ka.every((k, i) => exprSemanticEquals(k, kb[i]!));
}
