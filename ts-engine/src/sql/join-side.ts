import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";

/** Which input of a join a subquery of its ON condition reads: "left", "right", "both" or "none" (uncorrelated). */
export type JoinSide = "left" | "right" | "both" | "none" | "unknown";

/**
 * The relation names a FROM item defines for its columns' qualifiers: a table's name, an
 * alias; a join defines both sides' names. A derived table without an alias defines none.
 */
export function relationNames(p: ParsedPlan): Set<string> {
  const out = new Set<string>();
  const walk = (q: ParsedPlan): void => {
    switch (q.kind) {
      case "SubqueryAlias":
        out.add(q.alias.toLowerCase());
        return;
      case "UnresolvedRelation":
        out.add(q.nameParts[q.nameParts.length - 1]!.toLowerCase());
        return;
      case "Join":
        walk(q.left);
        walk(q.right);
        return;
      default:
        // the rewrites an inner join's ON and a WHERE leave (filters, existence joins) keep their input's names
        if ("input" in q && q.kind !== "Project" && q.kind !== "Aggregate") walk(q.input);
    }
  };
  walk(p);
  return out;
}

/** Every column reference and relation name in a parsed tree (plans and expressions are plain data). */
function collect(node: unknown, attrs: ParsedExpr[], names: Set<string>): void {
  if (node === null || typeof node !== "object" || ArrayBuffer.isView(node)) return;
  if (Array.isArray(node)) {
    for (const x of node) collect(x, attrs, names);
    return;
  }
  const o = node as { readonly kind?: unknown; readonly alias?: unknown; readonly nameParts?: unknown; readonly input?: { readonly kind?: unknown } };
  if (o.kind === "UnresolvedAttribute") attrs.push(node as ParsedExpr);
  if (o.kind === "SubqueryAlias" && typeof o.alias === "string") {
    // `FROM r AS r2` names its columns r2 only: the table's own name does not qualify them
    names.add(o.alias.toLowerCase());
    if (o.input?.kind === "UnresolvedRelation") return;
  }
  if (o.kind === "UnresolvedRelation" && Array.isArray(o.nameParts)) names.add(String(o.nameParts[o.nameParts.length - 1]).toLowerCase());
  for (const v of Object.values(node)) collect(v, attrs, names);
}

/**
 * The join input a subquery reads (its IN values and the outer columns it correlates on), by
 * the qualifiers of its column references: `l.k IN (SELECT …)` reads the side that defines `l`.
 * An unqualified outer column cannot be placed without the inputs' schemas ("unknown"), unless
 * the subquery reads no column at all outside itself.
 */
export function subquerySide(values: readonly ParsedExpr[], subquery: ParsedPlan, left: ReadonlySet<string>, right: ReadonlySet<string>): JoinSide {
  const valueAttrs: ParsedExpr[] = [];
  collect(values, valueAttrs, new Set());
  const innerAttrs: ParsedExpr[] = [];
  const inner = new Set<string>();
  collect(subquery, innerAttrs, inner);
  let l = false;
  let r = false;
  let unqualified = false;
  const place = (a: ParsedExpr, insideSubquery: boolean): void => {
    if (a.kind !== "UnresolvedAttribute") return;
    if (a.nameParts.length < 2) {
      // inside the subquery an unqualified name is most likely its own column, as Spark resolves it first
      if (!insideSubquery) unqualified = true;
      return;
    }
    const q = a.nameParts[0]!.toLowerCase();
    if (insideSubquery && inner.has(q)) return;
    if (left.has(q)) l = true;
    else if (right.has(q)) r = true;
  };
  for (const a of valueAttrs) place(a, false);
  for (const a of innerAttrs) place(a, true);
  if (l && r) return "both";
  if (unqualified) return "unknown";
  return l ? "left" : r ? "right" : "none";
}
