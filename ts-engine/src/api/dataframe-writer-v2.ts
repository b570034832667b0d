import { AnalysisException } from "../errors/spark-exception.js";
import type { TableWriteMethod, TableWriteSpec } from "../engine/dataframe-table-write.js";
import type { Column } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import type { OptionValue } from "./dataframe-reader.js";

/**
 * `df.writeTo(table)`, as PySpark's DataFrameWriterV2: `using`, `option(s)`, `tableProperty`,
 * `partitionedBy`, then `create`, `replace`, `createOrReplace`, `append` or
 * `overwritePartitions`. Each returns a Promise that settles once the table is written.
 */
export class DataFrameWriterV2 {
  private provider: string | undefined;
  private readonly opts = new Map<string, string>();
  private readonly props = new Map<string, string>();
  private partitions: string[] = [];

  /** @internal use `df.writeTo(table)`. */
  constructor(
    private readonly df: DataFrame,
    private readonly table: string,
  ) {}

  /** The table's format (parquet, csv, json, text). */
  using(provider: string): this {
    this.provider = provider;
    return this;
  }

  /** One write option. */
  option(key: string, value: OptionValue): this {
    this.opts.set(key, typeof value === "boolean" ? (value ? "true" : "false") : String(value));
    return this;
  }

  /** Several write options. */
  options(options: Readonly<Record<string, OptionValue>>): this {
    for (const [k, v] of Object.entries(options)) this.option(k, v);
    return this;
  }

  /** A table property (TBLPROPERTIES). */
  tableProperty(property: string, value: string): this {
    this.props.set(property, value);
    return this;
  }

  /** Partition columns, by name or as plain column references (partition transforms are not supported). */
  partitionedBy(...cols: readonly (string | Column)[]): this {
    this.partitions = cols.map((c) => {
      if (typeof c === "string") return c;
      if (c.expr.kind !== "UnresolvedAttribute") throw new AnalysisException("NOT_IMPLEMENTED", { feature: "partition transforms in partitionedBy" });
      return c.expr.nameParts.join(".");
    });
    return this;
  }

  private run(method: TableWriteMethod): Promise<void> {
    const s = this.df.sparkSession;
    const spec: TableWriteSpec = {
      tableName: this.table,
      method,
      options: [...this.opts.entries()],
      partitionBy: this.partitions,
      properties: [...this.props.entries()],
      ...(this.provider === undefined ? {} : { format: this.provider }),
    };
    return s.engine.writeTable(this.df.plan, spec, s.execContext());
  }

  /** Creates the table from the rows (TABLE_OR_VIEW_ALREADY_EXISTS when it exists). */
  create(): Promise<void> {
    return this.run("create");
  }

  /** Replaces an existing table with the rows. */
  replace(): Promise<void> {
    return this.run("replace");
  }

  /** Creates the table, or replaces it when it exists. */
  createOrReplace(): Promise<void> {
    return this.run("createOrReplace");
  }

  /** Appends the rows to the existing table (columns matched by name). */
  append(): Promise<void> {
    return this.run("append");
  }

  /** Replaces the partitions the rows fall in (Spark's dynamic partition overwrite). */
  overwritePartitions(): Promise<void> {
    return this.run("overwritePartitions");
  }
}
