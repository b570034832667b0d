import { AnalysisException, SparkException } from "../errors/spark-exception.js";
import type { WriteFiles } from "../plan/parsed-plan.js";
import { PySparkTypeError } from "./errors.js";
import type { DataFrame } from "./dataframe.js";
import type { OptionsObject, OptionValue } from "./dataframe-reader.js";

/**
 * `df.write`, as PySpark's DataFrameWriter: `mode`, `format`, `option(s)`, `partitionBy`, then
 * `save(path)` or `csv`/`json`/`text`/`parquet(path, options)`. The returned Promise settles
 * once the files are committed (atomically: nothing is visible before every task succeeded).
 */
export class DataFrameWriter {
  private fmt: string | undefined;
  private saveMode = "errorifexists";
  private readonly opts = new Map<string, string>();
  private partitionColumns: string[] = [];
  private numBuckets: number | undefined;
  private bucketColumns: string[] = [];
  private sortColumns: string[] = [];

  /** @internal use `df.write`. */
  constructor(private readonly df: DataFrame) {}

  /** `append`, `overwrite`, `ignore`, `error` / `errorifexists`. */
  mode(saveMode: string): this {
    this.saveMode = saveMode;
    return this;
  }

  /** The output format's short name. */
  format(source: string): this {
    this.fmt = source;
    return this;
  }

  /** One option. */
  option(key: string, value: OptionValue): this {
    this.opts.set(key, typeof value === "boolean" ? (value ? "true" : "false") : String(value));
    return this;
  }

  /** Several options. */
  options(options: OptionsObject): this {
    for (const [k, v] of Object.entries(options)) if (v !== undefined) this.option(k, v);
    return this;
  }

  /** Columns written as `key=value` directories instead of into the files. */
  partitionBy(...cols: readonly (string | readonly string[])[]): this {
    this.partitionColumns = cols.flat();
    return this;
  }

  /**
   * Buckets the rows of `saveAsTable` into `numBuckets` files per task by Spark's
   * `pmod(hash(cols), numBuckets)` (a bucketed table; save and insertInto refuse it, as Spark).
   */
  bucketBy(numBuckets: number, col: string | readonly string[], ...cols: string[]): this {
    if (!Number.isInteger(numBuckets)) throw new PySparkTypeError("NOT_INT", { arg_name: "numBuckets", arg_type: typeof numBuckets });
    this.numBuckets = numBuckets;
    this.bucketColumns = [...(typeof col === "string" ? [col] : col), ...cols];
    return this;
  }

  /** Sorts each bucket file of a bucketed `saveAsTable` by the columns (ascending). */
  sortBy(col: string | readonly string[], ...cols: string[]): this {
    this.sortColumns = [...(typeof col === "string" ? [col] : col), ...cols];
    return this;
  }

  /** Spark's DataFrameWriter.assertNotBucketed: only saveAsTable writes buckets. */
  private assertNotBucketed(operation: string): void {
    if (this.numBuckets === undefined && this.sortColumns.length === 0) return;
    if (this.numBuckets === undefined) throw new AnalysisException("SORT_BY_WITHOUT_BUCKETING", {});
    const [what, cls] = this.sortColumns.length === 0 ? ["bucketBy", "_LEGACY_ERROR_TEMP_1312"] : ["bucketBy and sortBy", "_LEGACY_ERROR_TEMP_1313"];
    throw new SparkException("AnalysisException", cls, { operation }, { rawMessage: `'${operation}' does not support ${what} right now.`, sqlState: "" });
  }

  /** Writes the rows as files under `path`. */
  async save(path: string, options: OptionsObject = {}): Promise<void> {
    this.assertNotBucketed("save");
    this.options(options);
    const s = this.df.sparkSession;
    const plan: WriteFiles = {
      kind: "WriteFiles",
      input: this.df.plan,
      format: this.fmt ?? s.conf.get("spark.sql.sources.default") ?? "parquet",
      path,
      mode: this.saveMode,
      options: [...this.opts.entries()],
      partitionBy: this.partitionColumns,
    };
    const result = await s.engine.executeQuery(plan, s.execContext());
    for await (const _ of result.batches) {
      // a write returns no rows; draining ends it
    }
  }

  /**
   * Writes the rows to a catalog table: created (from this writer's format, options and
   * partitionBy) when it does not exist; when it does, the mode decides: error, ignore,
   * overwrite (replaced) or append (by column name), as Spark's saveAsTable.
   */
  async saveAsTable(name: string, options: OptionsObject = {}): Promise<void> {
    this.options(options);
    const s = this.df.sparkSession;
    const bucketed = this.numBuckets !== undefined || this.sortColumns.length > 0;
    const spec = {
      tableName: name, method: "saveAsTable" as const, mode: this.saveMode, options: [...this.opts.entries()], partitionBy: this.partitionColumns, properties: [],
      ...(bucketed ? { bucketBy: { ...(this.numBuckets === undefined ? {} : { numBuckets: this.numBuckets }), bucketColumns: this.bucketColumns, sortColumns: this.sortColumns } } : {}),
    };
    await s.engine.writeTable(this.df.plan, this.fmt === undefined ? spec : { ...spec, format: this.fmt }, s.execContext());
  }

  /** Inserts the rows into an existing table by column position (overwrite: replacing its rows), as Spark's insertInto. */
  async insertInto(tableName: string, overwrite?: boolean): Promise<void> {
    this.assertNotBucketed("insertInto");
    const s = this.df.sparkSession;
    const replace = overwrite ?? this.saveMode.toLowerCase() === "overwrite";
    await s.engine.writeTable(this.df.plan, { tableName, method: "insertInto", overwrite: replace, options: [], partitionBy: [], properties: [] }, s.execContext());
  }

  /** CSV files. */
  csv(path: string, options: OptionsObject = {}): Promise<void> {
    return this.format("csv").save(path, options);
  }

  /** JSON lines files. */
  json(path: string, options: OptionsObject = {}): Promise<void> {
    return this.format("json").save(path, options);
  }

  /** One string column as lines of text. */
  text(path: string, options: OptionsObject = {}): Promise<void> {
    return this.format("text").save(path, options);
  }

  /** Parquet files. */
  parquet(path: string, options: OptionsObject = {}): Promise<void> {
    return this.format("parquet").save(path, options);
  }

  /** XML files: rows as `rowTag` elements (default ROW) under `rootTag` (default ROWS). */
  xml(path: string, options: OptionsObject = {}): Promise<void> {
    return this.format("xml").save(path, options);
  }
}
