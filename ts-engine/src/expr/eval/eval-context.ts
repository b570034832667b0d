// Its own module: casts and function definitions need it, and importing it from
// evaluate.ts (which reaches them through the registry) would be an import cycle.

/** What evaluation needs from the session: ANSI mode and the time zone for date/time casts. */
export interface EvalContext {
  readonly ansi: boolean;
  readonly timeZone: string;
  /** spark.sql.mapKeyDedupPolicy: EXCEPTION (default) or LAST_WIN, for functions that build maps. */
  readonly mapKeyDedupPolicy?: string;
  /**
   * The partition the batch belongs to and how many of its rows the operator evaluated before
   * this batch: what Spark's Nondeterministic expressions (monotonically_increasing_id,
   * spark_partition_id, rand) initialise per partition. Absent outside an operator (partition 0, offset 0).
   */
  readonly partition?: PartitionPosition;
}

/** A batch's place in its partition's stream, as ProjectExec/FilterExec track it. */
export interface PartitionPosition {
  readonly index: number;
  readonly rowOffset: number;
}
