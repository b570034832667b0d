/** The workloads of `npm run bench`, in table order: key (shared with bench_py.py) and label. */
export const WORKLOADS = [
  ["groupby", "group-by k1,k2 sum(v)"],
  ["filter", "filter v>1000, project, agg"],
  ["groupby_str", "group-by string key gk"],
  ["count_distinct", "count(DISTINCT dk) by k1"],
  ["join", "join fact ⋈ dim, agg"],
  ["join_broadcast", "join fact ⋈ broadcast(dim), agg"],
  ["sort_double", "sort doubles"],
  ["sort_string", "sort strings"],
  ...STRING_WORKLOADS,
  ...SQL_PARSE_WORKLOADS,
  ["date_format", "date_format(ts, 'yyyy-MM-dd HH:mm:ss')"],
  ["to_timestamp", "to_timestamp(text, 'yyyy-MM-dd HH:mm:ss')"],
  ["pivot", "groupBy(k).pivot(p, 7 values).sum(v)"],
  ...LINEITEM_WORKLOADS,
  ...WINDOW_WORKLOADS,
  ...RDD_WORKLOADS,
] as const;

/** A workload's key. */
export type WorkloadKey = (typeof WORKLOADS)[number][0];

/** Whether `s` names a workload. */
export function isWorkloadKey(s: string): s is WorkloadKey {
  return WORKLOADS.some(([k]) => k === s);
}

// The string kernels' entries (issue 6) live with their workloads.
import { STRING_WORKLOADS } from "./workloads-strings.js";
// The SQL front end's parse + analyze workload (issue 8) lives with its queries.
import { SQL_PARSE_WORKLOADS } from "./workloads-sql-parse.js";
// The lineitem file-reading workloads (issue 7) live with theirs.
import { LINEITEM_WORKLOADS } from "./workload-list-lineitem.js";
// The window workload (issue 9) lives with its frame and query.
import { WINDOW_WORKLOADS } from "./workloads-window.js";
// The RDD and Python-UDF workloads (issue 10) live with their Node side.
import { RDD_WORKLOADS } from "./workloads-rdd.js";
