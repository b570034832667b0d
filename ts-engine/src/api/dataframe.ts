import { AnalysisException } from "../errors/spark-exception.js";
import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { StorageLevel } from "../plan/storage-level.js";
import { udtOf, type FieldMetadata, type StructType } from "../types/data-type.js";
import { simpleString } from "../types/type-names.js";
import { Column } from "./column.js";
import type * as arrow from "apache-arrow";
import { checkpointFrame, collectRows, countRows, iterateRows, printLine, toArrowTable } from "./dataframe-actions.js";
import { attributeExpr, toColumn, type ColumnOrName } from "./column-or-name.js";
import { GroupedData } from "./group.js";
import { dropPlan, fillPlan, replacePlan, type NaValue } from "./na-functions.js";
import * as stat from "./dataframe-stat.js";
import { DataFrameWriter } from "./dataframe-writer.js";
import { DataFrameWriterV2 } from "./dataframe-writer-v2.js";
import { parseJoinType } from "./join-type.js";
import { Observation } from "./observation.js";
import { parseNameParts } from "./name-parts.js";
import type { ExplainMode } from "./query-engine-port.js";
import type { Row, TypedRow } from "./row.js";
import { sortOrders, type SortOptions } from "./sort-orders.js";
import { PySparkNotImplementedError, PySparkTypeError, PySparkValueError } from "./errors.js";
import type { SparkSession } from "./spark-session.js";

/** Columns given to select/groupBy: Columns or names, as separate arguments or arrays. */
export type ColumnArgs = readonly (ColumnOrName | readonly ColumnOrName[])[];

/**
 * A distributed collection of rows, as PySpark's DataFrame: it holds only a logical plan
 * and its session. Transformations return new frames; actions run the plan in the
 * in-process engine and return Promises.
 */
export class DataFrame {
  /** The unresolved logical plan (the same form the bridge decoder produces). */
  readonly plan: ParsedPlan;
  /** The session this frame belongs to. */
  readonly sparkSession: SparkSession;
  private cachedFlag = false;

  /** @internal use the session's and frames' methods. */
  constructor(plan: ParsedPlan, session: SparkSession) {
    this.plan = plan;
    this.sparkSession = session;
  }

  // ---- schema -------------------------------------------------------------

  /** The result schema (analyzes the plan). */
  get schema(): StructType {
    return this.sparkSession.engine.analyzeSchema(this.plan, this.sparkSession.execContext());
  }
  /** Column names, in order. */
  get columns(): string[] {
    return this.schema.fields.map((f) => f.name);
  }
  /** `[name, simpleString type]` pairs (`["age", "bigint"]`). */
  get dtypes(): [string, string][] {
    // PySpark's UserDefinedType.simpleString is "udt"
    return this.schema.fields.map((f) => [f.name, udtOf(f.dataType) === undefined ? simpleString(f.dataType) : "udt"]);
  }
  /** Prints the schema tree, as PySpark's printSchema. */
  printSchema(): void {
    const text = this.sparkSession.engine.treeStringQuery(this.plan, this.sparkSession.execContext());
    printLine(text.endsWith("\n") ? text : `${text}\n`);
  }
  /** Prints the physical plan (`extended` true or a mode name, as PySpark). */
  explain(extended: boolean | ExplainMode = false): void {
    const mode: ExplainMode = extended === true ? "extended" : extended === false ? "simple" : extended;
    printLine(this.sparkSession.engine.explainQuery(this.plan, mode, this.sparkSession.execContext()));
  }
  /** PySpark's repr: `DataFrame[name: string, age: bigint]`. */
  toString(): string {
    return `DataFrame[${this.schema.fields.map((f) => `${f.name}: ${simpleString(f.dataType)}`).join(", ")}]`;
  }
  /** `df.write`: a DataFrameWriter (`await df.write.mode("overwrite").csv(path)`). */
  get write(): DataFrameWriter {
    return new DataFrameWriter(this);
  }

  /** `df.writeTo(table)`: a DataFrameWriterV2 (`await df.writeTo("t").using("parquet").create()`). */
  writeTo(table: string): DataFrameWriterV2 {
    return new DataFrameWriterV2(this, table);
  }
  /** A reference to this frame's column (PySpark's `df["name"]` / `df.name`). */
  col(name: string): Column {
    return new Column(attributeExpr(name, this.plan.planId));
  }
  /**
   * The columns whose names match a Java regex in backquotes (`` "`col.*`" ``, or
   * `` "t.`x.*`" `` for one alias), expanded where the Column stands; other text is `col(name)`.
   */
  colRegex(colName: string): Column {
    const planId = this.plan.planId === undefined ? {} : { planId: this.plan.planId };
    const whole = /^`(.+)`$/s.exec(colName);
    if (whole !== null) return new Column({ kind: "UnresolvedStar", regex: whole[1]!, ...planId });
    const qualified = /^(.+)\.`(.+)`$/s.exec(colName);
    if (qualified !== null) return new Column({ kind: "UnresolvedStar", target: parseNameParts(qualified[1]!), regex: qualified[2]!, ...planId });
    return this.col(colName);
  }

  // ---- transformations ----------------------------------------------------

  /** Projects columns or expressions (`"*"` for all). */
  select(...cols: ColumnArgs): DataFrame {
    return this.derive({ kind: "Project", input: this.plan, exprs: exprsOf(cols) });
  }
  /** Projects SQL expression strings (`"a * 2 AS b"`). */
  selectExpr(...exprs: (string | readonly string[])[]): DataFrame {
    const sqls = exprs.flat();
    return this.derive({ kind: "Project", input: this.plan, exprs: sqls.map((sql): Expr => ({ kind: "ExprString", sql })) });
  }
  /** Keeps rows where the condition (a Column or SQL text) is true. */
  filter(condition: Column | string): DataFrame {
    const c: Expr = typeof condition === "string" ? { kind: "ExprString", sql: condition } : condition.expr;
    return this.derive({ kind: "Filter", input: this.plan, condition: c });
  }
  /** Same as `filter`. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }
  /** Adds or replaces one column. */
  withColumn(name: string, c: Column): DataFrame {
    return this.derive({ kind: "WithColumns", input: this.plan, names: [name], exprs: [c.expr] });
  }
  /** The frame with column `name`'s field metadata replaced by `metadata` (PySpark's withMetadata). */
  withMetadata(name: string, metadata: FieldMetadata): DataFrame {
    if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
      throw new PySparkTypeError("NOT_DICT", { arg_name: "metadata", arg_type: metadata === null ? "null" : typeof metadata });
    }
    const c: Expr = { kind: "UnresolvedAttribute", nameParts: parseNameParts(name) };
    // an empty object keeps the column's metadata, as PySpark 4.0.1 does
    return this.withColumn(name, new Column({ kind: "Alias", child: c, name, ...(Object.keys(metadata).length === 0 ? {} : { metadata }) }));
  }
  /** Adds or replaces several columns (`{name: column}`). */
  withColumns(cols: Readonly<Record<string, Column>>): DataFrame {
    const names = Object.keys(cols);
    return this.derive({ kind: "WithColumns", input: this.plan, names, exprs: names.map((n) => cols[n]!.expr) });
  }
  /** Renames a column (no-op when it does not exist). */
  withColumnRenamed(existing: string, renamed: string): DataFrame {
    return this.derive({ kind: "WithColumnsRenamed", input: this.plan, renames: [[existing, renamed]] });
  }
  /** Renames several columns (`{old: new}`). */
  withColumnsRenamed(renames: Readonly<Record<string, string>>): DataFrame {
    return this.derive({ kind: "WithColumnsRenamed", input: this.plan, renames: Object.entries(renames) });
  }
  /** Drops columns by name or Column; unknown names are ignored. */
  drop(...cols: ColumnOrName[]): DataFrame {
    const exprs = cols.map((c): Expr => (typeof c === "string" ? { kind: "UnresolvedAttribute", nameParts: [c] } : c.expr));
    return this.derive({ kind: "Drop", input: this.plan, columns: exprs });
  }
  /** Groups rows by columns for aggregation. */
  groupBy(...cols: ColumnArgs): GroupedData {
    return new GroupedData(this, exprsOf(cols));
  }
  /** Same as `groupBy`. */
  groupby(...cols: ColumnArgs): GroupedData {
    return this.groupBy(...cols);
  }
  /** Aggregates over all rows (`groupBy().agg(...)`). */
  agg(...exprs: (Column | Readonly<Record<string, string>>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }
  /** Sorts by columns; a trailing `{ascending}` object plays PySpark's keyword. */
  orderBy(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    const last = args[args.length - 1];
    const hasOpts = last !== undefined && typeof last === "object" && !(last instanceof Column) && !Array.isArray(last);
    const cols = (hasOpts ? args.slice(0, -1) : args) as ColumnArgs;
    const orders = sortOrders(cols.flat(), hasOpts ? (last as SortOptions) : {});
    return this.derive({ kind: "Sort", input: this.plan, orders, global: true });
  }
  /** Same as `orderBy`. */
  sort(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    return this.orderBy(...args);
  }
  /** The first `n` rows. */
  limit(n: number): DataFrame {
    return this.derive({ kind: "Limit", input: this.plan, n });
  }
  /**
   * Joins with another frame: `on` is a column name, a list of names (keys appear once),
   * a boolean Column, or a list of Columns (and-ed); `how` is any Spark join type name.
   */
  join(other: DataFrame, on?: string | readonly string[] | Column | readonly Column[], how = "inner"): DataFrame {
    const joinType = parseJoinType(how);
    const base = { kind: "Join", left: this.plan, right: other.plan, joinType } as const;
    if (on === undefined) return this.derive(base);
    if (typeof on === "string") return this.derive({ ...base, usingColumns: [on] });
    if (on instanceof Column) return this.derive({ ...base, condition: on.expr });
    if (on.length === 0) return this.derive(base);
    if (on.every((x): x is string => typeof x === "string")) return this.derive({ ...base, usingColumns: on });
    const cond = (on as readonly Column[]).reduce((a, b) => a.and(b));
    return this.derive({ ...base, condition: cond.expr });
  }
  /** Cartesian product. */
  crossJoin(other: DataFrame): DataFrame {
    return this.derive({ kind: "Join", left: this.plan, right: other.plan, joinType: "cross" });
  }
  /** Distinct rows. */
  distinct(): DataFrame {
    return this.derive({ kind: "Distinct", input: this.plan });
  }
  /** Distinct rows; with `subset`, one row per distinct value of those columns (the others from each group's first row). */
  dropDuplicates(subset?: readonly string[]): DataFrame {
    return subset === undefined ? this.distinct() : this.derive({ kind: "Distinct", input: this.plan, columns: subset });
  }
  /** Same as `dropDuplicates`. */
  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }
  /** Streaming deduplication; a batch frame raises when run, as Spark's does. */
  dropDuplicatesWithinWatermark(subset?: readonly string[]): DataFrame {
    return this.derive({ kind: "Distinct", input: this.plan, ...(subset === undefined ? {} : { columns: subset }), withinWatermark: true });
  }
  /** Rows of both frames by position, keeping duplicates (SQL UNION ALL). */
  union(other: DataFrame): DataFrame {
    return this.derive({ kind: "Union", inputs: [this.plan, other.plan], byName: false, allowMissingColumns: false });
  }
  /** Same as `union`. */
  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }
  /** Rows of both frames matched by column name. */
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.derive({ kind: "Union", inputs: [this.plan, other.plan], byName: true, allowMissingColumns });
  }
  /** Names this frame so `alias.col` can qualify its columns. */
  alias(alias: string): DataFrame {
    return this.derive({ kind: "SubqueryAlias", input: this.plan, alias });
  }
  /** A hint on this frame: `broadcast`, `merge`, `shuffle_hash` … choose the strategy of a join on it. */
  hint(name: string, ...parameters: (string | number)[]): DataFrame {
    return this.derive({ kind: "Hint", input: this.plan, name, parameters });
  }
  /** Renames all columns by position. */
  toDF(...names: string[]): DataFrame {
    return this.derive({ kind: "ToDF", input: this.plan, names });
  }

  // ---- partitioning -------------------------------------------------------

  /**
   * Redistributes the rows into `numPartitions` partitions: round robin, or by hash of
   * `cols`; given columns alone, into spark.sql.shuffle.partitions (which AQE may coalesce).
   */
  repartition(numPartitions: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    if (typeof numPartitions === "number") {
      if (cols.length === 0) return this.derive({ kind: "Repartition", input: this.plan, numPartitions, shuffle: true });
      return this.derive({ kind: "RepartitionByExpression", input: this.plan, partitionExprs: cols.map((c) => toColumn(c).expr), numPartitions });
    }
    return this.derive({ kind: "RepartitionByExpression", input: this.plan, partitionExprs: [numPartitions, ...cols].map((c) => toColumn(c).expr) });
  }
  /** Redistributes the rows into ranges of `cols` (ascending unless a column is a sort order), as Spark samples them. */
  repartitionByRange(numPartitions: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    const keys = typeof numPartitions === "number" ? cols : [numPartitions, ...cols];
    if (keys.length === 0) throw new PySparkValueError("CANNOT_BE_EMPTY", { item: "partition-by expression" });
    const partitionExprs = keys.map((c): Expr => {
      const e = toColumn(c).expr;
      return e.kind === "SortOrder" ? e : { kind: "SortOrder", child: e, ascending: true, nullsFirst: true };
    });
    return this.derive({ kind: "RepartitionByExpression", input: this.plan, partitionExprs, ...(typeof numPartitions === "number" ? { numPartitions } : {}) });
  }
  /** At most `numPartitions` partitions, merging neighbouring ones without a shuffle. */
  coalesce(numPartitions: number): DataFrame {
    return this.derive({ kind: "Repartition", input: this.plan, numPartitions, shuffle: false });
  }
  /** Sorts each partition by columns (no exchange); a trailing `{ascending}` object plays PySpark's keyword. */
  sortWithinPartitions(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    const last = args[args.length - 1];
    const hasOpts = last !== undefined && typeof last === "object" && !(last instanceof Column) && !Array.isArray(last);
    const cols = (hasOpts ? args.slice(0, -1) : args) as ColumnArgs;
    const orders = sortOrders(cols.flat(), hasOpts ? (last as SortOptions) : {});
    return this.derive({ kind: "Sort", input: this.plan, orders, global: false });
  }
  /**
   * The part of PySpark's `df.rdd` the Node API has (it has no RDDs): the partition count
   * of the frame's result, `await df.rdd.getNumPartitions()`, which runs the stages before
   * the last one, as Spark's adaptive execution must to know it.
   */
  get rdd(): { getNumPartitions(): Promise<number> } {
    return {
      getNumPartitions: async () => {
        const engine = this.sparkSession.engine;
        if (engine.numPartitionsQuery === undefined) throw new PySparkNotImplementedError("getNumPartitions on this engine");
        return engine.numPartitionsQuery(this.plan, this.sparkSession.execContext());
      },
    };
  }

  // ---- caching ------------------------------------------------------------

  /**
   * Whether `cache()`/`persist()` was called on this frame (and not `unpersist()`), as
   * PySpark's `df.is_cached` attribute.
   */
  get is_cached(): boolean {
    return this.cachedFlag;
  }

  /** The level this frame's plan is cached at (`StorageLevel.NONE` when it is not), from the engine. */
  get storageLevel(): StorageLevel {
    return this.sparkSession.engine.storageLevelQuery(this.plan, this.sparkSession.execContext());
  }

  /** Caches the frame at `StorageLevel.MEMORY_AND_DISK_DESER` (see persist). */
  cache(): this {
    return this.persist();
  }

  /**
   * Keeps this frame's rows once computed: the first action that reads them stores them
   * (per partition, in shared memory, spilled or evicted past the memory budget as the
   * level says) and later queries over this frame read them instead of recomputing.
   */
  persist(storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_DESER): this {
    this.sparkSession.engine.persistQuery(this.plan, storageLevel, this.sparkSession.execContext());
    this.cachedFlag = true;
    return this;
  }

  /** Drops the cached rows (later queries compute them again); their memory and files are freed in the background. */
  unpersist(blocking = false): this {
    void blocking; // freeing is quick and never blocks a later query: there is nothing to wait for
    this.cachedFlag = false;
    void this.sparkSession.engine.unpersistQuery(this.plan, this.sparkSession.execContext()).catch(() => undefined);
    return this;
  }

  /** Distinct rows found in both frames (SQL INTERSECT), columns matched by position. */
  intersect(other: DataFrame): DataFrame {
    return this.derive({ kind: "SetOperation", op: "intersect", left: this.plan, right: other.plan });
  }

  /** Distinct rows of this frame not in `other` (SQL EXCEPT), columns matched by position. */
  subtract(other: DataFrame): DataFrame {
    return this.derive({ kind: "SetOperation", op: "except", left: this.plan, right: other.plan });
  }

  /** Rows found in both frames, each as often as in both (SQL INTERSECT ALL). */
  intersectAll(other: DataFrame): DataFrame {
    return this.derive({ kind: "SetOperation", op: "intersect", left: this.plan, right: other.plan, all: true });
  }

  /** Rows of this frame not in `other`, duplicates counted (SQL EXCEPT ALL). */
  exceptAll(other: DataFrame): DataFrame {
    return this.derive({ kind: "SetOperation", op: "except", left: this.plan, right: other.plan, all: true });
  }

  // ---- reshaping: grouping sets and unpivot -----------------------------------

  /** Groups by every subset of `cols` (one aggregate per grouping set, through an Expand). */
  cube(...cols: ColumnArgs): GroupedData {
    return new GroupedData(this, exprsOf(cols), { type: "cube" });
  }
  /** Groups by every prefix of `cols`: (a, b), (a), (). */
  rollup(...cols: ColumnArgs): GroupedData {
    return new GroupedData(this, exprsOf(cols), { type: "rollup" });
  }
  /** Groups by each of `groupingSets` (lists of columns); `cols` are the grouping columns shown. */
  groupingSets(groupingSets: readonly (readonly ColumnOrName[])[], ...cols: ColumnArgs): GroupedData {
    const sets = groupingSets.map((s) => s.map((c) => toColumn(c).expr));
    return new GroupedData(this, exprsOf(cols), { type: "groupingSets", sets });
  }
  /**
   * Wide to long: one row per value column with the ids, the column's name and its value
   * (`values` null: every non-id column).
   */
  unpivot(ids: ColumnOrName | readonly ColumnOrName[], values: ColumnOrName | readonly ColumnOrName[] | null, variableColumnName: string, valueColumnName: string): DataFrame {
    const list = (v: ColumnOrName | readonly ColumnOrName[]): Expr[] => (Array.isArray(v) ? v : [v]).map((c: ColumnOrName) => toColumn(c).expr);
    return this.derive({
      kind: "Unpivot",
      input: this.plan,
      ids: list(ids),
      ...(values === null ? {} : { values: list(values) }),
      variableColumnName,
      valueColumnName,
    });
  }
  /** Same as `unpivot`. */
  melt(ids: ColumnOrName | readonly ColumnOrName[], values: ColumnOrName | readonly ColumnOrName[] | null, variableColumnName: string, valueColumnName: string): DataFrame {
    return this.unpivot(ids, values, variableColumnName, valueColumnName);
  }

  /** The columns of `schema` in its order, matched by name and up-cast to its types (PySpark's `df.to`). */
  to(schema: StructType): DataFrame {
    return this.derive({ kind: "ToSchema", input: this.plan, schema });
  }
  /** `func(this, ...args)`: chains a custom transformation (PySpark's `df.transform`). */
  transform<A extends unknown[]>(func: (df: DataFrame, ...args: A) => DataFrame, ...args: A): DataFrame {
    return func(this, ...args);
  }

  // ---- missing values (na-functions.ts) ---------------------------------------

  /** The missing-value methods (PySpark's DataFrameNaFunctions: drop, fill, replace). */
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this);
  }
  /** Rows with at least `thresh` non-null, non-NaN values in `subset` (`how` "any": all of them, "all": one). */
  dropna(how = "any", thresh?: number, subset?: string | readonly string[]): DataFrame {
    return this.derive(dropPlan(this.plan, how, thresh, subset));
  }
  /** Nulls (and NaN in float columns) replaced by `value` in the columns of its type, or per column from an object. */
  fillna(value: NaValue | Readonly<Record<string, NaValue>>, subset?: string | readonly string[]): DataFrame {
    return this.derive(fillPlan(this.plan, value, subset));
  }
  /** Values equal to `toReplace` (a value, list or `{old: new}` object) replaced by `value`. */
  replace(
    toReplace: NaValue | readonly NaValue[] | Readonly<Record<string, NaValue | null>>,
    value?: NaValue | null | readonly (NaValue | null)[],
    subset?: string | readonly string[],
  ): DataFrame {
    return this.derive(replacePlan(this.plan, toReplace, value, subset));
  }

  // ---- statistics and sampling (dataframe-stat.ts) ----------------------------

  /** The statistics methods (PySpark's DataFrameStatFunctions). */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this);
  }
  /** count, mean, stddev, min and max of the numeric and string columns (or `cols`), as strings. */
  describe(...cols: (string | readonly string[])[]): DataFrame {
    const names = cols.flat();
    const base = names.length > 0 ? this.select(...names) : this;
    return this.derive(stat.summaryPlan(base.plan, ["count", "mean", "stddev", "min", "max"]));
  }
  /** The given statistics (none: count, mean, stddev, min, 25%, 50%, 75%, max) of every numeric and string column. */
  summary(...statistics: string[]): DataFrame {
    return this.derive(stat.summaryPlan(this.plan, statistics));
  }
  /** Pearson correlation of two numeric columns. */
  corr(col1: string, col2: string, method = "pearson"): Promise<number> {
    return stat.corr(this, col1, col2, method);
  }
  /** Sample covariance of two numeric columns. */
  cov(col1: string, col2: string): Promise<number> {
    return stat.cov(this, col1, col2);
  }
  /** Pair counts of two columns (a contingency table). */
  crosstab(col1: string, col2: string): DataFrame {
    return stat.crosstab(this, col1, col2);
  }
  /** Frequent items of each column (`support`: the minimum frequency, default 1%). */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    return stat.freqItems(this, cols, support);
  }
  /** Approximate quantiles (Greenwald-Khanna within `relativeError`) of one column, or of each of several. */
  approxQuantile(c: string, probabilities: readonly number[], relativeError: number): Promise<number[]>;
  approxQuantile(cols: readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[][]>;
  async approxQuantile(c: string | readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[] | number[][]> {
    const out = await stat.approxQuantile(this, typeof c === "string" ? [c] : c, probabilities, relativeError);
    return typeof c === "string" ? out[0]! : out;
  }
  /** A random `fraction` of the rows, the same for the same seed and partitioning (`sample(fraction, seed)` or `sample(withReplacement, fraction, seed)`). */
  sample(...args: [number, (number | bigint)?] | [boolean, number, (number | bigint)?]): DataFrame {
    if (typeof args[0] === "boolean") return this.derive(stat.samplePlan(this.plan, args[0], args[1] as number, args[2]));
    return this.derive(stat.samplePlan(this.plan, false, args[0], args[1] as number | bigint | undefined));
  }
  /** Disjoint random pieces in proportion to `weights`. */
  randomSplit(weights: readonly number[], seed?: number | bigint): DataFrame[] {
    return stat.randomSplitPlans(this.plan, weights, seed).map((p) => this.derive(p));
  }
  /** A stratified sample: rows of stratum `k` (the value of `col`) kept with probability `fractions[k]`. */
  sampleBy(c: ColumnOrName, fractions: ReadonlyMap<number | string, number> | Readonly<Record<string, number>>, seed?: number | bigint): DataFrame {
    return stat.sampleBy(this, c, fractions, seed);
  }

  // ---- views ----------------------------------------------------------------

  /** Registers this frame as the session's temp view `name` (TEMP_TABLE_OR_VIEW_ALREADY_EXISTS if there is one). */
  createTempView(name: string): void {
    this.sparkSession.engine.createTempView(name, this.plan, { global: false, replace: false }, this.sparkSession.execContext());
  }

  /** Registers this frame as the session's temp view `name`, replacing any. */
  createOrReplaceTempView(name: string): void {
    this.sparkSession.engine.createTempView(name, this.plan, { global: false, replace: true }, this.sparkSession.execContext());
  }

  /** Registers this frame as the global temp view `global_temp.name`, seen by every session. */
  createGlobalTempView(name: string): void {
    this.sparkSession.engine.createTempView(name, this.plan, { global: true, replace: false }, this.sparkSession.execContext());
  }

  /** Registers this frame as the global temp view `global_temp.name`, replacing any. */
  createOrReplaceGlobalTempView(name: string): void {
    this.sparkSession.engine.createTempView(name, this.plan, { global: true, replace: true }, this.sparkSession.execContext());
  }

  // ---- actions ------------------------------------------------------------

  /** All rows. `T` states the row fields' types (unchecked, like Scala's `getAs[T]`). */
  async collect<T extends Record<string, unknown> = Record<string, unknown>>(): Promise<TypedRow<T>[]> {
    return (await collectRows(this)) as TypedRow<T>[];
  }
  /** The first `n` rows. */
  async take(n: number): Promise<Row[]> {
    return collectRows(this.limit(n));
  }
  /** `head()`: the first row or null; `head(n)`: the first `n` rows. */
  head(): Promise<Row | null>;
  head(n: number): Promise<Row[]>;
  async head(n?: number): Promise<Row | Row[] | null> {
    if (n === undefined) return (await this.take(1))[0] ?? null;
    return this.take(n);
  }
  /** The first row, or null when there is none. */
  async first(): Promise<Row | null> {
    return this.head();
  }
  /** True when the frame has no rows. */
  async isEmpty(): Promise<boolean> {
    return (await this.take(1)).length === 0;
  }
  /** The number of rows. */
  async count(): Promise<number> {
    return countRows(this);
  }
  /** Prints the first `n` rows as PySpark's show: `truncate` true = 20 chars, a number = that width. */
  async show(n = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    printLine(await this.showString(n, truncate, vertical));
  }
  /** The text `show` prints, without its final newline (PySpark's `_show_string`). */
  async showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const width = truncate === true ? 20 : truncate === false ? 0 : truncate;
    const s = this.sparkSession;
    return s.engine.showQuery(this.plan, n, width, vertical, s.execContext());
  }

  // --- actions and iteration (issue 9 §9) ---
  /** The rows after the first `n` (Spark's Offset). */
  offset(n: number): DataFrame {
    return this.derive({ kind: "Offset", input: this.plan, n });
  }
  /** The last `n` rows: the result streams through, keeping only the last `n`. */
  async tail(n: number): Promise<Row[]> {
    if (n <= 0) return [];
    const last: Row[] = [];
    for await (const r of iterateRows(this)) {
      last.push(r);
      if (last.length > n) last.shift();
    }
    return last;
  }
  /**
   * The rows one at a time, partition by partition (PySpark's toLocalIterator): one result
   * partition runs at a time, the next one too with `prefetchPartitions`.
   */
  toLocalIterator(prefetchPartitions = false): AsyncGenerator<Row> {
    return iterateRows(this, { partitionsAtOnce: prefetchPartitions ? 2 : 1 });
  }
  /**
   * This frame with named metrics (aggregate expressions) computed over the rows each action
   * runs through it (Spark's CollectMetrics), read by `observation.get` once the first action
   * ends; analyzed at once, as Spark's Dataset.observe.
   */
  observe(observation: Observation | string, ...exprs: Column[]): DataFrame {
    if (exprs.length === 0) throw new PySparkValueError("CANNOT_BE_EMPTY", { item: "exprs" });
    if (!exprs.every((c) => c instanceof Column)) throw new PySparkTypeError("NOT_LIST_OF_COLUMN", { arg_name: "exprs" });
    let name: string;
    let observationId: string | undefined;
    if (observation instanceof Observation) ({ name, id: observationId } = observation.attach());
    else if (typeof observation === "string") name = observation;
    else throw new PySparkTypeError("NOT_OBSERVATION_OR_STR", { arg_name: "observation", arg_type: typeof observation });
    const metrics = exprs.map((c) => c.expr);
    const observed = this.derive({ kind: "CollectMetrics", input: this.plan, name, metrics, ...(observationId === undefined ? {} : { observationId }) });
    this.sparkSession.engine.analyzeSchema(observed.plan, this.sparkSession.execContext());
    if (observation instanceof Observation) observation.observedIn(this.sparkSession);
    return observed;
  }
  /** Whether both frames' analyzed plans are the same once canonicalized (Spark's Dataset.sameSemantics). */
  sameSemantics(other: DataFrame): boolean {
    if (!(other instanceof DataFrame)) throw new PySparkTypeError("NOT_DATAFRAME", { arg_name: "other", arg_type: typeof other });
    const engine = this.sparkSession.engine;
    if (engine.sameSemanticsQuery === undefined) throw new PySparkNotImplementedError("sameSemantics on this engine");
    return engine.sameSemanticsQuery(this.plan, other.plan, this.sparkSession.execContext());
  }
  /** A hash of the canonicalized analyzed plan, equal for frames sameSemantics calls equal. */
  semanticHash(): number {
    const engine = this.sparkSession.engine;
    if (engine.semanticHashQuery === undefined) throw new PySparkNotImplementedError("semanticHash on this engine");
    return engine.semanticHashQuery(this.plan, this.sparkSession.execContext());
  }
  /** The files of the frame's file sources (every listed file), as `file:///abs/path`. */
  inputFiles(): string[] {
    const engine = this.sparkSession.engine;
    if (engine.inputFilesQuery === undefined) throw new PySparkNotImplementedError("inputFiles on this engine");
    return engine.inputFilesQuery(this.plan, this.sparkSession.execContext());
  }

  // --- subquery expressions, transpose, isLocal (PySpark 4.0) ---
  /** This one-column frame as a value: its single row's value, null without rows (Spark's ScalarSubquery). */
  scalar(): Column {
    return new Column({ kind: "SubqueryExpression", subqueryType: "scalar", plan: this.plan });
  }
  /** Whether this frame has any row, as a boolean Column (Spark's Exists); correlated through `col.outer()`. */
  exists(): Column {
    return new Column({ kind: "SubqueryExpression", subqueryType: "exists", plan: this.plan });
  }
  /**
   * Columns become rows (Spark's Transpose): one row per non-index column (its name in `key`),
   * one column per non-null index value, ascending; the index values are found now, as Spark does.
   */
  async transpose(indexColumn?: ColumnOrName): Promise<DataFrame> {
    const plan: ParsedPlan = { kind: "Transpose", input: this.plan, ...(indexColumn === undefined ? {} : { indexColumn: toColumn(indexColumn).expr }) };
    const engine = this.sparkSession.engine;
    if (engine.resolveSources === undefined) throw new PySparkNotImplementedError("transpose on this engine");
    return this.derive(await engine.resolveSources(plan, this.sparkSession.execContext()));
  }
  /** A lateral join (PySpark 4.0): `other` per row of this frame, reading its columns through `col.outer()`; `how` inner (default), left or cross. */
  lateralJoin(other: DataFrame, on?: Column, how = "inner"): DataFrame {
    const joinType = parseJoinType(how);
    if (joinType !== "inner" && joinType !== "left" && joinType !== "cross") {
      throw new AnalysisException("UNSUPPORTED_JOIN_TYPE", { typ: how, supported: "'inner', 'leftouter', 'left', 'left_outer', 'cross'" });
    }
    return this.derive({ kind: "Join", left: this.plan, right: other.plan, joinType, lateral: true, ...(on === undefined ? {} : { condition: on.expr }) });
  }
  /** Whether collect and take need no executors: the frame is SQL text that is an inline table (`VALUES …`). */
  isLocal(): boolean {
    const engine = this.sparkSession.engine;
    if (engine.isLocalQuery === undefined) throw new PySparkNotImplementedError("isLocal on this engine");
    return engine.isLocalQuery(this.plan, this.sparkSession.execContext());
  }

  // --- checkpoints and Arrow (issue 9 §8, §10) ---
  /**
   * A frame of this frame's rows, kept in the engine until the session stops, with its
   * lineage cut (explain shows Spark's `Scan ExistingRDD`); `eager` computes them now.
   */
  checkpoint(eager = true): Promise<DataFrame> {
    return checkpointFrame(this, eager);
  }
  /** As checkpoint (the engine keeps both kinds of checkpoint the same way). */
  localCheckpoint(eager = true): Promise<DataFrame> {
    return checkpointFrame(this, eager);
  }
  /** The rows as an Arrow table with Spark's Arrow types (PySpark's toArrow). */
  toArrow(): Promise<arrow.Table> {
    return toArrowTable(this);
  }

  private derive(plan: ParsedPlan): DataFrame {
    return this.sparkSession.frame(plan);
  }
}

/** `df.na`: PySpark's DataFrameNaFunctions, each method the frame's own. */
export class DataFrameNaFunctions {
  /** @internal use `df.na`. */
  constructor(private readonly df: DataFrame) {}
  /** Same as `df.dropna`. */
  drop(how = "any", thresh?: number, subset?: string | readonly string[]): DataFrame {
    return this.df.dropna(how, thresh, subset);
  }
  /** Same as `df.fillna`. */
  fill(value: NaValue | Readonly<Record<string, NaValue>>, subset?: string | readonly string[]): DataFrame {
    return this.df.fillna(value, subset);
  }
  /** Same as `df.replace`. */
  replace(
    toReplace: NaValue | readonly NaValue[] | Readonly<Record<string, NaValue | null>>,
    value?: NaValue | null | readonly (NaValue | null)[],
    subset?: string | readonly string[],
  ): DataFrame {
    return this.df.replace(toReplace, value, subset);
  }
}

/** `df.stat`: PySpark's DataFrameStatFunctions, each method the frame's own. */
export class DataFrameStatFunctions {
  /** @internal use `df.stat`. */
  constructor(private readonly df: DataFrame) {}
  /** Same as `df.corr`. */
  corr(col1: string, col2: string, method = "pearson"): Promise<number> {
    return this.df.corr(col1, col2, method);
  }
  /** Same as `df.cov`. */
  cov(col1: string, col2: string): Promise<number> {
    return this.df.cov(col1, col2);
  }
  /** Same as `df.crosstab`. */
  crosstab(col1: string, col2: string): DataFrame {
    return this.df.crosstab(col1, col2);
  }
  /** Same as `df.sampleBy`. */
  sampleBy(c: ColumnOrName, fractions: ReadonlyMap<number | string, number> | Readonly<Record<string, number>>, seed?: number | bigint): DataFrame {
    return this.df.sampleBy(c, fractions, seed);
  }
  /** Same as `df.freqItems`. */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    return this.df.freqItems(cols, support);
  }
  /** Same as `df.approxQuantile` over several columns. */
  approxQuantile(cols: readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[][]> {
    return this.df.approxQuantile(cols, probabilities, relativeError);
  }
}

/** Expressions of a select/groupBy argument list (nested arrays flattened). */
export function exprsOf(cols: ColumnArgs): Expr[] {
  return cols.flat().map((c) => toColumn(c).expr);
}
