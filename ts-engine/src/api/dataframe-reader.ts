import type { DataSource } from "../plan/parsed-plan.js";
import { parseDDL } from "../types/ddl.js";
import type { StructType } from "../types/data-type.js";
import type { DataFrame } from "./dataframe.js";
import type { SparkSession } from "./spark-session.js";

/** An option value as PySpark sends it: booleans as "true"/"false", numbers as their text. */
export type OptionValue = string | number | boolean;

/** Options given as an object: `{ header: true, sep: ";" }` (undefined entries are skipped, as PySpark's None). */
export type OptionsObject = Readonly<Record<string, OptionValue | undefined>>;

function optionText(v: OptionValue): string {
  return typeof v === "boolean" ? (v ? "true" : "false") : String(v);
}

/**
 * `spark.read`, as PySpark's DataFrameReader: `format(...)`, `option(s)`, `schema(...)`, then
 * `load(paths)` or `csv`/`json`/`text`/`parquet(paths, options)`. Loading resolves the source
 * at once (files listed, schema inferred: a missing path rejects here), so the Promise gives
 * a DataFrame whose schema is known.
 */
export class DataFrameReader {
  private fmt: string | undefined;
  private userSchema: StructType | undefined;
  private readonly opts = new Map<string, string>();

  /** @internal use `spark.read`. */
  constructor(private readonly session: SparkSession) {}

  /** The source's short name (`csv`, `json`, `text`, `parquet`). */
  format(source: string): this {
    this.fmt = source;
    return this;
  }

  /** The schema to read with: a StructType or a DDL string (`"a INT, b STRING"`). */
  schema(schema: StructType | string): this {
    this.userSchema = typeof schema === "string" ? parseDDL(schema) : schema;
    return this;
  }

  /** `spark.read.table(name)`: the table or view, as `spark.table(name)`. */
  table(tableName: string): DataFrame {
    return this.session.table(tableName);
  }

  /** One option. */
  option(key: string, value: OptionValue): this {
    this.opts.set(key, optionText(value));
    return this;
  }

  /** Several options. */
  options(options: OptionsObject): this {
    for (const [k, v] of Object.entries(options)) if (v !== undefined) this.option(k, v);
    return this;
  }

  /** The DataFrame of the files at `paths` (one path or several). */
  async load(paths: string | readonly string[] = [], options: OptionsObject = {}): Promise<DataFrame> {
    this.options(options);
    const fmt = this.fmt ?? this.session.conf.get("spark.sql.sources.default") ?? "parquet";
    const plan: DataSource = {
      kind: "DataSource",
      format: fmt,
      paths: typeof paths === "string" ? [paths] : [...paths],
      options: [...this.opts.entries()],
      ...(this.userSchema === undefined ? {} : { schema: this.userSchema }),
    };
    const engine = this.session.engine;
    const resolved = engine.resolveSources === undefined ? plan : await engine.resolveSources(plan, this.session.execContext());
    return this.session.frame(resolved);
  }

  /** CSV files (options as PySpark's `csv(...)` keyword arguments). */
  csv(paths: string | readonly string[], options: OptionsObject = {}): Promise<DataFrame> {
    return this.format("csv").load(paths, options);
  }

  /** JSON files (one record per line, or `multiLine`). */
  json(paths: string | readonly string[], options: OptionsObject = {}): Promise<DataFrame> {
    return this.format("json").load(paths, options);
  }

  /** Text files as one string column `value` (a row per line, or per file with `wholetext`). */
  text(paths: string | readonly string[], options: OptionsObject = {}): Promise<DataFrame> {
    return this.format("text").load(paths, options);
  }

  /** Parquet files. */
  parquet(paths: string | readonly string[], options: OptionsObject = {}): Promise<DataFrame> {
    return this.format("parquet").load(paths, options);
  }

  /** XML files: one row per `rowTag` element (Spark 4's XML source; `rowTag` is required). */
  xml(paths: string | readonly string[], options: OptionsObject = {}): Promise<DataFrame> {
    return this.format("xml").load(paths, options);
  }
}
