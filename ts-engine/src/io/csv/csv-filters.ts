import type { StructType } from "../../types/data-type.js";
import { pushedFilterColumns, type PushedFilter } from "../pushed-filter.js";
import { canEvaluate } from "../pushed-filter-eval.js";

/**
 * The pushed filters a CSV scan applies while it converts, as Spark's OrderedFilters: each
 * filter sits at the position of the last required column it reads (filters at the same
 * position ANDed), so a record is dropped as soon as the columns a filter needs are converted
 * and the filter is not TRUE, and its later columns are never converted. A dropped record
 * is not a malformed one either (Spark returns no row for it in every mode).
 */
export type OrderedFilters = readonly (PushedFilter | undefined)[];

/**
 * The ordered filters of a scan of `required` columns, or null when none applies: filter
 * push-down off (spark.sql.csv.filterPushdown.enabled), a filter that reads the corrupt
 * record column or a column the scan does not read (Spark's CSVFileFormat leaves those
 * out), or one this engine cannot evaluate on a batch's vectors (kept by the Filter above).
 */
export function orderedFilters(filters: readonly PushedFilter[], required: StructType, corruptColumn: string, enabled: boolean): OrderedFilters | null {
  if (!enabled || filters.length === 0) return null;
  const at: (PushedFilter | undefined)[] = new Array<PushedFilter | undefined>(required.fields.length).fill(undefined);
  const typeOf = (name: string): StructType["fields"][number]["dataType"] | undefined => (name === corruptColumn ? undefined : required.fields.find((f) => f.name === name)?.dataType);
  let any = false;
  for (const f of filters) {
    const cols = [...pushedFilterColumns(f)];
    if (cols.length === 0 || !canEvaluate(f, typeOf)) continue;
    const last = Math.max(...cols.map((c) => required.fields.findIndex((x) => x.name === c)));
    const prev = at[last];
    at[last] = prev === undefined ? f : { kind: "And", left: prev, right: f };
    any = true;
  }
  return any ? at : null;
}
