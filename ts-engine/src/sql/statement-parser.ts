import { ParseException } from "../errors/spark-exception.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { syntaxError } from "./lexer.js";
import type { ParserOptions } from "./parameters.js";
import { TableStatementParser } from "./table-statement-parser.js";
import type { ExplainStatement, SqlStatement } from "./statement.js";

const EXPLAIN_MODES: Readonly<Record<string, ExplainStatement["mode"]>> = {
  extended: "extended",
  formatted: "formatted",
  cost: "cost",
  codegen: "codegen",
};

/**
 * Statements of Spark SQL: queries, and the commands `spark.sql` runs eagerly (views, SHOW,
 * SET/RESET, EXPLAIN). One parser: statements extend the query parser, which extends the
 * expression parser used by expr()/selectExpr/filter().
 */
export class StatementParser extends TableStatementParser {
  constructor(
    private readonly text: string,
    opts: ParserOptions & { readonly refs?: ReadonlyMap<string, ParsedPlan> } = {},
  ) {
    super(text, opts);
  }

  /** One statement (a trailing `;` allowed), then end of input. */
  parseStatementToEnd(): SqlStatement {
    const s = this.statement();
    this.acceptOp(";");
    this.expectEnd();
    return s;
  }

  /** A table name (`t`, `db.t`, `` `a.b` ``), then end of input: `spark.table`'s argument. */
  parseMultipartNameToEnd(): string[] {
    const parts = this.multipartName();
    this.expectEnd();
    return parts;
  }

  private statement(): SqlStatement {
    if (this.startsQuery() || (this.peek().type === "op" && this.peek().value === "(")) return { kind: "Query", plan: this.query() };
    const t = this.peek();
    if (t.type !== "ident") throw syntaxError(t);
    switch (t.value.toLowerCase()) {
      case "create":
        this.next();
        return this.createView();
      case "insert":
        this.next();
        return this.insert();
      case "alter":
        this.next();
        return this.alterTable();
      case "truncate":
        this.next();
        return this.truncate();
      case "replace":
        this.next();
        return this.createTable(true, true);
      case "refresh": {
        this.next();
        if (this.peek().type === "string") throw new ParseException("NOT_IMPLEMENTED", { feature: "REFRESH path" });
        this.acceptKw("table");
        return { kind: "RefreshTable", nameParts: this.multipartName() };
      }
      case "add":
      case "list": {
        this.next();
        const r = this.next();
        const word = r.type === "ident" ? r.value.toLowerCase().replace(/s$/, "") : "";
        if (word !== "file" && word !== "jar" && word !== "archive") throw syntaxError(r);
        // paths are raw text up to the end, as Spark's ADD/LIST resource statements read them
        const paths = this.restOfText().trim().replace(/;\s*$/, "").split(/\s+/).filter((p) => p !== "").map((p) => p.replace(/^(['"])(.*)\1$/, "$2"));
        return t.value.toLowerCase() === "add" ? { kind: "AddResource", resource: word, paths } : { kind: "ListResources", resource: word, paths };
      }
      case "use":
        this.next();
        if (!this.acceptKw("database") && !this.acceptKw("schema")) this.acceptKw("namespace");
        return { kind: "Use", database: this.identifier() };
      case "describe":
      case "desc":
        this.next();
        return this.describe();
      case "cache": {
        this.next();
        const lazy = this.acceptKw("lazy");
        this.expectKw("table");
        const nameParts = this.multipartName();
        if (this.acceptKw("as") || this.startsQuery()) return { kind: "CacheTable", nameParts, lazy, plan: this.query() };
        return { kind: "CacheTable", nameParts, lazy };
      }
      case "uncache": {
        this.next();
        this.expectKw("table");
        const ifExists = this.acceptKw("if") ? (this.expectKw("exists"), true) : false;
        return { kind: "UncacheTable", nameParts: this.multipartName(), ifExists };
      }
      case "clear":
        this.next();
        this.expectKw("cache");
        return { kind: "ClearCache" };
      case "drop": {
        this.next();
        if (this.acceptKw("database") || this.acceptKw("schema") || this.acceptKw("namespace")) {
          const ifExists = this.acceptKw("if") ? (this.expectKw("exists"), true) : false;
          const database = this.identifier();
          const cascade = !this.acceptKw("restrict") && this.acceptKw("cascade");
          return { kind: "DropDatabase", database, ifExists, ...(cascade ? { cascade } : {}) };
        }
        const isView = this.acceptKw("view");
        if (!isView) this.expectKw("table");
        const ifExists = this.acceptKw("if") ? (this.expectKw("exists"), true) : false;
        return { kind: "DropView", nameParts: this.multipartName(), ifExists, isView };
      }
      case "show":
        this.next();
        return this.show();
      case "set":
        this.next();
        return this.set();
      case "reset": {
        this.next();
        const rest = this.restOfText().trim();
        return rest === "" ? { kind: "Reset" } : { kind: "Reset", key: unquoteKey(rest) };
      }
      case "explain": {
        this.next();
        const w = this.peek();
        const mode = w.type === "ident" ? EXPLAIN_MODES[w.value.toLowerCase()] : undefined;
        if (mode !== undefined) this.next();
        return { kind: "Explain", mode: mode ?? "simple", plan: this.query() };
      }
      default:
        throw syntaxError(t);
    }
  }

  private createView(): SqlStatement {
    let replace = false;
    if (this.acceptKw("or")) {
      this.expectKw("replace");
      replace = true;
    }
    if (this.acceptKw("database") || this.acceptKw("schema") || this.acceptKw("namespace")) {
      let ifNotExists = false;
      if (this.acceptKw("if")) {
        this.expectKw("not");
        this.expectKw("exists");
        ifNotExists = true;
      }
      const database = this.identifier();
      // COMMENT / LOCATION / WITH DBPROPERTIES are not kept (databases live in memory for now).
      this.restOfText();
      return { kind: "CreateDatabase", database, ifNotExists };
    }
    const w = this.peek();
    if (w.type === "ident" && (w.value.toLowerCase() === "table" || w.value.toLowerCase() === "external")) return this.createTable(replace);
    const save = this.lx.pos;
    const tempFn = this.acceptKw("temporary") || this.acceptKw("temp");
    if (this.acceptKw("function")) {
      if (this.acceptKw("if")) {
        this.expectKw("not");
        this.expectKw("exists");
      }
      const nameParts = this.multipartName();
      this.expectKw("as");
      const cls = this.next();
      if (cls.type !== "string") throw syntaxError(cls);
      this.restOfText(); // USING JAR|FILE|ARCHIVE …
      return { kind: "CreateFunction", nameParts, className: cls.value, temporary: tempFn };
    }
    this.lx.pos = save;
    const global = this.acceptKw("global");
    const temporary = this.acceptKw("temporary") || this.acceptKw("temp");
    if (global && !temporary) throw syntaxError(this.peek());
    const t = this.peek();
    if (!this.acceptKw("view")) {
      if (t.type === "ident" && ["table", "database", "schema", "namespace", "function"].includes(t.value.toLowerCase())) {
        throw new ParseException("NOT_IMPLEMENTED", { feature: `CREATE ${t.value.toUpperCase()}` });
      }
      throw syntaxError(t);
    }
    let ifNotExists = false;
    if (this.acceptKw("if")) {
      this.expectKw("not");
      this.expectKw("exists");
      ifNotExists = true;
    }
    const nameParts = this.multipartName();
    const columns: string[] = [];
    const columnComments: [string, string][] = [];
    if (this.acceptOp("(")) {
      do {
        const c = this.identifier();
        columns.push(c);
        if (this.acceptKw("comment")) columnComments.push([c.toLowerCase(), this.stringValue()]);
      } while (this.acceptOp(","));
      this.expectOp(")");
    }
    let comment: string | undefined;
    let properties: [string, string][] | undefined;
    for (;;) {
      if (this.acceptKw("comment")) comment = this.stringValue();
      else if (this.acceptKw("tblproperties")) properties = this.propertyList();
      else break;
    }
    this.expectKw("as");
    const { plan, text } = this.queryWithText();
    return {
      kind: "CreateView",
      nameParts,
      plan,
      text,
      temporary,
      global,
      replace,
      ifNotExists,
      ...(columns.length === 0 ? {} : { columns }),
      ...(columnComments.length === 0 ? {} : { columnComments }),
      ...(comment === undefined ? {} : { comment }),
      ...(properties === undefined ? {} : { properties }),
    };
  }

  private stringValue(): string {
    const t = this.next();
    if (t.type !== "string") throw syntaxError(t);
    return t.value;
  }

  private likePattern(): string | undefined {
    this.acceptKw("like");
    return this.peek().type === "string" ? this.next().value : undefined;
  }

  private describe(): SqlStatement {
    if (this.acceptKw("function")) {
      this.acceptKw("extended");
      const t = this.next();
      if (t.type !== "ident" && t.type !== "quoted" && t.type !== "string") throw syntaxError(t);
      return { kind: "DescribeFunction", name: t.value };
    }
    // `DESCRIBE TABLE t` describes the table (not the query `TABLE t`)
    const table = this.acceptKw("table");
    if (!table && (this.acceptKw("query") || this.startsQuery())) return { kind: "DescribeQuery", plan: this.query() };
    const extended = this.acceptKw("extended") || this.acceptKw("formatted");
    return { kind: "DescribeRelation", nameParts: this.multipartName(), ...(extended ? { extended } : {}) };
  }

  private show(): SqlStatement {
    const t = this.next();
    const w = t.type === "ident" ? t.value.toLowerCase() : "";
    if (w === "databases" || w === "schemas" || w === "namespaces") {
      const pattern = this.likePattern();
      return pattern === undefined ? { kind: "ShowDatabases" } : { kind: "ShowDatabases", pattern };
    }
    if (w === "user" || w === "system" || w === "all" || w === "functions") {
      if (w !== "functions") this.expectKw("functions");
      const pattern = this.likePattern();
      return pattern === undefined ? { kind: "ShowFunctions" } : { kind: "ShowFunctions", pattern };
    }
    if (w === "create") return this.showCreateTable();
    if (w === "tblproperties") return this.showTblProperties();
    if (w === "partitions") return this.showPartitions();
    if (w === "columns") {
      if (!this.acceptKw("from")) this.expectKw("in");
      const nameParts = this.multipartName();
      if (this.acceptKw("from") || this.acceptKw("in")) return { kind: "ShowColumns", nameParts: [this.identifier(), ...nameParts] };
      return { kind: "ShowColumns", nameParts };
    }
    if (w !== "tables" && w !== "views") throw new ParseException("NOT_IMPLEMENTED", { feature: `SHOW ${t.text.toUpperCase()}` });
    let database: string | undefined;
    if (this.acceptKw("from") || this.acceptKw("in")) database = this.identifier();
    this.acceptKw("like");
    const p = this.peek();
    let pattern: string | undefined;
    if (p.type === "string") pattern = this.next().value;
    return { kind: "ShowTables", viewsOnly: w === "views", ...(database === undefined ? {} : { database }), ...(pattern === undefined ? {} : { pattern }) };
  }

  /** SET's argument is raw text, as Spark reads it: `key=value`, keys and values may be backquoted. */
  private set(): SqlStatement {
    const rest = this.restOfText().trim().replace(/;\s*$/, "");
    if (rest === "") return { kind: "Set", verbose: false };
    if (rest === "-v") return { kind: "Set", verbose: true };
    const eq = findAssign(rest);
    if (eq < 0) return { kind: "Set", key: unquoteKey(rest), verbose: false };
    const key = unquoteKey(rest.slice(0, eq).trim());
    const value = unquoteKey(rest.slice(eq + 1).trim());
    if (key === "") throw new ParseException("INVALID_SET_SYNTAX", {});
    return { kind: "Set", key, value, verbose: false };
  }

  /** The rest of the statement's text, consumed. */
  private restOfText(): string {
    const start = this.lx.pos;
    this.lx.pos = this.text.length;
    return this.text.slice(start);
  }
}

/** The `=` of `SET key=value` outside backquotes, or -1. */
function findAssign(s: string): number {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "`") quoted = !quoted;
    else if (s[i] === "=" && !quoted) return i;
  }
  return -1;
}

function unquoteKey(s: string): string {
  return s.length >= 2 && s.startsWith("`") && s.endsWith("`") ? s.slice(1, -1).replace(/``/g, "`") : s;
}
