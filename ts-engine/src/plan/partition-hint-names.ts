/** Spark's ResolveCoalesceHints.COALESCE_HINT_NAMES: the hints that repartition their input. */
const PARTITION_HINTS = new Set(["COALESCE", "REPARTITION", "REPARTITION_BY_RANGE", "REBALANCE"]);

/** Whether a hint (matched case-insensitively) is a partitioning hint; the others are join strategies or ignored. */
export function isPartitionHint(name: string): boolean {
  return PARTITION_HINTS.has(name.toUpperCase());
}
