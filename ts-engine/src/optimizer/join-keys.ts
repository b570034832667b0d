import type { AttributeRef, Expr } from "../expr/expr.js";
import { exprType } from "../expr/expr-type.js";
import { scalarCall } from "../expr/functions/function-def.js";
import { referencedIds } from "../plan/transform.js";
import { BooleanType, type DataType } from "../types/data-type.js";

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

/** Spark's Literal.default of a key type (what coalesce puts for null), for the types that have a simple one. */
function defaultLiteral(t: DataType): Expr | null {
  switch (t.kind) {
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "date":
    case "timestamp":
    case "timestamp_ntz":
      return { kind: "Literal", value: 0, dataType: t };
    case "string":
      return { kind: "Literal", value: "", dataType: t };
    case "boolean":
      return { kind: "Literal", value: false, dataType: t };
    default:
      return null;
  }
}

/**
 * A null-safe `a <=> b` as two equi-join key pairs, as Spark's ExtractEquiJoinKeys does:
 * (coalesce(a, default), isnull(a)) against the same of b, so that null matches null and
 * never the default value. Null when the type has no simple default.
 */
function nullSafeKeys(a: Expr, b: Expr): readonly [Expr[], Expr[]] | null {
  const t = exprType(a);
  const d = defaultLiteral(t);
  if (d === null || exprType(b).kind !== t.kind) return null;
  const keys = (e: Expr): Expr[] => [scalarCall("coalesce", [e, d], t, false), scalarCall("isnull", [e], BooleanType, false)];
  return [keys(a), keys(b)];
}

/**
 * Picks the `l = r` conjuncts whose sides read only the left and only the right input
 * (either way round) as hash keys, and `l <=> r` ones as null-safe key pairs; everything
 * else stays in the residual.
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
    if (c.kind === "ScalarCall" && c.fn === "<=>" && c.args.length === 2) {
      const [a, b] = c.args as [Expr, Expr];
      const ia = referencedIds(a);
      const ib = referencedIds(b);
      const pair = within(ia, l) && within(ib, r) ? nullSafeKeys(a, b) : within(ia, r) && within(ib, l) ? nullSafeKeys(b, a) : null;
      if (pair !== null) {
        leftKeys.push(...pair[0]);
        rightKeys.push(...pair[1]);
        continue;
      }
    }
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
