import type { SqlConf } from "../conf/sql-conf.js";
import { checkTimeZoneConf } from "../expr/datetime/zone-rules.js";

/** `spark.conf`: the session's runtime configuration, as PySpark's RuntimeConfig. */
export class RuntimeConfig {
  private readonly conf: SqlConf;

  constructor(conf: SqlConf) {
    this.conf = conf;
  }

  /** Sets a key (values are stored as strings, as in Spark). */
  set(key: string, value: string | number | boolean): void {
    checkTimeZoneConf(key, String(value));
    this.conf.set(key, String(value));
  }

  /** The value of a key, its default, or `defaultValue`. */
  get(key: string, defaultValue?: string): string | undefined {
    return this.conf.get(key, defaultValue);
  }

  /** Removes a key set in this session (it returns to its default). */
  unset(key: string): void {
    this.conf.unset(key);
  }

  /** Every key set in this session, with its value. */
  getAll(): Record<string, string> {
    return Object.fromEntries(this.conf.entries());
  }
}
