import { ObservationStore } from "../exec/observation-store.js";
import { ProfileStore } from "../exec/metrics/profile-store.js";
import { SessionCheckpoints } from "../exec/cache/session-checkpoints.js";
import { newSharedCatalog, SessionCatalog } from "../catalog/session-catalog.js";
import { SqlConf } from "../conf/sql-conf.js";
import { parseTableName } from "../sql/parse-table-name.js";
import { sqlRelation, type SqlArg } from "./sql-format.js";
import { Catalog } from "./catalog.js";
import type { EngineServices, ExecContext } from "../exec/exec-context.js";
import type { ParsedPlan, ParsedRange } from "../plan/parsed-plan.js";
import { localRelation, type RowLike, type SchemaLike } from "./create-dataframe.js";
import { DataFrame } from "./dataframe.js";
import { DataFrameReader } from "./dataframe-reader.js";
import { defaultEngine } from "./default-engine.js";
import type { QueryEnginePort } from "./query-engine-port.js";
import { RuntimeConfig } from "./runtime-config.js";
import { SparkSessionBuilder } from "./spark-session-builder.js";
import { SparkContext } from "./spark-context.js";
import { UDFRegistration } from "./udf-registration.js";

let activeSession: SparkSession | null = null;
let sharedServices: EngineServices | null = null;
/** The global temp views (global_temp) and databases of this process's in-process engine, shared by its sessions. */
const processCatalog = newSharedCatalog();

/**
 * The entry point, as PySpark's SparkSession, running the engine in this process:
 * `SparkSession.builder.appName("x").getOrCreate()`. Transformations build plans;
 * actions (collect, show, count …) run them and return Promises.
 */
export class SparkSession {
  /** The session's runtime configuration (`spark.conf.set(...)`). */
  readonly conf: RuntimeConfig;
  /** Spark version whose semantics this engine follows. */
  readonly version = "4.0.1";
  /** @internal the engine entry points (replaceable in tests). */
  readonly engine: QueryEnginePort;
  private readonly sqlConf: SqlConf;
  private nextPlanId = 0;
  private readonly catalogState = new SessionCatalog(processCatalog, { get: (k) => this.sqlConf.get(k) });
  /** @internal metrics this session's actions observed (df.observe), read by Observation.get. */
  readonly observationStore = new ObservationStore();
  /** @internal its frames' last profiled runs, for explain("formatted") after an action. */
  readonly profileStore = new ProfileStore();
  /** @internal the checkpoints this session made (freed by stop()). */
  readonly checkpointStore = new SessionCheckpoints();
  private stopped = false;
  private sparkContextState: SparkContext | undefined;

  /** Prefer `SparkSession.builder…getOrCreate()`; this makes an independent session. */
  constructor(options: { conf?: Readonly<Record<string, string>>; engine?: QueryEnginePort } = {}) {
    this.sqlConf = new SqlConf();
    for (const [k, v] of Object.entries(options.conf ?? {})) this.sqlConf.set(k, v);
    this.conf = new RuntimeConfig(this.sqlConf);
    this.engine = options.engine ?? defaultEngine;
  }

  /** A new builder, as PySpark's `SparkSession.builder` attribute. */
  static get builder(): SparkSessionBuilder {
    return new SparkSessionBuilder((conf, engine) => {
      if (activeSession !== null && !activeSession.stopped) {
        for (const [k, v] of Object.entries(conf)) activeSession.conf.set(k, v);
        return activeSession;
      }
      activeSession = new SparkSession({ conf, ...(engine === undefined ? {} : { engine }) });
      return activeSession;
    });
  }

  /** The session getOrCreate() returns, or null when none is active. */
  static getActiveSession(): SparkSession | null {
    return activeSession;
  }

  /** A DataFrame from rows (arrays, Rows or objects) and an optional schema (StructType, DDL, or names). */
  createDataFrame(data: readonly RowLike[], schema?: SchemaLike): DataFrame {
    return this.frame(localRelation(data, schema));
  }

  /** `range(end)` or `range(start, end, step, numPartitions)`: one long column `id`. */
  range(start: number | bigint, end?: number | bigint, step: number | bigint = 1, numPartitions?: number): DataFrame {
    const [s, e] = end === undefined ? [0, start] : [start, end];
    const plan: ParsedRange = { kind: "Range", start: s, end: e, step, ...(numPartitions === undefined ? {} : { numPartitions }) };
    return this.frame(plan);
  }

  /** `spark.read`: a DataFrameReader (`await spark.read.csv(path, { header: true })`). */
  get read(): DataFrameReader {
    return new DataFrameReader(this);
  }

  // ---- SQL and the catalog ---------------------------------------------------

  /**
   * `await spark.sql(query, args, kwargs)`: a query becomes a DataFrame (analyzed now, run by
   * its actions); a command (CREATE TABLE, INSERT, CREATE TEMP VIEW, SHOW TABLES, SET, EXPLAIN …)
   * runs now and the DataFrame holds its result rows. A Promise, since commands write files. `args` binds `:name` (an object) or `?` (an array);
   * `kwargs` fills `{name}`: a DataFrame is read as a relation, other values are inserted as text.
   */
  async sql(query: string, args?: Readonly<Record<string, SqlArg>> | readonly SqlArg[], kwargs?: Readonly<Record<string, DataFrame | string | number | bigint | boolean>>): Promise<DataFrame> {
    const refs = kwargs === undefined ? undefined : Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, v instanceof DataFrame ? { plan: v.plan } : v]));
    const out = await this.engine.runSql(sqlRelation(query, args, refs), this.execContext());
    if (out.kind === "query") return this.frame(out.plan);
    return this.frame({ kind: "LocalRelation", schema: out.schema, rows: out.rows });
  }

  /** `spark.table(name)`: a temp view (`v`), a global temp view (`global_temp.v`). */
  table(tableName: string): DataFrame {
    const plan: ParsedPlan = { kind: "UnresolvedRelation", nameParts: parseTableName(tableName) };
    this.engine.analyzeSchema(plan, this.execContext());
    return this.frame(plan);
  }

  /** `spark.catalog`: databases, temp views, functions and cached tables. */
  get catalog(): Catalog {
    return new Catalog(this);
  }

  /** Ends the session; the next getOrCreate() makes a new one. */
  stop(): void {
    this.stopped = true;
    void this.checkpointStore.freeAll();
    if (activeSession === this) activeSession = null;
  }

  /**
   * `spark.sparkContext`: RDDs with JavaScript functions (parallelize, range, textFile …),
   * run on the engine's worker threads.
   */
  get sparkContext(): SparkContext {
    this.sparkContextState ??= new SparkContext(this);
    return this.sparkContextState;
  }

  /** `spark.udf`: registers JavaScript UDFs for SQL (`spark.udf.register("plus1", (x) => x + 1, "long")`). */
  get udf(): UDFRegistration {
    return new UDFRegistration(this);
  }

  /** @internal wraps a plan as a DataFrame, giving its root a fresh planId. */
  frame(plan: ParsedPlan): DataFrame {
    return new DataFrame({ ...plan, planId: this.nextPlanId++ }, this);
  }

  /** @internal the context a query of this session runs with. */
  execContext(): ExecContext {
    sharedServices ??= this.engine.createServices();
    return {
      conf: this.sqlConf,
      pythonExec: process.env["PYSPARK_PYTHON"] ?? "python3",
      signal: new AbortController().signal,
      services: sharedServices,
      catalog: this.catalogState,
      observations: this.observationStore,
      checkpoints: this.checkpointStore,
      profiles: this.profileStore,
    };
  }
}
