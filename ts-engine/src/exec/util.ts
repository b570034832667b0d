import type { ExecContext } from "./exec-context.js";
import type { EvalContext } from "../expr/eval/evaluate.js";
import type { AttributeRef, Expr } from "../expr/expr.js";
import { SparkException } from "../errors/spark-exception.js";
import { structField, structType, type StructType } from "../types/data-type.js";

/** Lets the event loop run (pings, other requests) between batches of a long query. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Raised when the query's signal fires (interrupt or client gone). */
export function cancelledError(): SparkException {
  return new SparkException("SparkException", "OPERATION_CANCELED", {}, { sqlState: "HY008" });
}

/** Throws the cancellation error when the query was interrupted. */
export function throwIfAborted(ctx: ExecContext): void {
  if (ctx.signal.aborted) throw cancelledError();
}

/** The expression evaluator's view of the session conf. */
export function evalContextOf(ctx: ExecContext): EvalContext {
  return { ansi: ctx.conf.ansi, timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC" };
}

/** The batch schema of an operator whose output is `attrs`. */
export function schemaOfAttrs(attrs: readonly AttributeRef[]): StructType {
  return structType(attrs.map((a) => structField(a.name, a.dataType, a.nullable)));
}

/** The value-producing part of a projection item (`x AS y` evaluates `x`). */
export function stripAlias(e: Expr): Expr {
  return e.kind === "Alias" ? stripAlias(e.child) : e;
}
