// Its own module: casts and function definitions need it, and importing it from
// evaluate.ts (which reaches them through the registry) would be an import cycle.

/** What evaluation needs from the session: ANSI mode and the time zone for date/time casts. */
export interface EvalContext {
  readonly ansi: boolean;
  readonly timeZone: string;
  /** spark.sql.mapKeyDedupPolicy: EXCEPTION (default) or LAST_WIN, for functions that build maps. */
  readonly mapKeyDedupPolicy?: string;
}
