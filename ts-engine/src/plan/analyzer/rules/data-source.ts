import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef } from "../../../expr/expr.js";
import { relationSchema } from "../../../io/file-source.js";
import { fileFormat } from "../../../io/formats.js";
import type { FileScan, SaveMode } from "../../logical-plan.js";
import type { DataSource, WriteFiles } from "../../parsed-plan.js";
import { fileScan, insertIntoFiles } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import { sameName, type AnalyzerCtx, type Resolved } from "../context.js";
import { noPlan } from "../no-plan.js";

/** A read's FileScan over the relation resolved before analysis, one new attribute per column. */
export function resolveDataSource(p: DataSource): FileScan {
  const rel = p.relation;
  if (rel === undefined) throw new InternalError(`data source ${p.format} was not resolved before analysis`);
  const attrs: AttributeRef[] = relationSchema(rel).fields.map((f) => ({
    kind: "AttributeRef",
    name: f.name,
    dataType: f.dataType,
    nullable: true,
    exprId: newExprId(),
    // a Parquet file's field metadata (Spark's row.metadata footer key) stays the column's
    ...(f.metadata === undefined ? {} : { metadata: f.metadata }),
  }));
  return fileScan(rel, attrs);
}

/** Spark's SaveMode names, case-insensitive ("default" and "error" are ErrorIfExists). */
const SAVE_MODES: Readonly<Record<string, SaveMode>> = {
  append: "append",
  overwrite: "overwrite",
  ignore: "ignore",
  error: "errorifexists",
  errorifexists: "errorifexists",
  default: "errorifexists",
};

/** A save mode as the user spelled it, else INVALID_SAVE_MODE (as DataFrameWriter.mode raises it). */
export function saveMode(mode: string): SaveMode {
  const m = SAVE_MODES[mode.toLowerCase()];
  // raised by DataFrameWriter.mode in Spark, before any plan exists: no plan in the message
  if (m === undefined) throw noPlan(new AnalysisException("INVALID_SAVE_MODE", { mode: `"${mode}"` }));
  return m;
}

/**
 * A write: the format must exist and each partitionBy name must be a column of the input
 * (partition columns go into directory names, not the files). Whether the format takes the
 * data columns' types is checked when the write runs, after the save mode (as Spark's
 * FileFormatWriter does).
 */
export function resolveWriteFiles(p: WriteFiles, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const mode = saveMode(p.mode);
  const format = fileFormat(p.format);
  const out = outputOf(child.plan);
  const partitionBy = p.partitionBy.map((name) => {
    const a = out.find((x) => sameName(x.name, name, ctx.caseSensitive));
    if (a === undefined) {
      throw noPlan(
        new AnalysisException("_LEGACY_ERROR_TEMP_1156", {
          message: `Partition column \`${name}\` not found in schema ${structText(out)}`,
        }),
      );
    }
    return a;
  });
  if (partitionBy.length > 0 && partitionBy.length === out.length) {
    throw noPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1157", { message: "Cannot use all columns for partition columns" }));
  }
  const bucketId = p.bucketIdColumn === undefined ? undefined : out.find((x) => x.name === p.bucketIdColumn);
  if (p.bucketIdColumn !== undefined && bucketId === undefined) throw new InternalError(`bucket id column ${p.bucketIdColumn} is not in the write's input`);
  return { plan: insertIntoFiles(child.plan, format.name, p.path, mode, p.options, partitionBy, bucketId), planIds: child.planIds };
}

function structText(attrs: readonly AttributeRef[]): string {
  return `struct<${attrs.map((a) => `${a.name}:${a.dataType.kind}`).join(",")}>`;
}
