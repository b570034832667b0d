import { ParseException, SparkException } from "../errors/spark-exception.js";
import type { BucketSpec } from "../plan/bucket-spec.js";
import { transformPartitioning, type PartitionTransform } from "../plan/partition-transform.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { structField } from "../types/data-type.js";
import { parseDataType } from "../types/ddl.js";
import { syntaxError } from "./lexer.js";
import type { ParserOptions } from "./parameters.js";
import { QueryParser } from "./query-parser.js";
import type { AlterTableStatement, ColumnDefinition, CreateTableStatement, InsertIntoStatement, SqlStatement, PartitionSpec } from "./statement.js";

/** Hive's SerDe for each `STORED AS` format (Spark's HiveSerDe.sourceToSerDe). */
const HIVE_SERDES: Readonly<Record<string, string>> = {
  parquet: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
  orc: "org.apache.hadoop.hive.ql.io.orc.OrcSerde",
  textfile: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
  sequencefile: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
  rcfile: "org.apache.hadoop.hive.serde2.columnar.LazyBinaryColumnarSerDe",
  avro: "org.apache.hadoop.hive.serde2.avro.AvroSerDe",
};

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
    const spec: [string, ParsedExpr | undefined][] = [];
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
    let hiveSerde: string | undefined;
    let bucketSpec: BucketSpec | undefined;
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
        const transformed = this.peekOpIs("(") || this.partitionListHasTransform();
        const typed = !transformed && !this.peekOpIs(",") && !this.peekOpIs(")");
        this.lx.pos = save;
        if (transformed) {
          // `PARTITIONED BY (c, bucket(4, a), years(ts))`: the session catalog keeps columns and one bucket spec
          const p = transformPartitioning(this.partitionTransforms());
          partitionColumns = [...p.partitionColumns];
          if (p.bucketSpec !== undefined) bucketSpec = oneBucketSpec(bucketSpec, p.bucketSpec);
        } else if (typed) {
          partitionDefinitions = this.columnDefinitions();
          partitionColumns = partitionDefinitions.map((c) => c.field.name);
        } else partitionColumns = this.identifierList();
      } else if (this.acceptKw("stored")) {
        this.expectKw("as");
        // with ROW FORMAT before it, that SerDe stays (STORED AS TEXTFILE names the file format)
        const serde = this.storedAs();
        hiveSerde ??= serde;
      } else if (this.acceptKw("row")) {
        this.expectKw("format");
        hiveSerde = this.rowFormat();
      } else if (this.acceptKw("clustered")) {
        bucketSpec = oneBucketSpec(bucketSpec, this.bucketSpec());
      } else if (t.type === "ident" && ["skewed", "cluster"].includes(t.value.toLowerCase())) {
        // SKEWED BY is Hive's; CLUSTER BY (liquid clustering) needs a table format with clustering
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
      ...(hiveSerde === undefined ? {} : { hiveSerde }),
      ...(bucketSpec === undefined ? {} : { bucketSpec }),
      ...(plan === undefined ? {} : { plan }),
    };
    return s;
  }

  /** Inside `PARTITIONED BY (…)` after its first name: whether a later item is a transform `name(…)` (not a typed column's `DECIMAL(10, 2)`). */
  private partitionListHasTransform(): boolean {
    const save = this.lx.pos;
    try {
      let depth = 0;
      let itemStart = false;
      for (;;) {
        const t = this.next();
        if (t.type === "eof") return false;
        const op = t.type === "op" ? t.value : "";
        if (depth === 0 && itemStart && t.type === "ident" && this.peekOpIs("(")) return true;
        itemStart = depth === 0 && op === ",";
        if (op === "(") depth++;
        else if (op === ")" && depth-- === 0) return false;
      }
    } finally {
      this.lx.pos = save;
    }
  }

  /** `(item, …)` of PARTITIONED BY with transforms: `col`, `years(col)` … `hours(col)`, `bucket(n, col)`. */
  private partitionTransforms(): PartitionTransform[] {
    this.expectOp("(");
    const out: PartitionTransform[] = [];
    do {
      const nameTok = this.peek();
      const name = this.identifier();
      if (!this.acceptOp("(")) {
        out.push({ name: "identity", column: name });
        continue;
      }
      const fn = name.toLowerCase();
      if (fn === "bucket") {
        const n = this.next();
        if (n.type !== "number" || !/^\d+$/.test(n.value)) throw syntaxError(n);
        this.expectOp(",");
        out.push({ name: "bucket", numBuckets: Number(n.value), column: this.identifier() });
      } else if (fn === "years" || fn === "months" || fn === "days" || fn === "hours") {
        out.push({ name: fn, column: this.identifier() });
      } else throw syntaxError(nameTok);
      this.expectOp(")");
    } while (this.acceptOp(","));
    this.expectOp(")");
    return out;
  }

  /**
   * After `CLUSTERED`: `BY (cols) [SORTED BY (col [ASC], …)] INTO n BUCKETS` (Spark's
   * bucketSpec); a sort column may only be ascending, as Spark's parser says.
   */
  private bucketSpec(): BucketSpec {
    this.expectKw("by");
    const bucketColumns = this.identifierList();
    const sortColumns: string[] = [];
    if (this.acceptKw("sorted")) {
      this.expectKw("by");
      this.expectOp("(");
      do {
        sortColumns.push(this.identifier());
        const desc = this.peek();
        if (this.acceptKw("desc")) {
          throw new SparkException("ParseException", "_LEGACY_ERROR_TEMP_0035", {}, { rawMessage: `\nOperation not allowed: Column ordering must be ASC, was '${desc.text}'.`, sqlState: "" });
        }
        this.acceptKw("asc");
      } while (this.acceptOp(","));
      this.expectOp(")");
    }
    this.expectKw("into");
    const n = this.next();
    if (n.type !== "number" || !/^\d+$/.test(n.value)) throw syntaxError(n);
    this.expectKw("buckets");
    const numBuckets = Number(n.value);
    // Spark's parser builds the BucketSpec, whose check against bucketing.maxBuckets (default 100000) fails here
    if (numBuckets < 1 || numBuckets > 100000) {
      const text = `\nNumber of buckets should be greater than 0 but less than or equal to bucketing.maxBuckets (\`100000\`). Got \`${numBuckets}\`.\n== SQL ==\n${this.lx.text}`;
      throw new SparkException("ParseException", "_LEGACY_ERROR_TEMP_1083", {}, { rawMessage: text, sqlState: "" });
    }
    return { numBuckets, bucketColumns, sortColumns };
  }

  /** After `STORED AS`: a Hive file format (its SerDe, Spark's HiveSerDe.sourceToSerDe) or `INPUTFORMAT '…' OUTPUTFORMAT '…'`. */
  private storedAs(): string {
    if (this.acceptKw("inputformat")) {
      this.stringLit();
      this.expectKw("outputformat");
      this.stringLit();
      return "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    }
    const t = this.next();
    const serde = t.type === "ident" ? HIVE_SERDES[t.value.toLowerCase()] : undefined;
    if (serde === undefined) throw syntaxError(t);
    return serde;
  }

  /** After `ROW FORMAT`: `SERDE 'class' [WITH SERDEPROPERTIES (…)]` or `DELIMITED …` (Hive's LazySimpleSerDe). */
  private rowFormat(): string {
    if (this.acceptKw("serde")) {
      const cls = this.stringLit();
      if (this.acceptKw("with")) {
        this.expectKw("serdeproperties");
        this.propertyList();
      }
      return cls;
    }
    this.expectKw("delimited");
    for (;;) {
      const w = this.peek();
      const word = w.type === "ident" ? w.value.toLowerCase() : "";
      if (word === "fields" || word === "collection" || word === "map" || word === "lines") {
        this.next();
        if (word === "collection") this.expectKw("items");
        if (word === "map") this.expectKw("keys");
        this.expectKw("terminated");
        this.expectKw("by");
        this.stringLit();
        if (word === "fields" && this.acceptKw("escaped")) {
          this.expectKw("by");
          this.stringLit();
        }
      } else if (word === "null") {
        this.next();
        this.expectKw("defined");
        this.expectKw("as");
        this.stringLit();
      } else return "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    }
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
    const nameOrigin = this.origin(this.peek().pos);
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
    return { kind: "InsertInto", nameParts, nameOrigin, overwrite, partitionSpec, byName, plan, ...(columns === undefined ? {} : { columns }), ...(ifNotExists ? { ifNotExists } : {}) };
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
    if (!isView && this.peekKw("partition")) {
      const from = this.partitionSpec();
      this.expectKw("rename");
      this.expectKw("to");
      if (!this.peekKw("partition")) throw syntaxError(this.peek());
      return { kind: "AlterTable", nameParts, isView, action: { kind: "renamePartition", from, to: this.partitionSpec() } };
    }
    if (!isView && this.acceptKw("drop")) {
      const ifExists = this.acceptKw("if") ? (this.expectKw("exists"), true) : false;
      if (!this.peekKw("partition")) throw new ParseException("NOT_IMPLEMENTED", { feature: `ALTER TABLE … DROP ${this.peek().text.toUpperCase()}` });
      const specs = [this.partitionSpec()];
      while (this.acceptOp(",")) specs.push(this.partitionSpec());
      this.acceptKw("purge");
      return { kind: "AlterTable", nameParts, isView, action: { kind: "dropPartitions", specs, ifExists } };
    }
    if (!isView && this.peekKw("add") && this.addsPartitions()) {
      this.next();
      const ifNotExists = this.ifNotExists();
      const partitions: { spec: PartitionSpec; location?: string }[] = [];
      while (this.peekKw("partition")) {
        const spec = this.partitionSpec();
        partitions.push(this.acceptKw("location") ? { spec, location: this.stringLit() } : { spec });
      }
      return { kind: "AlterTable", nameParts, isView, action: { kind: "addPartitions", partitions, ifNotExists } };
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
    if (isView && this.acceptKw("as")) return { kind: "AlterTable", nameParts, isView, action: { kind: "asQuery", ...this.queryWithText() } };
    if (this.acceptKw("unset")) {
      this.expectKw("tblproperties");
      const ifExists = this.acceptKw("if") ? (this.expectKw("exists"), true) : false;
      return { kind: "AlterTable", nameParts, isView, action: { kind: "unsetProperties", ifExists, keys: this.propertyList(false).map(([k]) => k) } };
    }
    throw new ParseException("NOT_IMPLEMENTED", { feature: `ALTER TABLE … ${t.text.toUpperCase()}` });
  }

  /** A query and its text as written (a persistent view keeps the text, as Spark's View Text). */
  protected queryWithText(): { plan: ParsedPlan; text: string } {
    const start = this.peek().pos;
    const plan = this.query();
    return { plan, text: this.lx.text.slice(start, this.lx.pos).trim() };
  }

  /** Whether `ADD [IF NOT EXISTS] PARTITION` is at the cursor (cursor kept). */
  private addsPartitions(): boolean {
    const save = this.lx.pos;
    this.next();
    this.ifNotExists();
    const yes = this.peekKw("partition");
    this.lx.pos = save;
    return yes;
  }

  /** After `SHOW PARTITIONS`: t [PARTITION (…)]. */
  protected showPartitions(): SqlStatement {
    const nameParts = this.multipartName();
    return { kind: "ShowPartitions", nameParts, partitionSpec: this.partitionSpec() };
  }

  /** After `TRUNCATE`: TABLE t [PARTITION (…)]. */
  protected truncate(): SqlStatement {
    this.expectKw("table");
    const nameOrigin = this.origin(this.peek().pos);
    const nameParts = this.multipartName();
    return { kind: "TruncateTable", nameParts, nameOrigin, partitionSpec: this.partitionSpec() };
  }

  /** After `SHOW CREATE`: TABLE t [AS SERDE]. */
  protected showCreateTable(): SqlStatement {
    this.expectKw("table");
    const nameOrigin = this.origin(this.peek().pos);
    const nameParts = this.multipartName();
    if (this.acceptKw("as")) this.expectKw("serde");
    return { kind: "ShowCreateTable", nameParts, nameOrigin };
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

/** A table's one bucket spec: a bucket() partition transform and CLUSTERED BY both is Spark's MULTIPLE_BUCKET_TRANSFORMS. */
function oneBucketSpec(had: BucketSpec | undefined, spec: BucketSpec): BucketSpec {
  if (had !== undefined) throw new SparkException("UnsupportedOperationException", "UNSUPPORTED_FEATURE.MULTIPLE_BUCKET_TRANSFORMS", {});
  return spec;
}
