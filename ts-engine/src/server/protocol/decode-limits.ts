/**
 * The ceilings the wire decoders enforce, process-wide: `tspark-engine serve --max-partitions
 * --max-local-rows --max-depth` lower or raise them for one engine (serve.ts). A hostile or buggy
 * client that passes one gets INVALID_PLAN_INPUT naming the limit, at decode, before anything is
 * allocated or scheduled for it.
 */
export interface DecodeLimits {
  /** Partitions a DataFrame plan may ask for (Range, LocalRelation, repartition). */
  readonly maxPartitions: number;
  /** Rows one LocalRelation may carry. */
  readonly maxLocalRows: number;
  /** Nesting of maps and arrays a message may have (at most HARD_MAX_DEPTH). */
  readonly maxDepth: number;
}

/**
 * The deepest nesting that is ever safe: the decoders and the analyzer recurse once or twice per
 * level, and Node's default stack overflows at a chain of about 1,400 `+` (2,800 levels).
 */
export const HARD_MAX_DEPTH = 2_500;

/**
 * The defaults. Each partition is a task: 10,000 empty ones take seconds, and
 * `range(0, 10, 1, 10**9)` would hold the engine for hours while its task list grew by gigabytes.
 * Every local row becomes a JS array before it becomes columns, so a frame of a billion empty
 * rows (one byte each) would cost tens of gigabytes; larger local data belongs in a file.
 */
export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxPartitions: 100_000, maxLocalRows: 20_000_000, maxDepth: HARD_MAX_DEPTH };

let current: DecodeLimits = DEFAULT_DECODE_LIMITS;

/** The limits in force. */
export function decodeLimits(): DecodeLimits {
  return current;
}

/** Sets some limits (the rest keep their values); throws on a value that is not a positive integer, or a depth past HARD_MAX_DEPTH. */
export function configureDecodeLimits(limits: Partial<DecodeLimits>): void {
  for (const [k, v] of Object.entries(limits)) {
    if (v !== undefined && (!Number.isSafeInteger(v) || v < 1)) throw new Error(`${k} must be a positive integer, got ${String(v)}`);
  }
  if (limits.maxDepth !== undefined && limits.maxDepth > HARD_MAX_DEPTH) {
    throw new Error(`the nesting limit cannot exceed ${HARD_MAX_DEPTH} levels: deeper messages would overflow the engine's stack`);
  }
  current = { ...current, ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) };
}
