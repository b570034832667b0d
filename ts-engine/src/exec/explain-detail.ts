import type { AggCall, AttributeRef, Expr } from "../expr/expr.js";
import { exprToString } from "../expr/expr-string.js";
import type { JoinType } from "../plan/logical-plan.js";

/** `[a#1, b#2L]` as Spark lists expressions in explain. */
export function exprList(es: readonly Expr[], sep = ", "): string {
  return `[${es.map(exprToString).join(sep)}]`;
}

/** HashAggregate's `(keys=[…], functions=[…])`, with `partial_` names for the partial half. */
export function aggDetail(keys: readonly Expr[], calls: readonly AggCall[], partial: boolean): string {
  const fns = calls.map((c) => (partial ? `partial_${exprToString(c)}` : exprToString(c)));
  return `(keys=${exprList(keys)}, functions=[${fns.join(", ")}])`;
}

/** Spark's physical join type names. */
export const JOIN_TYPE_NAMES: Readonly<Record<JoinType, string>> = {
  inner: "Inner",
  left: "LeftOuter",
  right: "RightOuter",
  full: "FullOuter",
  left_semi: "LeftSemi",
  left_anti: "LeftAnti",
  cross: "Cross",
};

/** `Scan ExistingRDD[k#1L,v#2]`'s bracket (no spaces, as Spark prints it). */
export function scanDetail(attrs: readonly AttributeRef[]): string {
  return `[${attrs.map(exprToString).join(",")}]`;
}
