import path from "node:path";
import type { CatalogTable } from "../catalog/catalog-table.js";
import type { BucketSpec } from "../plan/bucket-spec.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { saveToPath } from "./save-to-path.js";

/** The column a bucketed write adds for each row's bucket id; it names the file and is never written. */
const BUCKET_ID = "__bucket_id";

function attr(name: string): ParsedExpr {
  return { kind: "UnresolvedAttribute", nameParts: [name] };
}

/**
 * The rows of a bucketed write (Spark's FileFormatWriter with a BucketSpec): each row's bucket
 * id is `pmod(hash(bucket columns), numBuckets)`, Spark's HashPartitioning partition id
 * (Murmur3, seed 42), and each task's rows are sorted by the sort columns, so that every
 * bucket file a task writes is sorted (Spark's required ordering within a write task).
 */
function withBucketIds(rows: ParsedPlan, spec: BucketSpec): ParsedPlan {
  const id: ParsedExpr = {
    kind: "UnresolvedFunction",
    name: "pmod",
    args: [{ kind: "UnresolvedFunction", name: "hash", args: spec.bucketColumns.map(attr), isDistinct: false }, { kind: "Literal", value: spec.numBuckets, dataType: { kind: "integer" } }],
    isDistinct: false,
  };
  const projected: ParsedPlan = { kind: "Project", input: rows, exprs: [{ kind: "UnresolvedStar" }, { kind: "Alias", child: id, name: BUCKET_ID }] };
  if (spec.sortColumns.length === 0) return projected;
  return { kind: "Sort", input: projected, global: false, orders: spec.sortColumns.map((c) => ({ kind: "SortOrder", child: attr(c), ascending: true, nullsFirst: true })) };
}

/**
 * Writes `rows` (a plan whose columns are the table's, in its order, without the static
 * partition columns) into a table's files through the files helper's one save path,
 * saveToPath, as df.write (engine/run-write.ts: tasks into a staging directory, then an
 * atomic commit), in the table's format and with its options; a bucketed table's rows go to
 * one file per bucket (`part-…_00003.c000…`), sorted by its sort columns. `subdir` is the
 * static partition directory (`p=1/q=2`) an INSERT … PARTITION writes into; `partitionBy` the
 * dynamic partition columns left. Overwrite replaces what is under the target (the whole
 * table, or the static partition), or with spark.sql.sources.partitionOverwriteMode=dynamic
 * the partitions the rows fall in.
 */
export async function writeTableFiles(
  table: CatalogTable,
  rows: ParsedPlan,
  opts: { readonly subdir?: string; readonly overwrite: boolean; readonly partitionBy: readonly string[] },
  ctx: ExecContext,
): Promise<void> {
  const target = opts.subdir === undefined || opts.subdir === "" ? table.location : path.join(table.location, opts.subdir);
  const spec = table.bucketSpec;
  await saveToPath(spec === undefined ? rows : withBucketIds(rows, spec), {
    format: table.provider,
    path: target,
    mode: opts.overwrite ? "overwrite" : "append",
    options: table.options,
    partitionBy: opts.partitionBy,
    ...(spec === undefined ? {} : { bucketIdColumn: BUCKET_ID }),
  }, ctx);
}
