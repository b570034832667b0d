import type { ParsedPlan } from "../plan/parsed-plan.js";
import { Lexer, syntaxError, type Token } from "./lexer.js";
import { isPartitionHint } from "../plan/partition-hint-names.js";

/** One hint of a `/*+ … *\/` comment: its name and parameters (relation names or literals). */
export interface SqlHint {
  readonly name: string;
  readonly parameters: readonly (string | number)[];
}

/** The hints in a hint comment token: `BROADCAST(t1, t2) MERGE(t3)`, separated by spaces or commas. */
export function parseHints(tok: Token, timeZone: string): SqlHint[] {
  void timeZone;
  const lx = new Lexer(tok.value);
  const hints: SqlHint[] = [];
  for (;;) {
    let t = lx.next();
    if (t.type === "op" && t.value === ",") t = lx.next();
    if (t.type === "eof") return hints;
    if (t.type !== "ident") throw syntaxError({ ...t, pos: tok.pos + 3 + t.pos });
    const parameters: (string | number)[] = [];
    const open = lx.peek();
    if (open.type === "op" && open.value === "(") {
      lx.next();
      for (;;) {
        const a = lx.next();
        if (a.type === "ident" || a.type === "quoted" || a.type === "string") {
          // a qualified name `db.t` is matched by its last part
          let name = a.value;
          while (lx.peek().type === "op" && lx.peek().value === ".") {
            lx.next();
            name = lx.next().value;
          }
          parameters.push(name);
        } else if (a.type === "number") parameters.push(Number(a.text));
        else if (a.type === "op" && a.value === "-" && lx.peek().type === "number") parameters.push(-Number(lx.next().text));
        else throw syntaxError({ ...a, pos: tok.pos + 3 + a.pos });
        const sep = lx.next();
        if (sep.type === "op" && sep.value === ")") break;
        if (sep.type !== "op" || sep.value !== ",") throw syntaxError({ ...sep, pos: tok.pos + 3 + sep.pos });
      }
    }
    hints.push({ name: t.value, parameters });
  }
}

/** The name a FROM item answers to in a hint: its alias, else the table's last name part. */
function relationName(p: ParsedPlan): string | undefined {
  if (p.kind === "SubqueryAlias") return p.alias;
  if (p.kind === "UnresolvedRelation") return p.nameParts[p.nameParts.length - 1];
  return undefined;
}

/**
 * Spark's ResolveJoinStrategyHints for SQL: `BROADCAST(t)` marks every FROM item named `t`
 * (through joins, not into subqueries) with the strategy hint, which the join above reads.
 * Hints without relation names, and hints that name nothing, are ignored as Spark ignores them.
 */
export function applyHints(plan: ParsedPlan, hints: readonly SqlHint[]): ParsedPlan {
  let out = plan;
  for (const h of hints) {
    // partitioning hints name columns, not relations (wrapPartitionHints places them)
    if (isPartitionHint(h.name)) continue;
    const names = new Set(h.parameters.filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase()));
    if (names.size === 0) continue;
    const mark = (p: ParsedPlan): ParsedPlan => {
      if (p.kind === "Join") {
        const left = mark(p.left);
        const right = mark(p.right);
        return left === p.left && right === p.right ? p : { ...p, left, right };
      }
      const n = relationName(p);
      return n !== undefined && names.has(n.toLowerCase()) ? { kind: "Hint", input: p, name: h.name, parameters: [] } : p;
    };
    out = mark(out);
  }
  return out;
}

/**
 * The partitioning hints of a SELECT (REPARTITION, COALESCE, REPARTITION_BY_RANGE,
 * REBALANCE) over the whole query specification, as Spark's AstBuilder wraps it in
 * UnresolvedHints (the first hint outermost); the analyzer makes them repartitions.
 */
export function wrapPartitionHints(plan: ParsedPlan, hints: readonly SqlHint[]): ParsedPlan {
  let out = plan;
  for (let i = hints.length - 1; i >= 0; i--) {
    const h = hints[i]!;
    if (isPartitionHint(h.name)) out = { kind: "Hint", input: out, name: h.name, parameters: h.parameters };
  }
  return out;
}
