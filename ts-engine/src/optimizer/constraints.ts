import { assertNever } from "../errors/assert-never.js";
import type { AttributeRef, Expr } from "../expr/expr.js";
import { exprSemanticEquals } from "../expr/expr-equals.js";
import { isNondeterministicFunction } from "../expr/functions/registry.js";
import type { LogicalPlan } from "../plan/logical-plan.js";
import { outputOf } from "../plan/output.js";
import { exprExists, referencedIds, transformExprUp } from "../plan/transform.js";
import { BooleanType } from "../types/data-type.js";
import { splitConjuncts } from "./join-keys.js";

/** Functions whose result is null when any input is (Spark's NullIntolerant expressions). */
const NULL_INTOLERANT = new Set(["==", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "not", "negative", "startswith", "endswith", "contains"]);

/** Whether an expression has no nondeterministic function or Python UDF in it. */
export function deterministic(e: Expr): boolean {
  return !exprExists(e, (x) => x.kind === "PythonUDF" || (x.kind === "ScalarCall" && isNondeterministicFunction(x.fn)));
}

/** The attributes a predicate is null whenever they are null, through null-intolerant expressions. */
export function nullIntolerantAttrs(e: Expr, out: AttributeRef[]): void {
  if (e.kind === "AttributeRef") {
    if (!out.some((a) => a.exprId === e.exprId)) out.push(e);
  } else if (e.kind === "Cast") nullIntolerantAttrs(e.child, out);
  else if (e.kind === "ScalarCall" && NULL_INTOLERANT.has(e.fn)) for (const a of e.args) nullIntolerantAttrs(a, out);
}

/** `isnotnull(a)`. */
export function isNotNull(a: AttributeRef): Expr {
  return { kind: "ScalarCall", fn: "isnotnull", args: [a], dataType: BooleanType, nullable: false };
}

/** Whether `e` is in `set`, semantically (Spark's ExpressionSet). */
export function containsExpr(set: readonly Expr[], e: Expr): boolean {
  return set.some((x) => exprSemanticEquals(x, e));
}

/** `isnotnull(a)` for each nullable attribute the constraints are null-intolerant on (Spark's constructIsNotNullConstraints), not already there. */
export function notNullConstraints(constraints: readonly Expr[]): Expr[] {
  const attrs: AttributeRef[] = [];
  for (const c of constraints) nullIntolerantAttrs(c, attrs);
  return attrs.filter((a) => a.nullable).map(isNotNull).filter((c) => !containsExpr(constraints, c));
}

/** Appends the expressions of `add` that `into` lacks. */
function union(into: Expr[], add: readonly Expr[]): Expr[] {
  for (const e of add) if (!containsExpr(into, e)) into.push(e);
  return into;
}

/**
 * Constraints `a = b` between two attributes carry the other constraints across (Spark's
 * inferAdditionalConstraints): `a = 3 AND a = b` also means `b = 3`. IS NOT NULL is left to
 * notNullConstraints.
 */
export function inferredByEquality(constraints: readonly Expr[]): Expr[] {
  const predicates = constraints.filter((c) => !(c.kind === "ScalarCall" && c.fn === "isnotnull"));
  const out: Expr[] = [];
  const replace = (cs: readonly Expr[], from: AttributeRef, to: AttributeRef): void => {
    for (const c of cs) {
      if (!referencedIds(c).has(from.exprId)) continue;
      union(out, [transformExprUp(c, (x) => (x.kind === "AttributeRef" && x.exprId === from.exprId ? to : x))]);
    }
  };
  for (const eq of predicates) {
    if (eq.kind !== "ScalarCall" || eq.fn !== "==") continue;
    const [l, r] = eq.args;
    if (l?.kind !== "AttributeRef" || r?.kind !== "AttributeRef") continue;
    const others = predicates.filter((p) => p !== eq);
    replace(others, l, r);
    replace(others, r, l);
  }
  return out.filter((c) => !containsExpr(constraints, c));
}

/**
 * What is known to hold for every row of a plan (Spark's QueryPlanConstraints.constraints):
 * a filter's deterministic conjuncts and their IS NOT NULL consequences over its input's, kept
 * through projections, aggregates and the preserved sides of joins, as long as they read only
 * the plan's output. Other plans promise nothing here.
 */
export function constraintsOf(p: LogicalPlan): Expr[] {
  const valid = validConstraints(p);
  if (valid.length === 0) return valid;
  const all = union(union([...valid], inferredByEquality(valid)), notNullConstraints(valid));
  const out = new Set(outputOf(p).map((a) => a.exprId));
  return all.filter((c) => {
    const ids = referencedIds(c);
    return ids.size > 0 && [...ids].every((id) => out.has(id)) && deterministic(c);
  });
}

function validConstraints(p: LogicalPlan): Expr[] {
  switch (p.kind) {
    case "Filter":
      return union(constraintsOf(p.input), splitConjuncts(p.condition).filter((c) => deterministic(c) && !exprExists(c, (x) => x.kind === "PythonUDF")));
    case "Project":
    case "Aggregate":
    case "Sort":
    case "Limit":
    case "Repartition":
      return constraintsOf(p.input);
    case "Join":
      switch (p.joinType) {
        case "inner":
        case "cross":
          return union(union(constraintsOf(p.left), constraintsOf(p.right)), p.condition === undefined ? [] : splitConjuncts(p.condition).filter(deterministic));
        case "left":
        case "left_semi":
        case "left_anti":
          return constraintsOf(p.left);
        case "right":
          return constraintsOf(p.right);
        case "full":
          return [];
        default:
          return assertNever(p.joinType);
      }
    default:
      // other operators' constraints are not tracked (Spark's Union, Window, Generate … keep some)
      return [];
  }
}
