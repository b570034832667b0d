import type { AttributeRef, Expr } from "../expr/expr.js";
import { referencedIds } from "../plan/transform.js";

/** A join condition split into equi-join key pairs and what is left to check per pair. */
export interface JoinKeys {
  readonly leftKeys: readonly Expr[];
  readonly rightKeys: readonly Expr[];
  readonly residual: Expr | undefined;
}

/** The conjuncts of an AND tree. */
export function splitConjuncts(e: Expr): Expr[] {
  if (e.kind === "ScalarCall" && e.fn === "and") return e.args.flatMap(splitConjuncts);
  return [e];
}

/** AND of the given predicates (undefined for none). */
export function andAll(es: readonly Expr[]): Expr | undefined {
  if (es.length === 0) return undefined;
  return es.reduce((a, b) => ({ kind: "ScalarCall", fn: "and", args: [a, b], dataType: a.kind === "ScalarCall" ? a.dataType : { kind: "boolean" }, nullable: true }));
}

function within(ids: Set<number>, side: Set<number>): boolean {
  if (ids.size === 0) return false;
  for (const id of ids) if (!side.has(id)) return false;
  return true;
}

/**
 * Picks the `l = r` conjuncts whose sides read only the left and only the right input
 * (either way round) as hash keys; `<=>` and everything else stays in the residual.
 */
export function extractJoinKeys(
  condition: Expr | undefined,
  left: readonly AttributeRef[],
  right: readonly AttributeRef[],
): JoinKeys {
  if (condition === undefined) return { leftKeys: [], rightKeys: [], residual: undefined };
  const l = new Set(left.map((a) => a.exprId));
  const r = new Set(right.map((a) => a.exprId));
  const leftKeys: Expr[] = [];
  const rightKeys: Expr[] = [];
  const rest: Expr[] = [];
  for (const c of splitConjuncts(condition)) {
    if (c.kind === "ScalarCall" && c.fn === "==" && c.args.length === 2) {
      const [a, b] = c.args as [Expr, Expr];
      const ia = referencedIds(a);
      const ib = referencedIds(b);
      if (within(ia, l) && within(ib, r)) {
        leftKeys.push(a);
        rightKeys.push(b);
        continue;
      }
      if (within(ia, r) && within(ib, l)) {
        leftKeys.push(b);
        rightKeys.push(a);
        continue;
      }
    }
    rest.push(c);
  }
  return { leftKeys, rightKeys, residual: andAll(rest) };
}
