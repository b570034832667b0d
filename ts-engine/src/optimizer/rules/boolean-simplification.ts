import type { Expr } from "../../expr/expr.js";
import { exprSemanticEquals } from "../../expr/expr-equals.js";
import { exprExists } from "../../expr/transform.js";
import { isNondeterministicFunction } from "../../expr/functions/registry.js";
import type { LogicalPlan } from "../../plan/logical-plan.js";
import { filter } from "../../plan/nodes/index.js";
import { mapExprChildren, transformPlanUp } from "../../plan/transform.js";
import type { OptimizerRule } from "../rule.js";

function isCall(e: Expr, fn: string): e is Expr & { kind: "ScalarCall"; args: readonly Expr[] } {
  return e.kind === "ScalarCall" && e.fn === fn && e.args.length === 2;
}

function split(e: Expr, fn: string, out: Expr[] = []): Expr[] {
  if (isCall(e, fn)) {
    split(e.args[0]!, fn, out);
    split(e.args[1]!, fn, out);
  } else out.push(e);
  return out;
}

function join(es: readonly Expr[], fn: "and" | "or", template: Expr & { kind: "ScalarCall" }): Expr {
  return es.reduce((a, b) => ({ ...template, fn, args: [a, b] }));
}

/** Semantic equality, with `a = b` the same conjunct as `b = a` (Spark compares canonicalized expressions). */
function same(a: Expr, b: Expr): boolean {
  if (exprSemanticEquals(a, b)) return true;
  if (a.kind !== "ScalarCall" || b.kind !== "ScalarCall" || a.fn !== b.fn || (a.fn !== "==" && a.fn !== "<=>") || a.args.length !== 2 || b.args.length !== 2) return false;
  return exprSemanticEquals(a.args[0]!, b.args[1]!) && exprSemanticEquals(a.args[1]!, b.args[0]!);
}

const deterministic = (e: Expr): boolean => !exprExists(e, (x) => x.kind === "ScalarCall" && isNondeterministicFunction(x.fn));

/**
 * `(a AND b) OR (a AND c)` → `a AND (b OR c)`: the conjuncts every disjunct shares are taken out
 * of the OR (part of Spark's BooleanSimplification), so a join key written inside each branch
 * (TPC-H Q19's `p_partkey = l_partkey`) becomes a conjunct that PushDownPredicates can make a
 * join condition, instead of a filter over a cartesian product. Only deterministic conjuncts
 * are shared out; when a disjunct is all shared conjuncts, the OR is true and goes away.
 */
function extractCommonFactors(e: Expr): Expr {
  const x = mapExprChildren(e, extractCommonFactors);
  if (!isCall(x, "or")) return x;
  const branches = split(x, "or").map((d) => split(d, "and"));
  const first = branches[0]!;
  const common = first.filter((c) => deterministic(c) && branches.every((b) => b.some((o) => same(o, c))));
  if (common.length === 0) return x;
  const rest = branches.map((b) => b.filter((c) => !common.some((k) => same(k, c))));
  const template = x;
  if (rest.some((r) => r.length === 0)) return join(common, "and", template);
  const or = join(rest.map((r) => join(r, "and", template)), "or", template);
  return join([...common, or], "and", template);
}

/** Takes the conjuncts all branches of an OR share out of it, in Filter conditions. */
export const booleanSimplification: OptimizerRule = {
  name: "BooleanSimplification",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, (p) => {
      if (p.kind !== "Filter") return p;
      const condition = extractCommonFactors(p.condition);
      return condition === p.condition ? p : filter(p.input, condition);
    });
  },
};
