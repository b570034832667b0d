import { assertNever } from "../../../errors/assert-never.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import type { ParsedExpr, SubqueryExpression } from "../../../expr/parsed-expr.js";
import type { ParsedPlan } from "../../parsed-plan.js";

/**
 * `df.scalar()` and `df.exists()` in a Filter, Project or WithColumns (PySpark 4.0's subquery
 * expressions): each subquery becomes a join below the operator, as the SQL parser builds
 * them for SQL text. A top-level `[NOT] EXISTS` conjunct of a filter is a semi (anti) join
 * (PredicateSubquery); any other EXISTS an existence column; a scalar subquery a joined
 * column (ScalarSubqueryJoin). The operator reads the added columns, which a Drop above it
 * hides again. Returns undefined when `p` holds no subquery expression.
 */
export function joinSubqueryExpressions(p: ParsedPlan): ParsedPlan | undefined {
  switch (p.kind) {
    case "Filter":
      return containsSubquery(p.condition) ? filterWithSubqueries(p.input, p.condition) : undefined;
    case "Project": {
      if (!p.exprs.some(containsSubquery)) return undefined;
      const j = new Joined(p.input);
      const exprs = p.exprs.map((e) => (containsSubquery(e) ? j.replace(e.kind === "Alias" ? e : { kind: "Alias", child: e, name: exprPrettySql(e) }) : e));
      return j.dropAdded({ kind: "Project", input: j.plan, exprs }, exprs.some((e) => e.kind === "UnresolvedStar"));
    }
    case "WithColumns": {
      if (!p.exprs.some(containsSubquery)) return undefined;
      const j = new Joined(p.input);
      const exprs = p.exprs.map((e) => j.replace(e));
      return j.dropAdded({ kind: "WithColumns", input: j.plan, names: p.names, exprs }, true);
    }
    default:
      return undefined;
  }
}

let nextName = 0;

/** The input with the subqueries joined in so far, and the columns they added. */
class Joined {
  readonly added: string[] = [];
  constructor(public plan: ParsedPlan) {}

  /** `e` reading joined columns in place of its subqueries. */
  replace(e: ParsedExpr): ParsedExpr {
    return mapSubqueries(e, (s) => {
      const name = s.subqueryType === "scalar" ? `__scalar_subquery_${nextName++}` : `__exists_${nextName++}`;
      this.plan = s.subqueryType === "scalar"
        ? { kind: "ScalarSubqueryJoin", input: this.plan, subquery: s.plan, name }
        : { kind: "PredicateSubquery", input: this.plan, subquery: s.plan, values: [], negated: false, existenceColumn: name };
      this.added.push(name);
      return { kind: "UnresolvedAttribute", nameParts: [name] };
    });
  }

  /** `top` without the added columns (when they can reach its output). */
  dropAdded(top: ParsedPlan, seesAdded: boolean): ParsedPlan {
    if (!seesAdded || this.added.length === 0) return top;
    return { kind: "Drop", input: top, columns: this.added.map((n): ParsedExpr => ({ kind: "UnresolvedAttribute", nameParts: [n] })) };
  }
}

function filterWithSubqueries(input: ParsedPlan, condition: ParsedExpr): ParsedPlan {
  const j = new Joined(input);
  const rest: ParsedExpr[] = [];
  for (const c of conjuncts(condition)) {
    const negated = c.kind === "UnresolvedFunction" && c.name === "not" && c.args.length === 1;
    const inner = negated ? c.args[0]! : c;
    if (inner.kind === "SubqueryExpression" && inner.subqueryType === "exists") {
      j.plan = { kind: "PredicateSubquery", input: j.plan, subquery: inner.plan, values: [], negated };
    } else rest.push(containsSubquery(c) ? j.replace(c) : c);
  }
  if (rest.length === 0) return j.plan;
  const cond = rest.reduce((a, b): ParsedExpr => ({ kind: "UnresolvedFunction", name: "and", args: [a, b], isDistinct: false }));
  return j.dropAdded({ kind: "Filter", input: j.plan, condition: cond }, true);
}

function conjuncts(e: ParsedExpr): ParsedExpr[] {
  if (e.kind === "UnresolvedFunction" && e.name === "and" && e.args.length === 2) return [...conjuncts(e.args[0]!), ...conjuncts(e.args[1]!)];
  return [e];
}

function containsSubquery(e: ParsedExpr): boolean {
  let found = false;
  mapSubqueries(e, (s) => {
    found = true;
    return s;
  });
  return found;
}

/** `e` with each subquery expression replaced by `f`'s result (not looking inside subqueries). */
function mapSubqueries(e: ParsedExpr, f: (s: SubqueryExpression) => ParsedExpr): ParsedExpr {
  const m = (x: ParsedExpr): ParsedExpr => mapSubqueries(x, f);
  switch (e.kind) {
    case "SubqueryExpression":
      return f(e);
    case "UnresolvedFunction":
      return { ...e, args: e.args.map(m), ...(e.filter === undefined ? {} : { filter: m(e.filter) }) };
    case "Alias":
    case "Cast":
    case "SortOrder":
    case "OuterReference":
      return { ...e, child: m(e.child) };
    case "CaseWhen":
      return { ...e, branches: e.branches.map(([c, v]) => [m(c), m(v)] as const), ...(e.elseValue === undefined ? {} : { elseValue: m(e.elseValue) }) };
    case "LambdaFunction":
      return { ...e, body: m(e.body) };
    case "PythonUDF":
      return { ...e, args: e.args.map(m) };
    case "Window":
      return { ...e, windowFunction: m(e.windowFunction), partitionSpec: e.partitionSpec.map(m), orderSpec: e.orderSpec.map((o) => ({ ...o, child: m(o.child) })) };
    case "UnresolvedAttribute":
    case "UnresolvedStar":
    case "ExprString":
    case "Literal":
    case "UnresolvedNamedLambdaVariable":
      return e;
    default:
      return assertNever(e);
  }
}
