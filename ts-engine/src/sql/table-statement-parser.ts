import { ParseException } from "../errors/spark-exception.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { structField } from "../types/data-type.js";
import { parseDataType } from "../types/ddl.js";
import { syntaxError } from "./lexer.js";
import type { ParserOptions } from "./parameters.js";
import { QueryParser } from "./query-parser.js";
import type { AlterTableStatement, ColumnDefinition, CreateTableStatement, InsertIntoStatement, SqlStatement } from "./statement.js";

type PartitionSpec = (readonly [string, ParsedExpr | undefined])[];

/**
 * The table statements of Spark SQL (its data source DDL and DML): CREATE / REPLACE TABLE,
 * INSERT INTO / OVERWRITE, ALTER TABLE, SHOW CREATE TABLE / TBLPROPERTIES, TRUNCATE, REFRESH.
 * Between the query parser and the statement parser, so the clauses reuse queries,
 * expressions and names.
 */
export class TableStatementParser extends QueryParser {
  constructor(sql: string, opts: ParserOptions & { readonly refs?: ReadonlyMap<string, ParsedPlan> } = {}) {
    super(sql, opts);
  }

  /** `a`, `db.a`, `` `x y`.z ``. */
  protected multipartName(): string[] {
    const parts = [this.identifier()];
    while (this.acceptOp(".")) parts.push(this.identifier());
    return parts;
  }

  private peekOpIs(op: string): boolean {
    const t = this.peek();
    return t.type === "op" && t.value === op;
  }

  private stringLit(): string {
    const t = this.next();
    if (t.type !== "string") throw syntaxError(t);
    return t.value;
  }

  private ifNotExists(): boolean {
    if (!this.acceptKw("if")) return false;
    this.expectKw("not");
    this.expectKw("exists");
    return true;
  }

  /** A property key: dotted identifiers (`a.b.c`) or a string. */
  private propertyKey(): string {
    if (this.peek().type === "string") return this.next().value;
    const parts = [this.identifier()];
    while (this.acceptOp(".")) parts.push(this.identifier());
    return parts.join(".");
  }

  /** A property value: a string, number, boolean or bare word, as text. */
  private propertyValue(): string {
    const t = this.next();
    if (t.type === "string" || t.type === "ident" || t.type === "quoted") return t.value;
    if (t.type === "number") return t.text;
    if (t.type === "op" && t.value === "-" && this.peek().type === "number") return `-${this.next().text}`;
    throw syntaxError(t);
  }

  /** `(k = v, k2 v2, …)`: OPTIONS and TBLPROPERTIES. */
  protected propertyList(withValues = true): [string, string][] {
    this.expectOp("(");
    const out: [string, string][] = [];
    do {
      const k = this.propertyKey();
      if (!withValues) {
        out.push([k, ""]);
        continue;
      }
      this.acceptOp("=");
      out.push([k, this.propertyValue()]);
    } while (this.acceptOp(","));
    this.expectOp(")");
    return out;
  }

  /** `name type [NOT NULL] [COMMENT '…']`. */
  private columnDefinition(): ColumnDefinition {
    const name = this.identifier();
    const dataType = parseDataType(this.lx.readTypeText());
    let nullable = true;
    let comment: string | undefined;
    for (;;) {
      if (this.acceptKw("not")) {
        this.expectKw("null");
        nullable = false;
      } else if (this.acceptKw("comment")) comment = this.stringLit();
      else break;
    }
    return { field: structField(name, dataType, nullable), ...(comment === undefined ? {} : { comment }) };
  }

  private columnDefinitions(): ColumnDefinition[] {
    this.expectOp("(");
    const cols = [this.columnDefinition()];
    while (this.acceptOp(",")) cols.push(this.columnDefinition());
    this.expectOp(")");
    return cols;
  }

  /** `PARTITION (k = v, k2)`: static values and dynamic names. */
  protected partitionSpec(): PartitionSpec {
    if (!this.acceptKw("partition")) return [];
    this.expectOp("(");
    const spec: PartitionSpec = [];
    do {
      const k = this.identifier();
      spec.push([k, this.acceptOp("=") ? this.expression() : undefined]);
    } while (this.acceptOp(","));
    this.expectOp(")");
    return spec;
  }

  /** After `CREATE [OR REPLACE]` / `REPLACE`: the rest of a CREATE TABLE statement. */
  protected createTable(replace: boolean, replaceOnly = false): SqlStatement {
    this.acceptKw("external"); // a table with LOCATION is external either way
    this.expectKw("table");
    const ifNotExists = this.ifNotExists();
    const nameParts = this.multipartName();
    if (this.acceptKw("like")) {
      const like = this.multipartName();
      let provider: string | undefined;
      let location: string | undefined;
      for (;;) {
        if (this.acceptKw("using")) provider = this.identifier();
        else if (this.acceptKw("location")) location = this.stringLit();
        else break;
      }
      return {
        kind: "CreateTable", nameParts, ifNotExists, replace: false, like, partitionColumns: [], options: [], properties: [],
        ...(provider === undefined ? {} : { provider }), ...(location === undefined ? {} : { location }),
      };
    }
    let columns: ColumnDefinition[] | undefined;
    if (this.peekOpIs("(") && !this.queryInParens()) columns = this.columnDefinitions();
    let provider: string | undefined;
    let options: [string, string][] = [];
    let properties: [string, string][] = [];
    let partitionColumns: string[] = [];
    let partitionDefinitions: ColumnDefinition[] | undefined;
    let location: string | undefined;
    let comment: string | undefined;
    for (;;) {
      const t = this.peek();
      if (this.acceptKw("using")) provider = this.identifier();
      else if (this.acceptKw("options")) options = this.propertyList();
      else if (this.acceptKw("tblproperties")) properties = this.propertyList();
      else if (this.acceptKw("location")) location = this.stringLit();
      else if (this.acceptKw("comment")) comment = this.stringLit();
      else if (this.acceptKw("partitioned")) {
        this.expectKw("by");
        const save = this.lx.pos;
        this.expectOp("(");
        this.identifier();
        const typed = !this.peekOpIs(",") && !this.peekOpIs(")");
        this.lx.pos = save;
        if (typed) {
          partitionDefinitions = this.columnDefinitions();
          partitionColumns = partitionDefinitions.map((c) => c.field.name);
        } else partitionColumns = this.identifierList();
      } else if (t.type === "ident" && ["stored", "row", "clustered", "skewed", "cluster"].includes(t.value.toLowerCase())) {
        // Hive formats and bucketing need a Hive metastore or bucketed writes, which tspark has not
        throw new ParseException("NOT_IMPLEMENTED", { feature: `CREATE TABLE … ${t.value.toUpperCase()}` });
      } else break;
    }
    let plan: ParsedPlan | undefined;
    if (this.acceptKw("as") || this.startsQuery() || this.peekOpIs("(")) plan = this.query();
    const s: CreateTableStatement = {
      kind: "CreateTable",
      nameParts,
      ifNotExists,
      replace,
      ...(replaceOnly ? { replaceOnly } : {}),
      ...(provider === undefined ? {} : { provider }),
      ...(columns === undefined ? {} : { columns }),
      partitionColumns,
      ...(partitionDefinitions === undefined ? {} : { partitionDefinitions }),
      options,
      properties,
      ...(location === undefined ? {} : { location }),
      ...(comment === undefined ? {} : { comment }),
      ...(plan === undefined ? {} : { plan }),
    };
    return s;
  }

  /** Whether `(` at the cursor opens a query (`CREATE TABLE t (SELECT …)`) rather than column definitions. */
  private queryInParens(): boolean {
    const save = this.lx.pos;
    this.next();
    const q = this.startsQuery();
    this.lx.pos = save;
    return q;
  }

  /** After `INSERT`: INTO / OVERWRITE [TABLE] t [PARTITION (…) [IF NOT EXISTS]] [(cols) | BY NAME] query. */
  protected insert(): InsertIntoStatement {
    const overwrite = this.acceptKw("overwrite");
    if (!overwrite) this.expectKw("into");
    if (overwrite && (this.acceptKw("local") || this.acceptKw("directory"))) throw new ParseException("NOT_IMPLEMENTED", { feature: "INSERT OVERWRITE DIRECTORY" });
    this.acceptKw("table");
    const nameParts = this.multipartName();
    const partitionSpec = this.partitionSpec();
    const ifNotExists = this.ifNotExists();
    let columns: string[] | undefined;
    let byName = false;
    if (this.peekOpIs("(") && !this.queryInParens()) columns = this.identifierList();
    else if (this.acceptKw("by")) {
      this.expectKw("name");
      byName = true;
    }
    const plan = this.query();
    return { kind: "InsertInto", nameParts, overwrite, partitionSpec, byName, plan, ...(columns === undefined ? {} : { columns }), ...(ifNotExists ? { ifNotExists } : {}) };
  }

  /** After `ALTER`: TABLE|VIEW t RENAME TO / ADD COLUMNS / SET|UNSET TBLPROPERTIES. */
  protected alterTable(): AlterTableStatement {
    const isView = this.acceptKw("view");
    if (!isView) this.expectKw("table");
    const nameParts = this.multipartName();
    const t = this.peek();
    if (this.acceptKw("rename")) {
      if (this.peek().type === "ident" && this.peek().value.toLowerCase() !== "to") throw new ParseException("NOT_IMPLEMENTED", { feature: `ALTER TABLE … RENAME ${this.peek().text.toUpperCase()}` });
      this.expectKw("to");
      return { kind: "AlterTable", nameParts, isView, action: { kind: "rename", to: this.multipartName() } };
    }
    if (this.acceptKw("add")) {
      if (!this.acceptKw("columns") && !this.acceptKw("column")) throw new ParseException("NOT_IMPLEMENTED", { feature: `ALTER TABLE … ADD ${this.peek().text.toUpperCase()}` });
      let columns: ColumnDefinition[];
      if (this.peekOpIs("(")) columns = this.columnDefinitions();
      else {
        columns = [this.columnDefinition()];
        while (this.acceptOp(",")) columns.push(this.columnDefinition());
      }
      return { kind: "AlterTable", nameParts, isView, action: { kind: "addColumns", columns } };
    }
    if (this.acceptKw("set")) {
      this.expectKw("tblproperties");
      return { kind: "AlterTable", nameParts, isView, action: { kind: "setProperties", properties: this.propertyList() } };
    }
    if (this.acceptKw("unset")) {
      this.expectKw("tblproperties");
      const ifExists = this.acceptKw("if") ? (this.expectKw("exists"), true) : false;
      return { kind: "AlterTable", nameParts, isView, action: { kind: "unsetProperties", ifExists, keys: this.propertyList(false).map(([k]) => k) } };
    }
    throw new ParseException("NOT_IMPLEMENTED", { feature: `ALTER TABLE … ${t.text.toUpperCase()}` });
  }

  /** After `TRUNCATE`: TABLE t [PARTITION (…)]. */
  protected truncate(): SqlStatement {
    this.expectKw("table");
    const nameParts = this.multipartName();
    return { kind: "TruncateTable", nameParts, partitionSpec: this.partitionSpec() };
  }

  /** After `SHOW CREATE`: TABLE t [AS SERDE]. */
  protected showCreateTable(): SqlStatement {
    this.expectKw("table");
    const nameParts = this.multipartName();
    if (this.acceptKw("as")) this.expectKw("serde");
    return { kind: "ShowCreateTable", nameParts };
  }

  /** After `SHOW TBLPROPERTIES`: t [('key')]. */
  protected showTblProperties(): SqlStatement {
    const nameParts = this.multipartName();
    if (!this.peekOpIs("(")) return { kind: "ShowTblProperties", nameParts };
    this.expectOp("(");
    const key = this.propertyKey();
    this.expectOp(")");
    return { kind: "ShowTblProperties", nameParts, key };
  }
}
