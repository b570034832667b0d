import { IllegalArgumentException } from "../errors/spark-exception.js";

/**
 * A data source's options as the user gave them (`option(k, v)`, keyword arguments of
 * `csv(...)`), looked up case-insensitively as Spark's CaseInsensitiveMap does. Values are
 * strings: the client sends booleans as "true"/"false", as PySpark's `to_str` does.
 */
export class SourceOptions {
  private readonly map: ReadonlyMap<string, string>;

  constructor(readonly entries: readonly (readonly [string, string])[]) {
    this.map = new Map(entries.map(([k, v]) => [k.toLowerCase(), v]));
  }

  /** The value of `key`, undefined when not given. */
  get(key: string): string | undefined {
    return this.map.get(key.toLowerCase());
  }

  /** Whether `key` was given. */
  has(key: string): boolean {
    return this.map.has(key.toLowerCase());
  }

  /** The value of `key`, else `dflt`. */
  string(key: string, dflt: string): string {
    return this.get(key) ?? dflt;
  }

  /** A boolean option: "true"/"false" in any case, else Spark's error for a bad boolean. */
  bool(key: string, dflt: boolean): boolean {
    const v = this.get(key);
    if (v === undefined) return dflt;
    const t = v.trim().toLowerCase();
    if (t === "true") return true;
    if (t === "false") return false;
    throw new IllegalArgumentException(`${key} should be a boolean, but got '${v}'`);
  }

  /** An integer option (Spark's `getInt`: Java's Integer.parseInt). */
  int(key: string, dflt: number): number {
    const v = this.get(key);
    if (v === undefined) return dflt;
    if (!/^\s*[+-]?\d+\s*$/.test(v)) throw new IllegalArgumentException(`${key} should be an integer. Found ${v}`);
    return Number.parseInt(v, 10);
  }

  /** A floating-point option. */
  double(key: string, dflt: number): number {
    const v = this.get(key);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (v.trim() === "" || Number.isNaN(n)) throw new IllegalArgumentException(`${key} should be a number. Found ${v}`);
    return n;
  }

  /** These options with `extra` added (later wins), e.g. a writer's compression. */
  with(extra: readonly (readonly [string, string])[]): SourceOptions {
    return new SourceOptions([...this.entries, ...extra]);
  }
}
