import type { Expr } from "../expr/expr.js";
import type { PhysicalPlan } from "./physical-plan.js";

/**
 * What `explain(mode="formatted")` prints about physical operators that the operators
 * themselves never read, recorded by the planner while the logical plan is at hand (Spark's
 * verboseStringWithOperatorId): each node's output attributes, and the field lines of the
 * operators that print more than `Input`/`Arguments` (HashAggregate's Keys … Results, a join's
 * keys, a file scan's metadata). Kept beside the plan, keyed by node, so that the plan sent
 * to the workers carries none of it.
 */
export class ExplainNotes {
  private readonly outputs = new Map<PhysicalPlan, readonly Expr[]>();
  private readonly fieldLines = new Map<PhysicalPlan, readonly string[]>();

  /** Records `p`'s output attributes (the first record wins: an inner node planned as its parent's plan keeps its own). */
  output(p: PhysicalPlan, attrs: readonly Expr[]): void {
    if (!this.outputs.has(p)) this.outputs.set(p, attrs);
  }

  /** Records the field lines formatted explain prints for `p`. */
  fields(p: PhysicalPlan, lines: readonly string[]): void {
    this.fieldLines.set(p, lines);
  }

  /** `p`'s output attributes, if recorded. */
  outputOf(p: PhysicalPlan): readonly Expr[] | undefined {
    return this.outputs.get(p);
  }

  /** `p`'s field lines, if recorded. */
  fieldsOf(p: PhysicalPlan): readonly string[] | undefined {
    return this.fieldLines.get(p);
  }
}

/** Spark's ExplainUtils.generateFieldString: `Name [n]: [a, b]`, or `Name: []` for none. */
export function fieldString(name: string, values: readonly string[]): string {
  return values.length === 0 ? `${name}: []` : `${name} [${values.length}]: [${values.join(", ")}]`;
}
