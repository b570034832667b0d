import os from "node:os";
import path from "node:path";

/**
 * Session configuration: every key the engine reads, with Spark's default. Unknown keys
 * are stored and returned as given (spark.conf.set accepts anything), known keys are typed.
 */
export interface ConfEntry {
  readonly key: string;
  readonly default: string;
  readonly doc: string;
}

export const CONF_ENTRIES: readonly ConfEntry[] = [
  { key: "spark.sql.ansi.enabled", default: "true", doc: "ANSI SQL semantics: overflow and invalid casts raise errors." },
  { key: "spark.sql.decimalOperations.allowPrecisionLoss", default: "true", doc: "Decimal arithmetic whose exact result needs more than 38 digits gives up fractional digits (true) or caps precision and scale at 38 (false)." },
  { key: "spark.sql.session.timeZone", default: Intl.DateTimeFormat().resolvedOptions().timeZone, doc: "Session time zone." },
  { key: "spark.sql.shuffle.partitions", default: "200", doc: "Partitions every shuffle writes (adaptive execution then coalesces small ones)." },
  { key: "spark.sql.autoBroadcastJoinThreshold", default: "10MB", doc: "Largest estimated size of a join side that is broadcast to every task; -1 disables broadcast joins." },
  { key: "spark.sql.aggregate.skipPartialAggregate", default: "true", doc: "A partial aggregation that does not reduce its rows (see the two keys below) stops grouping and passes each row on as its own partial state." },
  { key: "spark.sql.aggregate.skipPartialAggregateMinNumRows", default: "100000", doc: "Rows a partial aggregation reads before it decides whether to skip." },
  { key: "spark.sql.aggregate.skipPartialAggregateAggregateRatio", default: "0.9", doc: "Groups per row above which a partial aggregation skips grouping." },
  {
    key: "spark.sql.join.preferSortMergeJoin",
    default: "true",
    doc: "Prefer a sort-merge join to a shuffled hash join for equi-joins too large to broadcast (Spark's default); false lets a side that fits a local hash map and is 3x smaller than the other build a shuffled hash join.",
  },
  { key: "spark.sql.sources.bucketing.enabled", default: "true", doc: "Read bucketed tables by bucket: a scan of one bucket per partition where an aggregate or join on the bucket columns needs no exchange, and buckets pruned by equality / IN filters on the bucket column." },
  {
    key: "spark.sql.sources.bucketing.autoBucketedScan.enabled",
    default: "true",
    doc: "Read a bucketed table by bucket only where an operator above benefits (Spark's DisableUnnecessaryBucketedScan); false reads every bucketed table by bucket.",
  },
  { key: "spark.sql.adaptive.enabled", default: "true", doc: "Adaptive query execution: shuffle partitions are coalesced from the map output sizes." },
  { key: "spark.sql.adaptive.coalescePartitions.enabled", default: "true", doc: "With adaptive execution, merge contiguous small shuffle partitions." },
  { key: "spark.sql.adaptive.advisoryPartitionSizeInBytes", default: "64MB", doc: "Target size of a shuffle partition after coalescing." },
  { key: "spark.sql.adaptive.coalescePartitions.minPartitionSize", default: "1MB", doc: "Smallest size of a coalesced shuffle partition." },
  { key: "spark.sql.adaptive.coalescePartitions.parallelismFirst", default: "true", doc: "Coalesce to no fewer partitions than the cores (ignoring the advisory size) so every core has work." },
  { key: "spark.sql.caseSensitive", default: "false", doc: "Whether column resolution is case sensitive." },
  { key: "spark.default.parallelism", default: "0", doc: "Default partitions for range/parallelize; 0 means number of cores." },
  { key: "spark.sql.optimizer.excludedRules", default: "", doc: "Comma-separated optimizer rule names to skip." },
  { key: "spark.sql.execution.arrow.pyspark.enabled", default: "false", doc: "toPandas and createDataFrame(pandas) through Arrow (PySpark's default: off)." },
  { key: "spark.sql.execution.arrow.pyspark.fallback.enabled", default: "true", doc: "With Arrow on, fall back to rows when a type has no Arrow form." },
  { key: "spark.app.name", default: "tspark", doc: "Application name." },
  {
    key: "spark.executor.pyspark.memory",
    default: "",
    doc:
      "Address-space limit of each Python worker process (Spark's size string, bare numbers in MiB), applied as PySpark's worker does " +
      "(RLIMIT_AS): user code that allocates past it gets MemoryError. Empty (the default) means no limit.",
  },
  {
    key: "spark.executor.memory",
    default: "",
    doc:
      "Memory of the engine's heap that execution may plan with (Spark's JVM size string, bare numbers in MiB). " +
      "Empty (the default) means the V8 heap limit of the thread running the task (node --max-old-space-size), " +
      "where Spark defaults to 1g. Tasks share (this − 300 MiB, or half of a setting under 600 MiB) × spark.memory.fraction; " +
      "with N tasks running each may hold 1/N of it. Sort spills past its share; an operator that cannot spill fails with UNABLE_TO_ACQUIRE_MEMORY.",
  },
  { key: "spark.memory.fraction", default: "0.6", doc: "Fraction of (executor memory − reserved) that execution (sort, aggregate, join buffers) may use." },
  { key: "spark.sql.mapKeyDedupPolicy", default: "EXCEPTION", doc: "What building a map with a duplicated key does: EXCEPTION raises DUPLICATED_MAP_KEY, LAST_WIN keeps the last value." },
  { key: "spark.sql.csv.filterPushdown.enabled", default: "true", doc: "Whether a CSV scan applies the pushed filters while it parses, skipping the rest of a record as soon as a filter rejects it (Spark's OrderedFilters)." },
  { key: "spark.sql.files.maxPartitionBytes", default: "128MB", doc: "The most bytes of files one partition of a file scan reads." },
  { key: "spark.sql.files.openCostInBytes", default: "4MB", doc: "What opening a file counts as, in bytes, when file splits are packed into partitions." },
  { key: "spark.sql.files.ignoreCorruptFiles", default: "false", doc: "Whether a file scan skips the rest of a file it cannot read (corrupt, truncated) instead of failing; the `ignoreCorruptFiles` read option overrides it." },
  { key: "spark.sql.files.ignoreMissingFiles", default: "false", doc: "Whether a file scan skips a file deleted after it was listed instead of failing; the `ignoreMissingFiles` read option overrides it." },
  { key: "spark.sql.files.minPartitionNum", default: "0", doc: "The partitions a file scan aims for at least; 0 means the default parallelism." },
  { key: "spark.sql.sources.partitionOverwriteMode", default: "STATIC", doc: "STATIC: an overwrite replaces everything under the path; DYNAMIC: only the partition directories the write produces." },
  { key: "spark.sql.sources.default", default: "parquet", doc: "The format spark.read.load / df.write.save use when none is given." },
  { key: "spark.sql.maxMetadataStringLength", default: "100", doc: "The longest value explain prints in a file scan's metadata (longer ones end in ...)." },
  { key: "spark.sql.transposeMaxValues", default: "500", doc: "The most index values df.transpose() may turn into columns (more raise TRANSPOSE_EXCEED_ROW_LIMIT)." },
  { key: "spark.sql.pivotMaxValues", default: "10000", doc: "The most distinct values a pivot without values may find in its column (more raise an error)." },
  { key: "spark.sql.windowExec.buffer.spill.threshold", default: "2147483647", doc: "Rows of one window partition the window operator holds before it spills the partition to spark.local.dir (it spills sooner past its memory budget)." },
  { key: "spark.local.dir", default: os.tmpdir(), doc: "Directory for spill files (sorted runs); each engine process uses its own subdirectory, and every file is deleted when its task ends." },
  { key: "spark.sql.warehouse.dir", default: `file:${path.resolve("spark-warehouse")}`, doc: "Where managed tables and databases live: `default`'s tables as directories in it, database db as db.db/ (catalog/warehouse.ts); one metadata file per table beside its data." },
];

const BYTE_UNITS: Readonly<Record<string, number>> = { "": 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4 };

/** Spark's JavaUtils.byteStringAsBytes: "10MB" → 10485760 (binary units; a bare number is bytes). */
export function parseByteString(s: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(s);
  const unit = m === null ? undefined : BYTE_UNITS[m[2]!.toLowerCase()];
  if (m === null || unit === undefined) return Number.NaN;
  return Math.floor(Number(m[1]) * unit);
}

const DEFAULTS = new Map(CONF_ENTRIES.map((e) => [e.key, e.default]));

/** A session's mutable configuration. */
export class SqlConf {
  private readonly values = new Map<string, string>();

  set(key: string, value: string): void {
    this.values.set(key, value);
  }

  unset(key: string): void {
    this.values.delete(key);
  }

  get(key: string, fallback?: string): string | undefined {
    return this.values.get(key) ?? DEFAULTS.get(key) ?? fallback;
  }

  getBoolean(key: string): boolean {
    return (this.get(key) ?? "false").toLowerCase() === "true";
  }

  getNumber(key: string): number {
    return Number(this.get(key) ?? "0");
  }

  /** A size in bytes: a plain number or Spark's byte-string form ("10MB", "64m", "1g"). */
  getBytes(key: string): number {
    return parseByteString(this.get(key) ?? "0");
  }

  get ansi(): boolean {
    return this.getBoolean("spark.sql.ansi.enabled");
  }

  get caseSensitive(): boolean {
    return this.getBoolean("spark.sql.caseSensitive");
  }

  entries(): [string, string][] {
    return [...this.values.entries()];
  }
}
