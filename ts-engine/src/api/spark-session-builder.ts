import type { QueryEnginePort } from "./query-engine-port.js";
import type { SparkSession } from "./spark-session.js";

type Create = (conf: Readonly<Record<string, string>>, engine: QueryEnginePort | undefined) => SparkSession;

/** PySpark's `SparkSession.Builder`: collects options, then `getOrCreate()`. */
export class SparkSessionBuilder {
  private readonly options: Record<string, string> = {};
  private engineOverride: QueryEnginePort | undefined;
  private readonly create: Create;

  /** @internal use `SparkSession.builder`. */
  constructor(create: Create) {
    this.create = create;
  }

  /** Sets `spark.app.name`. */
  appName(name: string): this {
    return this.config("spark.app.name", name);
  }

  /** Sets `spark.master` (informational: the engine always runs in this process). */
  master(master: string): this {
    return this.config("spark.master", master);
  }

  /** Sets a configuration key, or several from an object. */
  config(key: string | Readonly<Record<string, string | number | boolean>>, value?: string | number | boolean): this {
    if (typeof key === "string") {
      this.options[key] = String(value ?? "");
    } else {
      for (const [k, v] of Object.entries(key)) this.options[k] = String(v);
    }
    return this;
  }

  /** @internal runs the session on another engine (tests). */
  withEngine(engine: QueryEnginePort): this {
    this.engineOverride = engine;
    return this;
  }

  /** The active session (with these options applied), or a new one. */
  getOrCreate(): SparkSession {
    return this.create(this.options, this.engineOverride);
  }
}
