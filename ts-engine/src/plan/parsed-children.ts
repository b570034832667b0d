import { assertNever } from "../errors/assert-never.js";
import type { ParsedPlan } from "./parsed-plan.js";

/** The direct inputs of a parsed plan node, left to right (for plan printing). */
export function parsedChildren(p: ParsedPlan): readonly ParsedPlan[] {
  switch (p.kind) {
    case "Range":
    case "LocalRelation":
    case "DataSource":
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
    case "WriteFiles":
      return [p.input];
    default:
      return assertNever(p);
  }
}

/** `p` with its inputs replaced by `kids` (same order as parsedChildren); `p` itself when nothing changed. */
export function withParsedChildren(p: ParsedPlan, kids: readonly ParsedPlan[]): ParsedPlan {
  const old = parsedChildren(p);
  if (old.length === kids.length && old.every((c, i) => c === kids[i])) return p;
  switch (p.kind) {
    case "Range":
    case "LocalRelation":
    case "DataSource":
      return p;
    case "Join":
      return { ...p, left: kids[0]!, right: kids[1]! };
    case "Union":
      return { ...p, inputs: kids };
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
    case "WriteFiles":
      return { ...p, input: kids[0]! };
    default:
      return assertNever(p);
  }
}
