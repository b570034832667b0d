import path from "node:path";
import type { CatalogTable } from "../catalog/catalog-table.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { saveToPath } from "./save-to-path.js";

/**
 * Writes `rows` (a plan whose columns are the table's, in its order, without the static
 * partition columns) into a table's files through the files helper's one save path,
 * saveToPath, as df.write (engine/run-write.ts: tasks into a staging directory, then an
 * atomic commit), in the table's format and with its options. `subdir` is the static
 * partition directory (`p=1/q=2`) an INSERT … PARTITION writes into; `partitionBy` the
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
  await saveToPath(rows, { format: table.provider, path: target, mode: opts.overwrite ? "overwrite" : "append", options: table.options, partitionBy: opts.partitionBy }, ctx);
}
