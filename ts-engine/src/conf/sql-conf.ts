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
  { key: "spark.sql.session.timeZone", default: Intl.DateTimeFormat().resolvedOptions().timeZone, doc: "Session time zone." },
  { key: "spark.sql.shuffle.partitions", default: "200", doc: "Partitions after a shuffle (capped to cores for local execution)." },
  { key: "spark.sql.caseSensitive", default: "false", doc: "Whether column resolution is case sensitive." },
  { key: "spark.default.parallelism", default: "0", doc: "Default partitions for range/parallelize; 0 means number of cores." },
  { key: "spark.sql.optimizer.excludedRules", default: "", doc: "Comma-separated optimizer rule names to skip." },
  { key: "spark.sql.execution.arrow.pyspark.enabled", default: "true", doc: "toPandas through Arrow when pyarrow is installed." },
  { key: "spark.app.name", default: "tspark", doc: "Application name." },
];

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
