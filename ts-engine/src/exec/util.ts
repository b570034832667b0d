import type { ExecContext } from "./exec-context.js";
import type { EvalContext } from "../expr/eval/evaluate.js";
import type { AttributeRef, Expr } from "../expr/expr.js";
import { cancelledError } from "./cancelled-error.js";
import { structField, structType, type StructType } from "../types/data-type.js";

/** Lets the event loop run (pings, other requests) between batches of a long query. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Throws the cancellation error when the query was interrupted. */
export function throwIfAborted(ctx: ExecContext): void {
  if (ctx.signal.aborted) throw cancelledError();
}

/** The expression evaluator's view of the session conf. */
export function evalContextOf(ctx: ExecContext): EvalContext {
  return {
    ansi: ctx.conf.ansi,
    timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC",
    mapKeyDedupPolicy: ctx.conf.get("spark.sql.mapKeyDedupPolicy") ?? "EXCEPTION",
  };
}

/** The batch schema of an operator whose output is `attrs`. */
export function schemaOfAttrs(attrs: readonly AttributeRef[]): StructType {
  return structType(attrs.map((a) => structField(a.name, a.dataType, a.nullable, a.metadata)));
}

/** The value-producing part of a projection item (`x AS y` evaluates `x`). */
export function stripAlias(e: Expr): Expr {
  return e.kind === "Alias" ? stripAlias(e.child) : e;
}
