import { assertNever } from "../errors/assert-never.js";
import type { Expr } from "./expr.js";

/** The direct children of an expression. */
export function exprChildren(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "AggCall":
      return e.filter === undefined ? e.args : [...e.args, e.filter];
    case "ScalarCall":
    case "PythonUDF":
      return e.args;
    case "Alias":
    case "Cast":
    case "SortOrder":
      return [e.child];
    case "CaseWhen":
      return [...e.branches.flatMap(([c, v]) => [c, v]), ...(e.elseValue === undefined ? [] : [e.elseValue])];
    case "LambdaFunction":
      // Spark's LambdaFunction: the body, then the variables it binds.
      return [e.body, ...e.args];
    case "WindowExpression":
      return [e.fn, ...e.partitionSpec, ...e.orderSpec];
    case "Literal":
    case "AttributeRef":
    case "BoundRef":
    case "NamedLambdaVariable":
      return [];
    default:
      return assertNever(e);
  }
}

/** Rebuilds `e` with new children (same order as exprChildren); returns `e` itself when unchanged. */
export function withNewChildren(e: Expr, kids: readonly Expr[]): Expr {
  const old = exprChildren(e);
  if (old.length === kids.length && old.every((c, i) => c === kids[i])) return e;
  switch (e.kind) {
    case "AggCall":
      return e.filter === undefined ? { ...e, args: kids } : { ...e, args: kids.slice(0, -1), filter: kids[kids.length - 1]! };
    case "ScalarCall":
    case "PythonUDF":
      return { ...e, args: kids };
    case "Alias":
    case "Cast":
    case "SortOrder":
      return { ...e, child: kids[0]! };
    case "CaseWhen": {
      const branches: (readonly [Expr, Expr])[] = [];
      for (let i = 0; i < e.branches.length; i++) branches.push([kids[2 * i]!, kids[2 * i + 1]!]);
      const elseValue = e.elseValue === undefined ? undefined : kids[kids.length - 1]!;
      return elseValue === undefined ? { ...e, branches } : { ...e, branches, elseValue };
    }
    case "LambdaFunction": {
      // Variables stay as they were unless a rewrite kept them variables.
      const args = e.args.map((a, i) => {
        const k = kids[i + 1]!;
        return k.kind === "NamedLambdaVariable" ? k : a;
      });
      return { ...e, body: kids[0]!, args };
    }
    case "WindowExpression": {
      const fn = kids[0]!;
      const np = e.partitionSpec.length;
      const orderSpec = kids.slice(1 + np).map((k) => (k.kind === "SortOrder" ? k : { kind: "SortOrder" as const, child: k, ascending: true, nullsFirst: true }));
      // A rewrite may only replace the function by another function call (its arguments rewritten).
      return { ...e, fn: fn.kind === "AggCall" || fn.kind === "ScalarCall" ? fn : e.fn, partitionSpec: kids.slice(1, 1 + np), orderSpec };
    }
    case "Literal":
    case "AttributeRef":
    case "BoundRef":
    case "NamedLambdaVariable":
      return e;
    default:
      return assertNever(e);
  }
}

/** Bottom-up rewrite: children first, then `f` on the rebuilt node. Never mutates. */
export function transformExpr(e: Expr, f: (x: Expr) => Expr): Expr {
  const kids = exprChildren(e);
  const next = kids.length === 0 ? e : withNewChildren(e, kids.map((k) => transformExpr(k, f)));
  return f(next);
}

/** True when `pred` holds for `e` or any descendant. */
export function exprExists(e: Expr, pred: (x: Expr) => boolean): boolean {
  return pred(e) || exprChildren(e).some((c) => exprExists(c, pred));
}
