/**
 * The lineitem read workloads (workloads-lineitem.ts, bench_lineitem.py), in table and run
 * order: each query's cold run comes before its warm runs in the same engine.
 */
export const LINEITEM_WORKLOADS = [
  ["lineitem_pq_q1_cold", "lineitem Parquet → Q1, cold"],
  ["lineitem_pq_q1", "lineitem Parquet → Q1, warm"],
  ["lineitem_pq_q6_cold", "lineitem Parquet → Q6, cold"],
  ["lineitem_pq_q6", "lineitem Parquet → Q6, warm"],
  ["lineitem_csv_q1_cold", "lineitem CSV → Q1, cold"],
  ["lineitem_csv_q1", "lineitem CSV → Q1, warm"],
  ["lineitem_csv_q6_cold", "lineitem CSV → Q6, cold"],
  ["lineitem_csv_q6", "lineitem CSV → Q6, warm"],
] as const;

/** A lineitem workload's key. */
export type LineitemKey = (typeof LINEITEM_WORKLOADS)[number][0];

/** Whether `k` is a lineitem workload. */
export function isLineitemKey(k: string): k is LineitemKey {
  return LINEITEM_WORKLOADS.some(([key]) => key === k);
}

