import { InternalError } from "../../errors/spark-exception.js";
import type { AttributeRef, Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import { exprToString } from "../../expr/expr-string.js";
import { exprExists } from "../../expr/transform.js";

/**
 * A node invariant: what the analyzer and the optimizer rules must never build. Failing it is an
 * engine bug (InternalError), never the user's: user errors are AnalysisExceptions raised before.
 */
export function invariant(ok: boolean, node: string, what: () => string): void {
  if (!ok) throw new InternalError(`invalid ${node}: ${what()}`);
}

/** An output expression must name its column: an attribute, or an Alias with its exprId. */
export function checkNamed(exprs: readonly Expr[], node: string): void {
  for (const e of exprs) {
    invariant(e.kind === "AttributeRef" || e.kind === "Alias", node, () => `output ${exprToString(e)} is not named`);
  }
}

/** Every attribute `exprs` read must come from `input` (matched by exprId). */
export function checkReads(exprs: readonly Expr[], input: readonly AttributeRef[], node: string): void {
  const ids = new Set(input.map((a) => a.exprId));
  for (const e of exprs) {
    exprExists(e, (x) => {
      invariant(x.kind !== "AttributeRef" || ids.has(x.exprId), node, () =>
        `${exprToString(x)} is not among its input [${input.map(exprToString).join(", ")}]`,
      );
      return false;
    });
  }
}

/** A predicate (filter or join condition) must be boolean; a null literal counts as false. */
export function checkBoolean(e: Expr, node: string): void {
  const t = exprType(e).kind;
  invariant(t === "boolean" || t === "null", node, () => `condition ${exprToString(e)} is ${t}, not boolean`);
}

/** Aggregate calls are legal only in an Aggregate's output list. */
export function checkNoAgg(exprs: readonly Expr[], node: string): void {
  for (const e of exprs) {
    invariant(!exprExists(e, (x) => x.kind === "AggCall"), node, () => `aggregate in ${exprToString(e)}`);
  }
}
