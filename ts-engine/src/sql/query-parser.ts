import { AnalysisException, ParseException, SparkException } from "../errors/spark-exception.js";
import { relationNames, subquerySide } from "./join-side.js";
import { assertNever } from "../errors/assert-never.js";
import type { ParsedExpr, ParsedSortOrder } from "../expr/parsed-expr.js";
import type { JoinType } from "../plan/logical-plan.js";
import type { ParsedPlan, ParsedPythonUDTF, ParsedTableFunctionArg } from "../plan/parsed-plan.js";
import { Parser } from "./expr-parser.js";
import { syntaxError, type Token } from "./lexer.js";
import type { ParserOptions } from "./parameters.js";
import { applyHints, parseHints, wrapPartitionHints } from "./hints.js";
import { isFileFormat } from "../io/formats.js";
import { lookupFunction } from "../expr/functions/registry.js";
import { exprPrettySql } from "../expr/expr-string.js";
import { StringType } from "../types/data-type.js";
import type { ClauseSource } from "./clause-source.js";
import { parseGroupBy } from "./group-by-clause.js";
import { parsePivot, parseUnpivot } from "./pivot-clause.js";
import { parseTableSample } from "./sample-clause.js";
import { parseWindowSpec, substituteWindowRefs, type SqlWindowSpec } from "./window-clause.js";

/**
 * Words that end a select item or a relation instead of being its bare alias: the clause and
 * join keywords of Spark's grammar (its strict non-reserved words and the reserved ones a
 * query can continue with).
 */
const CLAUSE_WORDS = new Set([
  "from", "where", "group", "having", "order", "sort", "cluster", "distribute", "limit", "offset", "union", "except",
  "minus", "intersect", "join", "inner", "left", "right", "full", "cross", "natural", "semi", "anti", "on", "using",
  "lateral", "window", "pivot", "unpivot", "tablesample", "select", "with", "values", "as", "outer",
]);

/** Set operations, and their binding: INTERSECT before UNION/EXCEPT (Spark's default precedence). */
type SetOp = "union" | "except" | "intersect";

/** A `WITH` scope: CTE names (lower-cased) to their plans. */
type CteScope = ReadonlyMap<string, ParsedPlan>;

/** Spark's OneRowRelation for `SELECT` without `FROM`: one row, no columns visible after the projection. */
function oneRow(): ParsedPlan {
  return { kind: "Project", input: { kind: "Range", start: 0, end: 1, step: 1, numPartitions: 1 }, exprs: [] };
}

function notImplemented(feature: string): ParseException {
  const e = new ParseException("NOT_IMPLEMENTED", { feature });
  return e;
}

/** The integer value of a literal ordinal (`GROUP BY 1`, `ORDER BY 2`), else undefined. */
function ordinal(e: ParsedExpr): number | undefined {
  return e.kind === "Literal" && e.dataType.kind === "integer" && typeof e.value === "number" ? e.value : undefined;
}

function unalias(e: ParsedExpr): ParsedExpr {
  return e.kind === "Alias" ? e.child : e;
}

/** The output name of a select item that is a window(…) / session_window(…) call (maybe aliased) or an aliased window_time(…), else undefined. */
function timeWindowItemName(item: ParsedExpr): string | undefined {
  const inner = unalias(item);
  if (inner.kind !== "UnresolvedFunction") return undefined;
  const fn = inner.name.toLowerCase();
  if (item.kind === "Alias" && (fn === "window" || fn === "session_window" || fn === "window_time")) return item.name;
  return fn === "window" || fn === "session_window" ? fn : undefined;
}

/**
 * Spark SQL queries → the engine's ParsedPlan, with no text rewriting: SELECT … FROM (joins of
 * every kind, subqueries in FROM, VALUES, range()), WHERE, GROUP BY [ALL] / HAVING, DISTINCT,
 * UNION / INTERSECT / EXCEPT, ORDER BY / SORT BY, LIMIT, WITH, hints and LATERAL VIEW. Extends
 * the expression parser, so expressions inside a query parse exactly as in expr().
 */
export class QueryParser extends Parser {
  private readonly ctes: CteScope[] = [];
  /** Subqueries met in the condition being parsed, by the id of their placeholder. */
  private readonly subqueries = new Map<number, PendingSubquery>();
  private nextSubquery = 0;
  /** Scalar subqueries met in the condition being parsed, with the column name each stands for. */
  private scalars: { readonly name: string; readonly plan: ParsedPlan }[] = [];
  /** `spark.sql(…, df=df)` references: `{df}` in the text names this plan. */
  private readonly refs: ReadonlyMap<string, ParsedPlan>;

  constructor(sql: string, opts: ParserOptions & { readonly refs?: ReadonlyMap<string, ParsedPlan> } = {}) {
    super(sql, opts);
    this.refs = opts.refs ?? new Map();
  }

  /** The parser as the clause grammars in their own files read it (clause-source.ts). */
  protected source(): ClauseSource {
    return {
      text: this.lx.text,
      peek: () => this.peek(),
      next: () => this.next(),
      mark: () => this.lx.pos,
      restore: (m) => {
        this.lx.pos = m;
      },
      expression: () => this.expression(),
      namedExpression: () => this.namedExpression(),
      identifier: () => this.identifier(),
    };
  }

  protected override subqueryIn(value: ParsedExpr, negated: boolean): ParsedExpr | undefined {
    if (!this.startsQuery()) return undefined;
    const plan = this.query();
    this.expectOp(")");
    return this.placeholder(plan, [value], negated);
  }

  /** A stand-in for a predicate subquery in a condition; `predicateSubqueries` takes it out again. */
  private placeholder(plan: ParsedPlan, values: readonly ParsedExpr[], negated: boolean): ParsedExpr {
    const id = this.nextSubquery++;
    this.subqueries.set(id, { plan, values, negated });
    return { kind: "UnresolvedFunction", name: SUBQUERY_MARKER, args: [{ kind: "Literal", value: id, dataType: { kind: "integer" } }], isDistinct: false };
  }

  protected override parenthesized(): ParsedExpr {
    if (!this.startsQuery()) return this.rowOrParenthesized();
    const plan = this.query();
    this.expectOp(")");
    // the value is a column the WHERE clause joins in (whereClause), read by this name
    const name = `__scalar_subquery_${this.nextSubquery++}`;
    this.scalars.push({ name, plan });
    return { kind: "UnresolvedAttribute", nameParts: [name] };
  }

  /**
   * After `(` not followed by a query: `(e)`, or the row `(a, b, …)` (Spark's rowConstructor, a
   * struct); a row before `[NOT] IN (SELECT …)` compares column by column with the subquery's
   * columns (a multi-column IN subquery).
   */
  private rowOrParenthesized(): ParsedExpr {
    const first = this.expression();
    if (!this.acceptOp(",")) {
      this.expectOp(")");
      return first;
    }
    const items = [first, this.expression()];
    while (this.acceptOp(",")) items.push(this.expression());
    this.expectOp(")");
    const save = this.lx.pos;
    const negated = this.acceptKw("not");
    if (this.acceptKw("in") && this.acceptOp("(") && this.startsQuery()) {
      const plan = this.query();
      this.expectOp(")");
      return this.placeholder(plan, items, negated);
    }
    this.lx.pos = save;
    return { kind: "UnresolvedFunction", name: "struct", args: items, isDistinct: false };
  }

  protected override identStart(t: Token): ParsedExpr {
    if (t.value.toLowerCase() === "exists" && this.peekOp("(")) {
      this.next();
      const plan = this.query();
      this.expectOp(")");
      return this.placeholder(plan, [], false);
    }
    const e = super.identStart(t);
    // a column of SQL text remembers where it stood, for its unresolved-column error's `; line L pos P`
    return e.kind === "UnresolvedAttribute" && e.origin === undefined ? { ...e, origin: this.origin(t.pos) } : e;
  }

  /**
   * A WHERE condition over `input`: its conjuncts `[NOT] EXISTS (…)` and `x [NOT] IN (SELECT …)`
   * become PredicateSubquery nodes (semi/anti joins once analyzed); the rest stays a Filter. A
   * subquery anywhere else in the condition (under OR, say) is not supported yet.
   */
  private whereClause(input: ParsedPlan, condition: ParsedExpr): ParsedPlan {
    if (this.scalars.length > 0) {
      // scalar subqueries: joined in as columns, filtered on, then dropped again
      const scalars = this.scalars;
      this.scalars = [];
      let joined = input;
      for (const s of scalars) joined = { kind: "ScalarSubqueryJoin", input: joined, subquery: s.plan, name: s.name };
      const filtered = this.whereClause(joined, condition);
      return { kind: "Drop", input: filtered, columns: scalars.map((s) => ({ kind: "UnresolvedAttribute", nameParts: [s.name] })) };
    }
    if (this.subqueries.size === 0) return { kind: "Filter", input, condition };
    const conjuncts: ParsedExpr[] = [];
    const split = (e: ParsedExpr): void => {
      if (e.kind === "UnresolvedFunction" && e.name === "and" && e.args.length === 2) {
        split(e.args[0]!);
        split(e.args[1]!);
      } else conjuncts.push(e);
    };
    split(condition);
    let plan = input;
    const rest: ParsedExpr[] = [];
    const added: string[] = [];
    for (const c of conjuncts) {
      const negated = c.kind === "UnresolvedFunction" && c.name === "not" && c.args.length === 1;
      const inner = negated ? (c as { args: readonly ParsedExpr[] }).args[0]! : c;
      const id = markerId(inner);
      const sub = id === undefined ? undefined : this.subqueries.get(id);
      if (sub === undefined) {
        if (containsMarker(c)) {
          // under OR, CASE …: an existence column the condition reads (Spark's ExistenceJoin)
          const r = this.existenceColumns(plan, c, this.subqueries);
          plan = r.plan;
          added.push(...r.names);
          rest.push(r.expr);
        } else rest.push(c);
        continue;
      }
      plan = { kind: "PredicateSubquery", input: plan, subquery: sub.plan, values: sub.values, negated: negated !== sub.negated };
      this.subqueries.delete(id!);
    }
    if (rest.length === 0) return plan;
    const cond = rest.reduce((a, b) => ({ kind: "UnresolvedFunction", name: "and", args: [a, b], isDistinct: false }));
    const filtered: ParsedPlan = { kind: "Filter", input: plan, condition: cond };
    return added.length === 0 ? filtered : { kind: "Drop", input: filtered, columns: added.map((n) => ({ kind: "UnresolvedAttribute", nameParts: [n] })) };
  }

  /**
   * Every predicate subquery of `e` (from `subqueries`, which loses them) as a boolean column
   * joined to `plan` (a PredicateSubquery with an existence column), `e` reading the columns
   * instead. `NOT (v IN q)` (also written `v NOT IN q`) reads a null-aware match under its NOT,
   * as Spark's RewritePredicateSubquery rewrites Not(InSubquery) outside a conjunction.
   */
  private existenceColumns(input: ParsedPlan, e: ParsedExpr, subqueries: Map<number, PendingSubquery>): { plan: ParsedPlan; expr: ParsedExpr; names: string[] } {
    let plan = input;
    const names: string[] = [];
    const expr = mapMarkers(e, (id, notAbove) => {
      const sub = subqueries.get(id);
      if (sub === undefined) return undefined;
      subqueries.delete(id);
      const name = `__exists_${this.nextSubquery++}`;
      names.push(name);
      // `v NOT IN q` is NOT (v IN q): a NOT above a negated one cancels out
      const not = sub.negated !== notAbove;
      const nullAware = not && sub.values.length > 0;
      plan = { kind: "PredicateSubquery", input: plan, subquery: sub.plan, values: sub.values, negated: nullAware, existenceColumn: name };
      const ref: ParsedExpr = { kind: "UnresolvedAttribute", nameParts: [name] };
      return not ? { kind: "UnresolvedFunction", name: "not", args: [ref], isDistinct: false } : ref;
    });
    return { plan, expr, names };
  }

  protected override endsExpression(word: string): boolean {
    return super.endsExpression(word) || CLAUSE_WORDS.has(word);
  }

  /** Whether the tokens at the cursor start a query (`SELECT`, `WITH`, `VALUES`, `TABLE`, `FROM`). */
  protected startsQuery(t: Token = this.peek()): boolean {
    if (t.type !== "ident") return false;
    const w = t.value.toLowerCase();
    return w === "select" || w === "with" || w === "values" || w === "table" || w === "from";
  }

  /** A whole query: `[WITH …] body [ORDER BY …] [LIMIT …]`. */
  query(): ParsedPlan {
    if (this.peekKw("with")) {
      const save = this.lx.pos;
      this.next();
      // Spark 4.0.1 parses WITH RECURSIVE but cannot plan it: its planner fails with INTERNAL_ERROR
      if (this.acceptKw("recursive")) {
        throw new SparkException("SparkException", "INTERNAL_ERROR", { message: "The Spark SQL phase planning failed with an internal error. You hit a bug in Spark or the Spark plugins you use. Please, report this bug to the corresponding communities or vendors, and provide the full stack trace." });
      }
      this.lx.pos = save;
    }
    if (this.acceptKw("with")) {
      const scope = new Map<string, ParsedPlan>();
      this.ctes.push(scope);
      try {
        do {
          const nameTok = this.peek();
          const name = this.identifier();
          const cols = this.peekOp("(") ? this.identifierList() : undefined;
          this.acceptKw("as");
          this.expectOp("(");
          const body = this.query();
          this.expectOp(")");
          const key = name.toLowerCase();
          if (scope.has(key)) {
            void nameTok;
            throw new ParseException("DUPLICATED_CTE_NAMES", { duplicateNames: `\`${name}\`` });
          }
          const withCols: ParsedPlan = cols === undefined ? body : { kind: "ToDF", input: body, names: cols };
          scope.set(key, { kind: "SubqueryAlias", input: withCols, alias: name });
        } while (this.acceptOp(","));
        return this.queryNoWith();
      } finally {
        this.ctes.pop();
      }
    }
    return this.queryNoWith();
  }

  private queryNoWith(): ParsedPlan {
    const body = this.setOperations();
    return this.queryOrganization(body);
  }

  private peekOp(op: string): boolean {
    const t = this.peek();
    return t.type === "op" && t.value === op;
  }

  protected peekKw(word: string): boolean {
    const t = this.peek();
    return t.type === "ident" && t.value.toLowerCase() === word;
  }

  /** `(a, b, c)`: identifiers in parentheses. */
  protected identifierList(): string[] {
    this.expectOp("(");
    const names = [this.identifier()];
    while (this.acceptOp(",")) names.push(this.identifier());
    this.expectOp(")");
    return names;
  }

  /** ORDER BY / SORT BY, LIMIT, OFFSET after a query body (they apply to a whole set operation). */
  private queryOrganization(input: ParsedPlan): ParsedPlan {
    let plan = input;
    const ordered = this.peekKw("order");
    if (ordered) {
      this.next();
      this.expectKw("by");
      const orders = [this.sortItem()];
      while (this.acceptOp(",")) orders.push(this.sortItem());
      plan = { kind: "Sort", input: plan, orders: orders.map((o) => this.sortOrdinal(o, input)), global: true };
    }
    // CLUSTER BY k = DISTRIBUTE BY k SORT BY k; DISTRIBUTE BY hash-partitions the rows on perf's
    // RepartitionByExpression, SORT BY sorts within each partition (Spark's withQueryResultClauses)
    const clause = this.peekKw("cluster") ? "cluster" : this.peekKw("distribute") ? "distribute" : undefined;
    if (clause !== undefined) {
      const t = this.next();
      if (ordered) throw new ParseException("UNSUPPORTED_FEATURE.COMBINATION_QUERY_RESULT_CLAUSES", {});
      this.expectKw("by");
      const exprs = [this.expression()];
      while (this.acceptOp(",")) exprs.push(this.expression());
      void t;
      plan = { kind: "RepartitionByExpression", input: plan, partitionExprs: exprs };
      if (clause === "cluster") plan = { kind: "Sort", input: plan, orders: exprs.map((child) => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true })), global: false };
    }
    if (this.peekKw("sort") && clause !== "cluster") {
      this.next();
      if (ordered) throw new ParseException("UNSUPPORTED_FEATURE.COMBINATION_QUERY_RESULT_CLAUSES", {});
      this.expectKw("by");
      const orders = [this.sortItem()];
      while (this.acceptOp(",")) orders.push(this.sortItem());
      plan = { kind: "Sort", input: plan, orders: orders.map((o) => this.sortOrdinal(o, input)), global: false };
    }
    let limit: number | undefined;
    if (this.acceptKw("limit")) {
      if (!this.acceptKw("all")) limit = this.limitValue("limit");
    }
    // Spark's withQueryResultClauses: LIMIT l OFFSET o is Limit(l) over Offset(o) (the windows part's Offset node)
    if (this.acceptKw("offset")) plan = { kind: "Offset", input: plan, n: this.limitValue("offset") };
    if (limit !== undefined) plan = { kind: "Limit", input: plan, n: limit };
    return plan;
  }

  /** `ORDER BY 2` sorts by the second select item (spark.sql.orderByOrdinal). */
  private sortOrdinal(o: ParsedSortOrder, input: ParsedPlan): ParsedSortOrder {
    const n = ordinal(o.child);
    if (n === undefined) return o;
    const items = selectItems(input);
    if (items === undefined) return o;
    const item = items[n - 1];
    if (item === undefined || n < 1) throw new AnalysisException("ORDER_BY_POS_OUT_OF_RANGE", { index: String(n), size: String(items.length) });
    // a time window item sorts by its output column: the aggregate below groups by that column, not the call
    const windowName = timeWindowItemName(item);
    if (windowName !== undefined) return { ...o, child: { kind: "UnresolvedAttribute", nameParts: [windowName] } };
    return { ...o, child: unalias(item) };
  }

  private limitValue(clause: string): number {
    const t = this.peek();
    const e = this.expression();
    const v = e.kind === "Literal" ? e.value : undefined;
    if (typeof v === "number" && Number.isInteger(v)) {
      if (v < 0) throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", { name: clause, expr: `"${v}"`, v: String(v) });
      return v;
    }
    if (typeof v === "bigint") return Number(v);
    throw syntaxError(t);
  }

  /** `expr [ASC|DESC] [NULLS FIRST|LAST]`; nulls sort first ascending, last descending (Spark's default). */
  protected sortItem(): ParsedSortOrder {
    const child = this.expression();
    let ascending = true;
    if (this.acceptKw("desc")) ascending = false;
    else this.acceptKw("asc");
    let nullsFirst = ascending;
    if (this.acceptKw("nulls")) {
      if (this.acceptKw("first")) nullsFirst = true;
      else {
        this.expectKw("last");
        nullsFirst = false;
      }
    }
    return { kind: "SortOrder", child, ascending, nullsFirst };
  }

  /** UNION / EXCEPT (MINUS) chains over INTERSECT chains, left-associative; same-kind chains are flattened. */
  private setOperations(): ParsedPlan {
    let left = this.intersections();
    for (;;) {
      let op: SetOp;
      if (this.acceptKw("union")) op = "union";
      else if (this.acceptKw("except") || this.acceptKw("minus")) op = "except";
      else return left;
      const all = this.setQuantifier();
      const right = this.intersections();
      left = this.combine(op, all, left, right);
    }
  }

  private intersections(): ParsedPlan {
    let left = this.queryPrimary();
    while (this.acceptKw("intersect")) {
      const all = this.setQuantifier();
      left = this.combine("intersect", all, left, this.queryPrimary());
    }
    return left;
  }

  /** `ALL` → true; `DISTINCT` or nothing → false (set operations are distinct by default). */
  private setQuantifier(): boolean {
    if (this.acceptKw("all")) return true;
    this.acceptKw("distinct");
    return false;
  }

  /**
   * One set operation. UNION ALL chains become one n-way Union (Spark's CombineUnions), so a
   * 500-way UNION is one node, not a 500-deep tree; UNION DISTINCT is Distinct over the Union.
   */
  private combine(op: SetOp, all: boolean, left: ParsedPlan, right: ParsedPlan): ParsedPlan {
    // INTERSECT ALL / EXCEPT ALL keep duplicates by their counts (reshape's replicaterows plans)
    if (op !== "union") return { kind: "SetOperation", op, left, right, ...(all ? { all } : {}) };
    const flat = (p: ParsedPlan): readonly ParsedPlan[] => {
      if (all && p.kind === "Union" && !p.byName && p.planId === undefined) return p.inputs;
      if (!all && p.kind === "Distinct" && p.input.kind === "Union" && !p.input.byName) return p.input.inputs;
      return [p];
    };
    const union: ParsedPlan = { kind: "Union", inputs: [...flat(left), ...flat(right)], byName: false, allowMissingColumns: false };
    return all ? union : { kind: "Distinct", input: union };
  }

  /** A SELECT, a parenthesized query, VALUES, or `TABLE name`. */
  private queryPrimary(): ParsedPlan {
    if (this.peekOp("(")) {
      this.next();
      const q = this.query();
      this.expectOp(")");
      return q;
    }
    if (this.acceptKw("values")) return this.inlineTable();
    if (this.acceptKw("table")) return this.tableName();
    if (this.peekKw("from")) throw notImplemented("FROM-first queries");
    const t = this.peek();
    if (!this.acceptKw("select")) throw syntaxError(t);
    return this.querySpecification();
  }

  /** After `SELECT`: hints, DISTINCT, the select list, FROM, LATERAL VIEW, WHERE, GROUP BY, HAVING. */
  private querySpecification(): ParsedPlan {
    // an enclosing condition's pending subqueries are not this query's
    const enclosing = [...this.subqueries];
    const enclosingScalars = this.scalars;
    this.subqueries.clear();
    this.scalars = [];
    try {
      return this.querySpecificationBody();
    } finally {
      for (const [k, v] of enclosing) this.subqueries.set(k, v);
      this.scalars = enclosingScalars;
    }
  }

  private querySpecificationBody(): ParsedPlan {
    const hints = this.peek().type === "hint" ? parseHints(this.next(), this.timeZone) : [];
    const distinct = this.acceptKw("distinct");
    if (!distinct) this.acceptKw("all");
    const items = [this.namedExpression()].map((e) => this.scalarItemName(e));
    while (this.acceptOp(",")) items.push(this.scalarItemName(this.namedExpression()));
    // IN / EXISTS subqueries of the select list: existence columns joined in after WHERE
    const selectSubqueries = new Map(this.subqueries);
    this.subqueries.clear();
    // scalar subqueries of the select list: joined in as columns before the projection
    const selectScalars = this.scalars;
    this.scalars = [];
    let plan = this.acceptKw("from") ? this.fromClause() : oneRow();
    plan = applyHints(plan, hints);
    while (this.peekKw("lateral")) plan = this.lateralView(plan);
    plan = this.pivoted(plan);
    if (this.acceptKw("where")) plan = this.whereClause(plan, this.expression());
    if (this.subqueries.size > 0) throw notImplemented("subqueries outside WHERE");
    if (this.scalars.length > 0) throw notImplemented("scalar subqueries outside WHERE");
    for (const sc of selectScalars) plan = { kind: "ScalarSubqueryJoin", input: plan, subquery: sc.plan, name: sc.name };
    // a scalar subquery is one value for the whole query: grouping by it keeps the groups, and lets
    // the select list and HAVING read it next to aggregates
    const scalarKeys = (): ParsedExpr[] => selectScalars.map((sc) => ({ kind: "UnresolvedAttribute", nameParts: [sc.name] }));
    // IN / EXISTS of an aggregate's select list: existence columns joined below the aggregate.
    // They read grouping columns only, so each is one value per group: grouping by them too
    // keeps the groups and lets the select list read them (call before building the Aggregate)
    let selectKeys: ParsedExpr[] | undefined;
    const groupSubqueries = (): ParsedExpr[] => {
      if (selectKeys !== undefined) return selectKeys;
      const keys: ParsedExpr[] = [];
      items.forEach((item, i) => {
        if (!containsMarker(item)) return;
        const named: ParsedExpr = item.kind === "Alias" ? item : { kind: "Alias", child: item, name: exprPrettySql(subqueryDisplay(item, selectSubqueries)) };
        const r = this.existenceColumns(plan, named, selectSubqueries);
        plan = r.plan;
        items[i] = r.expr;
        keys.push(...r.names.map((n): ParsedExpr => ({ kind: "UnresolvedAttribute", nameParts: [n] })));
      });
      selectKeys = keys;
      return keys;
    };
    let grouped = false;
    if (this.peekKw("group")) {
      this.next();
      this.expectKw("by");
      grouped = true;
      if (this.acceptKw("all")) {
        groupSubqueries(); // GROUP BY ALL groups by the existence columns as by any non-aggregate item
        plan = { kind: "Aggregate", input: plan, groupBy: [], aggs: items, sqlSelect: true, groupByAll: true };
      } else {
        const clause = parseGroupBy(this.source(), () => this.groupItem(items));
        if (clause.kind !== "plain" && selectSubqueries.size > 0) throw notImplemented("IN / EXISTS subqueries in the select list of CUBE, ROLLUP or GROUPING SETS");
        const subqueryKeys = groupSubqueries();
        plan =
          clause.kind === "plain"
            ? { kind: "Aggregate", input: plan, groupBy: [...clause.exprs, ...scalarKeys(), ...subqueryKeys], aggs: items, sqlSelect: true }
            : { kind: "Aggregate", input: plan, groupBy: clause.groupBy, aggs: items, sqlSelect: true, groupingAnalytics: clause.analytics };
      }
    }
    if (this.acceptKw("having")) {
      const condition = this.expression();
      // HAVING without GROUP BY makes the query a global aggregate, as in Spark.
      if (!grouped) {
        const subqueryKeys = groupSubqueries();
        plan = { kind: "Aggregate", input: plan, groupBy: [...scalarKeys(), ...subqueryKeys], aggs: items, sqlSelect: true };
      }
      const havingScalars = new Set<string>();
      if (this.scalars.length > 0 && plan.kind === "Aggregate") {
        // HAVING agg > (SELECT …): the subquery's value joined below the aggregate, as a grouping key
        const having = this.scalars;
        for (const sc of having) havingScalars.add(sc.name);
        this.scalars = [];
        let input = plan.input;
        for (const sc of having) input = { kind: "ScalarSubqueryJoin", input, subquery: sc.plan, name: sc.name };
        plan = { ...plan, input, groupBy: [...plan.groupBy, ...having.map((sc): ParsedExpr => ({ kind: "UnresolvedAttribute", nameParts: [sc.name] }))] };
      }
      if (this.subqueries.size > 0) {
        // IN / EXISTS in HAVING: the plain conjuncts filter the groups (they may name aggregates),
        // the subqueries then join the aggregated rows as in WHERE. Aggregates those conjuncts
        // (and IN's values) read become hidden columns of the aggregate, dropped after
        const plain: ParsedExpr[] = [];
        const withSubquery: ParsedExpr[] = [];
        for (const c of conjunctsOf(condition)) (containsMarker(c) ? withSubquery : plain).push(c);
        if (plain.length > 0) plan = { kind: "Filter", input: plan, condition: andAll(plain) };
        const hidden: ParsedExpr[] = [];
        const hoist = (e: ParsedExpr): ParsedExpr =>
          mapAggregateCalls(e, havingScalars, (agg) => {
            const name = `__having_${this.nextSubquery++}`;
            items.push({ kind: "Alias", child: agg, name });
            hidden.push({ kind: "UnresolvedAttribute", nameParts: [name] });
            return { kind: "UnresolvedAttribute", nameParts: [name] };
          });
        const hoisted = withSubquery.map(hoist);
        for (const [id, sub] of this.subqueries) this.subqueries.set(id, { ...sub, values: sub.values.map(hoist) });
        plan = this.whereClause(plan, andAll(hoisted));
        if (hidden.length > 0) plan = { kind: "Drop", input: plan, columns: hidden };
      } else plan = { kind: "Filter", input: plan, condition };
      grouped = true;
    }
    if (this.scalars.length > 0 || this.subqueries.size > 0) throw notImplemented("subqueries in GROUP BY or HAVING");
    if (this.acceptKw("window")) plan = this.windowClause(plan, items);
    // Spark 4.0.1's grammar has no QUALIFY: the word is a table alias, or the query ends before it (PARSE_SYNTAX_ERROR)
    if (!grouped && (selectScalars.length > 0 || selectSubqueries.size > 0) && items.some(hasAggregateCall)) {
      // a global aggregate with a subquery beside it: grouped by the subquery's one value
      const subqueryKeys = groupSubqueries();
      plan = { kind: "Aggregate", input: plan, groupBy: [...scalarKeys(), ...subqueryKeys], aggs: items, sqlSelect: true };
      grouped = true;
    }
    if (selectSubqueries.size > 0) {
      if (grouped) throw notImplemented("IN / EXISTS subqueries in the select list of an aggregate");
      plan = this.projectWithSubqueries(plan, items, selectSubqueries);
    } else if (!grouped) plan = { kind: "Project", input: plan, exprs: items };
    return wrapPartitionHints(distinct ? { kind: "Distinct", input: plan } : plan, hints);
  }

  /**
   * A select list reading IN / EXISTS subqueries: each is an existence column joined to `input`
   * (PredicateSubquery with existenceColumn), the items read them, named as Spark names them
   * (`(k IN (listquery()))`, `exists()`); a `*` item does not see the added columns.
   */
  private projectWithSubqueries(input: ParsedPlan, items: readonly ParsedExpr[], subqueries: Map<number, PendingSubquery>): ParsedPlan {
    let plan = input;
    const names: string[] = [];
    const exprs = items.map((item) => {
      if (!containsMarker(item)) return item;
      const named = item.kind === "Alias" ? item : ({ kind: "Alias", child: item, name: exprPrettySql(subqueryDisplay(item, subqueries)) } as const);
      const r = this.existenceColumns(plan, named, subqueries);
      plan = r.plan;
      names.push(...r.names);
      return r.expr;
    });
    const projected: ParsedPlan = { kind: "Project", input: plan, exprs };
    // only a star sees the added columns; otherwise the projection stays the top (ORDER BY reads below it)
    if (!exprs.some((e) => e.kind === "UnresolvedStar")) return projected;
    return { kind: "Drop", input: projected, columns: names.map((n) => ({ kind: "UnresolvedAttribute", nameParts: [n] })) };
  }

  /** A select item that is a bare scalar subquery gets Spark's name for it, `scalarsubquery()`. */
  private scalarItemName(e: ParsedExpr): ParsedExpr {
    if (e.kind !== "UnresolvedAttribute" || e.nameParts.length !== 1 || !this.scalars.some((s) => s.name === e.nameParts[0])) return e;
    return { kind: "Alias", child: e, name: "scalarsubquery()" };
  }

  /**
   * `WINDOW name AS spec, …` (Spark's windowClause): the named specs replace `OVER name` in the
   * select list and HAVING (sql/window-clause.ts); `items` is the select list the plan holds.
   */
  private windowClause(plan: ParsedPlan, items: ParsedExpr[]): ParsedPlan {
    const defs = new Map<string, SqlWindowSpec>();
    const src = { peek: () => this.peek(), next: () => this.next(), expression: () => this.expression() };
    do {
      const name = this.identifier();
      this.expectKw("as");
      defs.set(name.toLowerCase(), parseWindowSpec(src));
    } while (this.acceptOp(","));
    // the plan built so far holds `items` itself (an Aggregate's aggs): filled in where it is
    items.forEach((e, i) => {
      items[i] = substituteWindowRefs(e, defs);
    });
    return plan.kind === "Filter" ? { ...plan, condition: substituteWindowRefs(plan.condition, defs) } : plan;
  }

  /** A GROUP BY item: `GROUP BY 1` is the first select item (spark.sql.groupByOrdinal). */
  private groupItem(items: readonly ParsedExpr[]): ParsedExpr {
    const start = this.peek().pos;
    const e = this.expression();
    const n = ordinal(e);
    if (n === undefined) return e;
    const item = items[n - 1];
    if (item === undefined || n < 1) throw this.at(new AnalysisException("GROUP_BY_POS_OUT_OF_RANGE", { index: String(n), size: String(items.length) }), start);
    return unalias(item);
  }

  /**
   * `LATERAL VIEW [OUTER] gen(args) tableAlias [AS] col, …`: the generator's rows joined to each
   * input row, which is a projection of all input columns plus the generator (Spark's Generate).
   */
  private lateralView(input: ParsedPlan): ParsedPlan {
    this.expectKw("lateral");
    this.expectKw("view");
    const outer = this.acceptKw("outer");
    const nameTok = this.next();
    if (nameTok.type !== "ident" && nameTok.type !== "quoted") throw syntaxError(nameTok);
    this.expectOp("(");
    const args: ParsedExpr[] = [];
    if (!this.acceptOp(")")) {
      args.push(this.expression());
      while (this.acceptOp(",")) args.push(this.expression());
      this.expectOp(")");
    }
    const name = outer ? `${nameTok.value}_outer` : nameTok.value;
    const gen: ParsedExpr = { kind: "UnresolvedFunction", name, args, isDistinct: false };
    // the table alias (optional in Spark when column aliases follow AS)
    if (!this.peekKw("as") && (this.peek().type === "ident" || this.peek().type === "quoted") && !this.endsExpression(this.peek().value.toLowerCase())) this.next();
    const cols: string[] = [];
    if (this.acceptKw("as") || ((this.peek().type === "ident" || this.peek().type === "quoted") && !this.endsExpression(this.peek().value.toLowerCase()))) {
      cols.push(this.identifier());
      while (this.acceptOp(",")) cols.push(this.identifier());
    }
    const item: ParsedExpr = cols.length === 0 ? gen : cols.length === 1 ? { kind: "Alias", child: gen, name: cols[0]! } : { kind: "Alias", child: gen, name: cols[0]!, names: cols };
    return { kind: "Project", input, exprs: [{ kind: "UnresolvedStar" }, item] };
  }

  /** `FROM a, b JOIN c …`: comma-separated relations are cross joins (inner joins without a condition). */
  private fromClause(): ParsedPlan {
    let plan = this.joinedRelation();
    while (this.acceptOp(",")) {
      if (this.peekKw("lateral")) {
        plan = this.joinedRelation(this.lateralRelation(plan, "inner", () => undefined));
        continue;
      }
      plan = { kind: "Join", left: plan, right: this.joinedRelation(), joinType: "inner" };
    }
    return plan;
  }

  /**
   * A call of a table function registered by name (a Python UDTF, `spark.udtf.register`),
   * resolved at analysis: `f(1, x => 2, TABLE(t) PARTITION BY a ORDER BY b)`; with `lateral`,
   * joined to that relation's rows (`FROM t, LATERAL f(t.a) [AS u(c1, c2)]`).
   */
  private udtfCall(lateral: ParsedPlan | undefined, given?: string): ParsedPlan {
    const udtf = given ?? this.next().value;
    this.expectOp("(");
    const args: ParsedTableFunctionArg[] = [];
    if (!this.acceptOp(")")) {
      do args.push(this.udtfArgument());
      while (this.acceptOp(","));
      this.expectOp(")");
    }
    const call: ParsedPythonUDTF = { kind: "PythonUDTF", udtf, args, ...(lateral === undefined ? {} : { lateral }) };
    if (lateral === undefined) return call;
    // an alias names the function's own columns (the left side keeps its names)
    const t = this.peek();
    let alias: string | undefined;
    if (this.acceptKw("as")) alias = this.identifier();
    else if ((t.type === "ident" && !this.endsExpression(t.value.toLowerCase())) || t.type === "quoted") alias = this.identifier();
    if (alias === undefined) return call;
    const columnAliases = this.peekOp("(") ? this.identifierList() : undefined;
    return { ...call, alias, ...(columnAliases === undefined ? {} : { columnAliases }) };
  }

  /** One argument of a UDTF call: `TABLE(t)` / `TABLE t` / `TABLE(query)` with its partitioning, `name => value`, or a value. */
  private udtfArgument(): ParsedTableFunctionArg {
    const t = this.peek();
    let name: string | undefined;
    if (t.type === "ident" || t.type === "quoted") {
      const save = this.lx.pos;
      this.next();
      if (this.acceptOp("=>")) name = t.value;
      else this.lx.pos = save;
    }
    const named = name === undefined ? {} : { name };
    if (!this.peekKw("table")) return { kind: "expr", expr: this.expression(), ...named };
    this.next();
    let plan: ParsedPlan;
    if (this.acceptOp("(")) {
      plan = this.startsQuery() ? this.query() : this.tableName();
      this.expectOp(")");
    } else plan = this.tableName();
    let partitionBy: ParsedExpr[] = [];
    let orderBy: ParsedExpr[] = [];
    let withSinglePartition = false;
    if (this.acceptKw("with")) {
      this.expectKw("single");
      this.expectKw("partition");
      withSinglePartition = true;
    } else if (this.acceptKw("partition")) {
      this.expectKw("by");
      partitionBy = this.parenthesizedOrList(() => this.expression());
    }
    if (this.acceptKw("order")) {
      this.expectKw("by");
      orderBy = this.parenthesizedOrList(() => this.sortItem());
    }
    return { kind: "table", table: { plan, partitionBy, orderBy, withSinglePartition }, ...named };
  }

  /** `(a, b)` or `a, b` (PARTITION BY and ORDER BY of a TABLE argument take either). */
  private parenthesizedOrList<T>(item: () => T): T[] {
    const out: T[] = [];
    const paren = this.acceptOp("(");
    do out.push(item());
    while (this.acceptOp(","));
    if (paren) this.expectOp(")");
    return out;
  }

  /** After LATERAL: a function call (a UDTF over each row of `left`), else a subquery. */
  private startsLateralCall(): boolean {
    const save = this.lx.pos;
    this.expectKw("lateral");
    const t = this.next();
    const call = (t.type === "ident" || t.type === "quoted") && this.peekOp("(");
    this.lx.pos = save;
    return call;
  }

  /** `LATERAL f(…)` (a UDTF) or `LATERAL (query)` joined to `left`. */
  private lateralRelation(left: ParsedPlan, joinType: JoinType, condition: () => ParsedExpr | undefined): ParsedPlan {
    if (!this.startsLateralCall()) return lateralJoin(left, this.lateralQuery(), joinType, condition());
    this.expectKw("lateral");
    const call = this.udtfCall(left);
    const cond = condition();
    if (joinType !== "inner" && joinType !== "cross") throw notImplemented(`a ${joinType} join with a LATERAL table function`);
    return cond === undefined ? call : { kind: "Filter", input: call, condition: cond };
  }

  /** `LATERAL (query) [alias]`: the subquery, aliased. */
  private lateralQuery(): ParsedPlan {
    this.expectKw("lateral");
    this.expectOp("(");
    const q = this.query();
    this.expectOp(")");
    return this.tableAlias(q, true);
  }

  private joinedRelation(start?: ParsedPlan): ParsedPlan {
    let left = start ?? this.relationPrimary();
    for (;;) {
      left = this.pivoted(left);
      const save = this.lx.pos;
      const natural = this.acceptKw("natural");
      const joinType = this.joinType();
      if (joinType === undefined) {
        if (natural) throw syntaxError(this.peek());
        this.lx.pos = save;
        return left;
      }
      if (!natural && this.peekKw("lateral")) {
        // `JOIN LATERAL (…) [ON cond]`
        left = this.lateralRelation(left, joinType, () => (this.acceptKw("on") ? this.expression() : undefined));
        continue;
      }
      const right = this.relationPrimary();
      if (natural) {
        left = { kind: "Join", left, right, joinType: joinType === "cross" ? "inner" : joinType, natural: true };
        continue;
      }
      if (this.acceptKw("on")) {
        left = this.joinOn(left, right, joinType === "cross" ? "inner" : joinType, this.expression());
      } else if (this.acceptKw("using")) {
        left = { kind: "Join", left, right, joinType: joinType === "cross" ? "inner" : joinType, usingColumns: this.identifierList() };
      } else {
        left = { kind: "Join", left, right, joinType: joinType === "cross" ? "cross" : joinType };
      }
    }
  }

  /**
   * `left JOIN right ON cond`. Subqueries in an inner join's condition: the conjuncts without
   * them stay the join's condition and the rest filter the joined rows (whereClause), which for
   * an inner join is the same predicate, as Spark's optimizer pushes it either way.
   */
  private joinOn(left: ParsedPlan, right: ParsedPlan, joinType: JoinType, condition: ParsedExpr): ParsedPlan {
    if (this.subqueries.size === 0 && this.scalars.length === 0) return { kind: "Join", left, right, joinType, condition };
    if (joinType !== "inner") return this.outerJoinOn(left, right, joinType, condition);
    const scalarNames = new Set(this.scalars.map((s) => s.name));
    const plain: ParsedExpr[] = [];
    const withSubquery: ParsedExpr[] = [];
    for (const c of conjunctsOf(condition)) (containsMarker(c) || readsAny(c, scalarNames) ? withSubquery : plain).push(c);
    const joined: ParsedPlan = { kind: "Join", left, right, joinType, ...(plain.length === 0 ? {} : { condition: andAll(plain) }) };
    return this.whereClause(joined, andAll(withSubquery));
  }

  /**
   * An outer (or semi / anti) join whose ON condition holds subqueries: each subquery reads one
   * input's columns, so it becomes a column of that input (an existence column for IN / EXISTS,
   * a joined scalar for a scalar subquery) which the join condition reads in its place, and
   * the columns are dropped after the join. The condition stays the join's, so unmatched rows
   * are kept as an outer join keeps them (Spark's RewritePredicateSubquery on a Join's condition).
   */
  private outerJoinOn(left: ParsedPlan, right: ParsedPlan, joinType: JoinType, condition: ParsedExpr): ParsedPlan {
    // IN values of unqualified columns name no side: the join is built with them on the left,
    // and again on the right for the analyzer to take when the left's do not resolve
    const subqueries = new Map(this.subqueries);
    const scalars = [...this.scalars];
    const next = this.nextSubquery;
    const unknown = { seen: false };
    const first = this.outerJoinOnSides(left, right, joinType, condition, "left", unknown);
    if (!unknown.seen || first.kind !== "Drop" || first.input.kind !== "Join") return first;
    this.subqueries.clear();
    for (const [k, v] of subqueries) this.subqueries.set(k, v);
    this.scalars = scalars;
    this.nextSubquery = next;
    const second = this.outerJoinOnSides(left, right, joinType, condition, "right", unknown);
    if (second.kind !== "Drop" || second.input.kind !== "Join") return first;
    return { ...first, input: { ...first.input, orElse: second.input } };
  }

  private outerJoinOnSides(left: ParsedPlan, right: ParsedPlan, joinType: JoinType, condition: ParsedExpr, unqualifiedSide: "left" | "right", unknown: { seen: boolean }): ParsedPlan {
    const names = { left: relationNames(left), right: relationNames(right) };
    const sides = { left, right };
    const added: string[] = [];
    const sideOf = (values: readonly ParsedExpr[], plan: ParsedPlan): "left" | "right" => {
      const side = subquerySide(values, plan, names.left, names.right);
      // Spark's CheckAnalysis: a join condition's subquery may read one join input only
      if (side === "both") throw new AnalysisException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_EXPRESSION_IN_JOIN_CONDITION", { subqueryExpression: "" });
      if (side === "unknown") {
        unknown.seen = true;
        return unqualifiedSide;
      }
      // an uncorrelated subquery is the same for every row: the preserved side evaluates it once per row
      return side === "none" ? (joinType === "right" ? "right" : "left") : side;
    };
    const cond = mapMarkers(condition, (id, notAbove) => {
      const sub = this.subqueries.get(id);
      if (sub === undefined) return undefined;
      this.subqueries.delete(id);
      const name = `__exists_${this.nextSubquery++}`;
      added.push(name);
      const not = sub.negated !== notAbove;
      const side = sideOf(sub.values, sub.plan);
      sides[side] = { kind: "PredicateSubquery", input: sides[side], subquery: sub.plan, values: sub.values, negated: not && sub.values.length > 0, existenceColumn: name };
      const ref: ParsedExpr = { kind: "UnresolvedAttribute", nameParts: [name] };
      return not ? { kind: "UnresolvedFunction", name: "not", args: [ref], isDistinct: false } : ref;
    });
    for (const sc of this.scalars) {
      // Spark's CheckAnalysis: a correlated scalar subquery may stand in filters, aggregates and projections, not a join's condition
      if (subquerySide([], sc.plan, names.left, names.right) !== "none") {
        throw new AnalysisException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY", { treeNode: "" });
      }
      const side = sideOf([], sc.plan);
      sides[side] = { kind: "ScalarSubqueryJoin", input: sides[side], subquery: sc.plan, name: sc.name };
      added.push(sc.name);
    }
    this.scalars = [];
    const joined: ParsedPlan = { kind: "Join", left: sides.left, right: sides.right, joinType, condition: cond };
    // a semi / anti join outputs the left side only: its added columns are dropped the same way
    return { kind: "Drop", input: joined, columns: added.map((n) => ({ kind: "UnresolvedAttribute", nameParts: [n] })) };
  }

  /** `PIVOT (…)` / `UNPIVOT (…) [alias]` after a relation (Spark's relationExtension), any number of them. */
  private pivoted(input: ParsedPlan): ParsedPlan {
    let plan = input;
    for (;;) {
      if (this.acceptKw("pivot")) plan = parsePivot(this.source(), plan);
      else if (this.acceptKw("unpivot")) plan = this.tableAlias(parseUnpivot(this.source(), plan), true);
      else return plan;
    }
  }

  /** `TABLESAMPLE (…)` after a table or subquery, before its alias (Spark's relationPrimary `sample?`). */
  private sampled(rel: ParsedPlan): ParsedPlan {
    if (!this.peekKw("tablesample")) return rel;
    const start = this.next().pos;
    return parseTableSample(this.source(), rel, start);
  }

  /** The join keyword sequence at the cursor (consumed through `JOIN`), else undefined. */
  private joinType(): JoinType | undefined {
    if (this.acceptKw("join")) return "inner";
    const save = this.lx.pos;
    let jt: JoinType | undefined;
    if (this.acceptKw("inner")) jt = "inner";
    else if (this.acceptKw("cross")) jt = "cross";
    else if (this.acceptKw("left")) {
      if (this.acceptKw("semi")) jt = "left_semi";
      else if (this.acceptKw("anti")) jt = "left_anti";
      else {
        this.acceptKw("outer");
        jt = "left";
      }
    } else if (this.acceptKw("right")) {
      this.acceptKw("outer");
      jt = "right";
    } else if (this.acceptKw("full")) {
      this.acceptKw("outer");
      jt = "full";
    } else if (this.acceptKw("semi")) jt = "left_semi";
    else if (this.acceptKw("anti")) jt = "left_anti";
    if (jt === undefined || !this.acceptKw("join")) {
      this.lx.pos = save;
      return undefined;
    }
    return jt;
  }

  /** A table, a subquery or VALUES in FROM, with an optional alias and column aliases. */
  private relationPrimary(): ParsedPlan {
    if (this.peekOp("(")) {
      this.next();
      let inner: ParsedPlan;
      if (this.startsQuery()) {
        inner = this.query();
        this.expectOp(")");
        return this.tableAlias(this.sampled(inner), false);
      }
      inner = this.fromClause();
      this.expectOp(")");
      return this.tableAlias(inner, true);
    }
    if (this.acceptKw("values")) return this.tableAlias(this.inlineTable(), false);
    if (this.peekKw("lateral")) throw syntaxError(this.peek()); // a LATERAL subquery needs a relation on its left
    const t = this.peek();
    if (t.type !== "ident" && t.type !== "quoted") throw syntaxError(t);
    const save = this.lx.pos;
    this.next();
    if (this.peekOp("(") && !(t.type === "ident" && t.value.toLowerCase() === "identifier")) {
      this.lx.pos = save;
      return this.tableAlias(this.tableValuedFunction(), false);
    }
    this.lx.pos = save;
    return this.tableName();
  }

  /**
   * `db.t` / `t` / a CTE / a `{df}` reference / `IDENTIFIER('t')`, with its alias; ``fmt.`path` ``
   * (a file format's name, then a backquoted path) reads the files directly, as Spark's
   * ResolveSQLOnFile does (spark.sql.runSQLOnFiles).
   */
  private tableName(): ParsedPlan {
    const start = this.peek().pos;
    const origin = this.origin(start);
    if (this.peekKw("identifier")) {
      const save = this.lx.pos;
      this.next();
      if (this.peekOp("(")) {
        const nameParts = this.identifierClause();
        // `IDENTIFIER('range')(1, 3)`: the clause names a table-valued function (Spark's functionTable)
        if (nameParts.length === 1 && this.peekOp("(")) return this.tableAlias(this.tableValuedFunction(nameParts[0]!, start), true);
        return this.tableAlias({ kind: "UnresolvedRelation", nameParts, origin }, true);
      }
      this.lx.pos = save;
    }
    const parts = [this.identifier()];
    let pathQuoted = false;
    while (this.acceptOp(".")) {
      pathQuoted = this.peek().type === "quoted";
      parts.push(this.identifier());
    }
    if (parts.length === 2 && pathQuoted && isFileFormat(parts[0]!)) {
      return this.tableAlias({ kind: "DataSource", format: parts[0]!.toLowerCase(), paths: [parts[1]!], options: [] }, true);
    }
    let rel: ParsedPlan | undefined;
    if (parts.length === 1) {
      const key = parts[0]!.toLowerCase();
      for (let i = this.ctes.length - 1; i >= 0 && rel === undefined; i--) rel = this.ctes[i]!.get(key);
      if (rel === undefined) {
        const ref = this.refs.get(parts[0]!);
        if (ref !== undefined) rel = { kind: "SubqueryAlias", input: ref, alias: parts[0]! };
      }
    }
    return this.tableAlias(this.sampled(rel ?? { kind: "UnresolvedRelation", nameParts: parts, origin }), true);
  }

  /** `[AS] alias [(c1, c2)]` after a relation; a subquery keeps its own names when unaliased. */
  private tableAlias(rel: ParsedPlan, optional: boolean): ParsedPlan {
    void optional;
    const t = this.peek();
    let alias: string | undefined;
    if (this.acceptKw("as")) alias = this.identifier();
    else if ((t.type === "ident" && !this.endsExpression(t.value.toLowerCase())) || t.type === "quoted") alias = this.identifier();
    if (alias === undefined) return rel;
    const cols = this.peekOp("(") ? this.identifierList() : undefined;
    const renamed: ParsedPlan = cols === undefined ? rel : { kind: "ToDF", input: rel, names: cols };
    return { kind: "SubqueryAlias", input: renamed, alias };
  }

  /** `VALUES (1, 'a'), (2, 'b')`: a union of one-row projections, columns named col1, col2, … as Spark's inline tables. */
  private inlineTable(): ParsedPlan {
    const rows: ParsedExpr[][] = [];
    do {
      if (this.peekOp("(")) {
        this.next();
        const row = [this.expression()];
        while (this.acceptOp(",")) row.push(this.expression());
        this.expectOp(")");
        rows.push(row);
      } else rows.push([this.expression()]);
    } while (this.acceptOp(","));
    const width = rows[0]!.length;
    if (rows.some((r) => r.length !== width)) throw new ParseException("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", { expectedNumCols: String(width), actualNumCols: String(rows.find((r) => r.length !== width)!.length), rowIndex: String(rows.findIndex((r) => r.length !== width)) });
    const projects: ParsedPlan[] = rows.map((r) => ({ kind: "Project", input: oneRow(), exprs: r.map((e, i) => ({ kind: "Alias", child: e, name: `col${i + 1}` })) }));
    return projects.length === 1 ? projects[0]! : { kind: "Union", inputs: projects, byName: false, allowMissingColumns: false };
  }

  /** `range(end)`, `range(start, end[, step[, numPartitions]])`; other table-valued functions are not there yet. */
  private tableValuedFunction(given?: string, givenPos?: number): ParsedPlan {
    const nameTok = given === undefined ? this.next() : { value: given, pos: givenPos ?? 0 };
    const name = nameTok.value.toLowerCase();
    // any other name is a registered Python UDTF (its arguments may be TABLE(...) or named)
    if (name !== "range" && !GENERATOR_TVFS.has(name)) return this.udtfCall(undefined, nameTok.value);
    this.expectOp("(");
    const args: ParsedExpr[] = this.acceptOp(")") ? [] : this.callArguments(name, nameTok.pos);
    if (GENERATOR_TVFS.has(name)) {
      // a generator in FROM: its rows over one input row (Spark's generator table functions)
      return { kind: "Project", input: oneRow(), exprs: [{ kind: "UnresolvedFunction", name, args, isDistinct: false }] };
    }
    const ints = args.map((a) => {
      const v = a.kind === "Literal" ? a.value : undefined;
      if (typeof v === "number" && Number.isInteger(v)) return v;
      if (typeof v === "bigint") return v;
      throw notImplemented("range() with arguments that are not integer literals");
    });
    if (ints.length < 1 || ints.length > 4) throw notImplemented(`range() with ${ints.length} arguments`);
    const [a, b, step = 1, parts] = ints;
    const range: ParsedPlan =
      ints.length === 1
        ? { kind: "Range", start: 0, end: a!, step: 1 }
        : { kind: "Range", start: a!, end: b!, step, ...(parts === undefined ? {} : { numPartitions: Number(parts) }) };
    return range;
  }
}

/**
 * A LATERAL subquery joined to `left`. One without FROM computes columns of each left row: a
 * projection of the left side (an inner join's ON condition a filter above it). One over
 * relations of its own is a lateral join, decorrelated at analysis when it names left columns
 * (plan/analyzer/rules/lateral-join.ts).
 */
function lateralJoin(left: ParsedPlan, lateral: ParsedPlan, joinType: JoinType, condition: ParsedExpr | undefined): ParsedPlan {
  const body = lateral.kind === "SubqueryAlias" ? lateral.input : lateral;
  const fromLess = body.kind === "Project" && body.input.kind === "Project" && body.input.exprs.length === 0 && body.input.input.kind === "Range";
  if (fromLess && (joinType === "inner" || joinType === "cross" || (joinType === "left" && condition === undefined))) {
    const projected: ParsedPlan = { kind: "Project", input: left, exprs: [{ kind: "UnresolvedStar" }, ...body.exprs] };
    return condition === undefined ? projected : { kind: "Filter", input: projected, condition };
  }
  return { kind: "Join", left, right: lateral, joinType, ...(condition === undefined ? {} : { condition }), lateral: true };
}

/** Generators that may stand in FROM as table-valued functions (Spark's TableFunctionRegistry). */
const GENERATOR_TVFS: ReadonlySet<string> = new Set(["explode", "explode_outer", "inline", "inline_outer", "posexplode", "posexplode_outer", "json_tuple", "stack"]);

/** Whether an expression calls an aggregate function (a registry lookup by name, as Spark's parser leaves it to analysis). */
function hasAggregateCall(e: ParsedExpr): boolean {
  if (e.kind === "UnresolvedFunction") return lookupFunction(e.name)?.kind === "agg" || e.args.some(hasAggregateCall);
  if (e.kind === "Alias" || e.kind === "Cast") return hasAggregateCall(e.child);
  if (e.kind === "CaseWhen") return e.branches.some(([c, v]) => hasAggregateCall(c) || hasAggregateCall(v)) || (e.elseValue !== undefined && hasAggregateCall(e.elseValue));
  return false;
}

/** A predicate subquery met in a condition, until it becomes a join. */
interface PendingSubquery {
  readonly plan: ParsedPlan;
  /** IN's values (empty for EXISTS). */
  readonly values: readonly ParsedExpr[];
  /** Written `v NOT IN (q)`. */
  readonly negated: boolean;
}

/**
 * `e` with each subquery placeholder replaced by `f(id, notAbove)`; with `notAbove` the
 * placeholder stands right under a NOT, and f's result replaces the NOT too. f's undefined
 * keeps the placeholder.
 */
function mapMarkers(e: ParsedExpr, f: (id: number, notAbove: boolean) => ParsedExpr | undefined): ParsedExpr {
  const m = (x: ParsedExpr): ParsedExpr => mapMarkers(x, f);
  switch (e.kind) {
    case "UnresolvedFunction": {
      const id = markerId(e);
      if (id !== undefined) return f(id, false) ?? e;
      const inner = e.name === "not" && e.args.length === 1 ? markerId(e.args[0]!) : undefined;
      if (inner !== undefined) {
        const r = f(inner, true);
        if (r !== undefined) return r;
      }
      return { ...e, args: e.args.map(m), ...(e.filter === undefined ? {} : { filter: m(e.filter) }) };
    }
    case "Alias":
    case "Cast":
    case "SortOrder":
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
    case "SubqueryExpression":
      return e;
    case "OuterReference":
      return { ...e, child: m(e.child) };
    default:
      return assertNever(e);
  }
}

/**
 * `e` as Spark prints it in a column name, its subqueries as `(v IN (listquery()))` and
 * `exists()` (Spark lists a correlated EXISTS's outer columns in the parentheses; here they are
 * left out).
 */
function subqueryDisplay(e: ParsedExpr, subqueries: ReadonlyMap<number, PendingSubquery>): ParsedExpr {
  const fn = (name: string, args: readonly ParsedExpr[]): ParsedExpr => ({ kind: "UnresolvedFunction", name, args, isDistinct: false });
  return mapMarkers(e, (id, notAbove) => {
    const sub = subqueries.get(id);
    if (sub === undefined) return undefined;
    const value = sub.values.length === 1 ? sub.values[0]! : fn("named_struct", sub.values.flatMap((v) => [{ kind: "Literal", value: exprPrettySql(v), dataType: StringType } as const, v]));
    const shown = sub.values.length === 0 ? fn("exists", []) : fn("in", [value, fn("listquery", [])]);
    return sub.negated !== notAbove ? fn("not", [shown]) : shown;
  });
}

/** The function name of a predicate-subquery placeholder (never reaches the analyzer). */
const SUBQUERY_MARKER = "\u0000subquery";

function markerId(e: ParsedExpr): number | undefined {
  if (e.kind !== "UnresolvedFunction" || e.name !== SUBQUERY_MARKER) return undefined;
  const a = e.args[0];
  return a?.kind === "Literal" && typeof a.value === "number" ? a.value : undefined;
}

function containsMarker(e: ParsedExpr): boolean {
  if (markerId(e) !== undefined) return true;
  if (e.kind === "UnresolvedFunction") return e.args.some(containsMarker);
  if (e.kind === "Alias" || e.kind === "Cast") return containsMarker(e.child);
  if (e.kind === "CaseWhen") return e.branches.some(([c, v]) => containsMarker(c) || containsMarker(v)) || (e.elseValue !== undefined && containsMarker(e.elseValue));
  return false;
}

/** The select list of a plan the query parser built (for ordinals). */
function selectItems(p: ParsedPlan): readonly ParsedExpr[] | undefined {
  if (p.kind === "Project") return p.exprs;
  if (p.kind === "Aggregate") return p.aggs;
  if (p.kind === "Distinct" || (p.kind === "Filter" && p.input.kind === "Aggregate")) return selectItems(p.input);
  return undefined;
}

function conjunctsOf(e: ParsedExpr): ParsedExpr[] {
  if (e.kind === "UnresolvedFunction" && e.name === "and" && e.args.length === 2) return [...conjunctsOf(e.args[0]!), ...conjunctsOf(e.args[1]!)];
  return [e];
}

function andAll(es: readonly ParsedExpr[]): ParsedExpr {
  return es.reduce((a, b) => ({ kind: "UnresolvedFunction", name: "and", args: [a, b], isDistinct: false }));
}

/** Whether `e` reads one of the one-part column `names` (the columns scalar subqueries stand for). */
function readsAny(e: ParsedExpr, names: ReadonlySet<string>): boolean {
  if (e.kind === "UnresolvedAttribute") return e.nameParts.length === 1 && names.has(e.nameParts[0]!);
  if (e.kind === "UnresolvedFunction") return e.args.some((a) => readsAny(a, names));
  if (e.kind === "Alias" || e.kind === "Cast") return readsAny(e.child, names);
  if (e.kind === "CaseWhen") return e.branches.some(([c, v]) => readsAny(c, names) || readsAny(v, names)) || (e.elseValue !== undefined && readsAny(e.elseValue, names));
  return false;
}

/** `e` with each aggregate call (outside window expressions) and each column of `names` replaced by `f(e)`. */
function mapAggregateCalls(e: ParsedExpr, names: ReadonlySet<string>, f: (call: ParsedExpr) => ParsedExpr): ParsedExpr {
  const m = (x: ParsedExpr): ParsedExpr => mapAggregateCalls(x, names, f);
  switch (e.kind) {
    case "UnresolvedAttribute":
      return e.nameParts.length === 1 && names.has(e.nameParts[0]!) ? f(e) : e;
    case "UnresolvedFunction":
      if (markerId(e) === undefined && lookupFunction(e.name)?.kind === "agg") return f(e);
      return { ...e, args: e.args.map(m) };
    case "Alias":
    case "Cast":
    case "SortOrder":
      return { ...e, child: m(e.child) };
    case "CaseWhen":
      return { ...e, branches: e.branches.map(([c, v]) => [m(c), m(v)] as const), ...(e.elseValue === undefined ? {} : { elseValue: m(e.elseValue) }) };
    default:
      return e;
  }
}
