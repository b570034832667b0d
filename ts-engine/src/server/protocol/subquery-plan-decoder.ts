import { InternalError } from "../../errors/spark-exception.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";

type PlanDecoder = (raw: unknown, path: string) => ParsedPlan;

let decoder: PlanDecoder | undefined;

/**
 * The plan decoder for subquery expressions (`df.scalar()`, `df.exists()`): plans hold
 * expressions and these expressions hold plans, so decode-plan.ts registers itself here when
 * it loads and decode-expr.ts reads it, without the two modules importing each other.
 */
export function registerPlanDecoder(f: PlanDecoder): void {
  decoder = f;
}

/** A subquery expression's plan, decoded by the registered plan decoder. */
export function decodeSubqueryPlan(raw: unknown, path: string): ParsedPlan {
  if (decoder === undefined) throw new InternalError("no plan decoder registered (decode-plan.ts not loaded)");
  return decoder(raw, path);
}
