import type { SessionFunction } from "../plan/analyzer/scope.js";

/**
 * The session's registered Python functions (`spark.udf.register`), by lower-cased name:
 * Spark's session FunctionRegistry entries for temporary functions, which replace a
 * previous registration of the same name and shadow built-in functions.
 */
export class TempFunctions {
  private readonly byName = new Map<string, SessionFunction>();

  /** Register (or replace) `f` under its name. */
  register(f: SessionFunction): void {
    this.byName.set(f.name.toLowerCase(), f);
  }

  /** The function registered under `name`, case-insensitively. */
  lookup(name: string): SessionFunction | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The registered names as given, in registration order. */
  names(): string[] {
    return [...this.byName.values()].map((f) => f.name);
  }
}
