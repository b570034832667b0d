import { SparkException } from "../errors/spark-exception.js";
import type { PartitionTransform, TableWriteMethod, TableWriteSpec } from "../engine/dataframe-table-write.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
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
  private transforms: PartitionTransform[] = [];

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

  /**
   * The table's partitioning: column names, column references and the partition transforms of
   * `functions.years/months/days/hours/bucket` (on the session catalog a bucket(n, col) is a
   * bucketed table and the others are refused, as Spark's).
   */
  partitionedBy(...cols: readonly (string | Column)[]): this {
    this.transforms = cols.map((c) => partitionTransform(typeof c === "string" ? { kind: "UnresolvedAttribute", nameParts: c.split(".") } : c.expr));
    return this;
  }

  /** Replaces the rows that match `condition` (on the session catalog's file tables: Spark's v1 error). */
  overwrite(condition: Column): Promise<void> {
    void condition; // a v1 table rejects the write before any condition is evaluated, as Spark's
    return this.run("overwrite");
  }

  private run(method: TableWriteMethod): Promise<void> {
    const s = this.df.sparkSession;
    const spec: TableWriteSpec = {
      tableName: this.table,
      method,
      options: [...this.opts.entries()],
      partitionBy: this.transforms.filter((t) => t.name === "identity").map((t) => t.column),
      properties: [...this.props.entries()],
      ...(this.transforms.length === 0 ? {} : { transforms: this.transforms }),
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

const TRANSFORM_NAMES: readonly PartitionTransform["name"][] = ["years", "months", "days", "hours"];

/** A partitionedBy argument as a transform, as Spark's DataFrameWriterV2 reads one: a column, or a transform over a column. */
function partitionTransform(e: ParsedExpr): PartitionTransform {
  if (e.kind === "UnresolvedAttribute") return { name: "identity", column: e.nameParts.join(".") };
  if (e.kind === "UnresolvedFunction") {
    const name = TRANSFORM_NAMES.find((n) => n === e.name.toLowerCase());
    const [a, b] = e.args;
    if (name !== undefined && e.args.length === 1 && a?.kind === "UnresolvedAttribute") return { name, column: a.nameParts.join(".") };
    if (e.name.toLowerCase() === "bucket" && e.args.length === 2 && a?.kind === "Literal" && typeof a.value === "number" && b?.kind === "UnresolvedAttribute") {
      return { name: "bucket", column: b.nameParts.join("."), numBuckets: a.value };
    }
  }
  const text = transformText(e);
  throw new SparkException("AnalysisException", "_LEGACY_ERROR_TEMP_1316", { expr: text }, { rawMessage: `Invalid partition transformation: ${text}.`, sqlState: "" });
}

/** An expression as Spark's error prints an unresolved one: `` `+`(id, 1) ``. */
function transformText(e: ParsedExpr): string {
  if (e.kind === "UnresolvedAttribute") return e.nameParts.join(".");
  if (e.kind === "Literal") return String(e.value);
  if (e.kind === "UnresolvedFunction") return `${/^[A-Za-z_]\w*$/.test(e.name) ? e.name : `\`${e.name}\``}(${e.args.map(transformText).join(", ")})`;
  return e.kind;
}
