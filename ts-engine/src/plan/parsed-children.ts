import { assertNever } from "../errors/assert-never.js";
import type { ParsedPlan } from "./parsed-plan.js";

/** The direct inputs of a parsed plan node, left to right (for plan printing). */
export function parsedChildren(p: ParsedPlan): readonly ParsedPlan[] {
  switch (p.kind) {
    case "Range":
    case "LocalRelation":
      return [];
    case "Join":
      return [p.left, p.right];
    case "Union":
      return p.inputs;
    case "Project":
    case "Filter":
    case "WithColumns":
    case "WithColumnsRenamed":
    case "Drop":
    case "Aggregate":
    case "Sort":
    case "Limit":
    case "Distinct":
    case "SubqueryAlias":
    case "ToDF":
    case "Hint":
      return [p.input];
    default:
      return assertNever(p);
  }
}
