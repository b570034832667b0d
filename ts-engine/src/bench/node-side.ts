/**
 * The Node API's side of `npm run bench`, run by run.ts in a child process so that each
 * worker-thread count (TSPARK_WORKER_THREADS, read when the engine's services are made)
 * gets a fresh engine. argv[2] is a JSON NodeSideArgs; the last stdout line is a JSON
 * SideRun. Each workload's input frames are generated from range(), cache()d and counted
 * before its clock starts (as DuckDB's side loads its tables first), so the timings are the
 * queries over the cached columns; the frames are unpersisted after the workload.
 */
import { functions as F, SparkSession, type DataFrame } from "../index.js";
import type { SideRun } from "./side-run.js";
import { medianOf } from "./timing.js";
import type { WorkloadKey } from "./workload-list.js";
import {
  benchFrame,
  countDistinctRows,
  countDistinctSignature,
  distinctFrame,
  filterProject,
  groupByStringRows,
  groupByStringSignature,
  groupBySumRows,
  groupBySumSignature,
  joinAgg,
  joinBroadcastAgg,
  joinQuery,
  joinStrategy,
  joinFrames,
  sortColumn,
  sortDoubleFrame,
  sortStringFrame,
  stringKeyFrame,
  type DataSpec,
} from "./workloads.js";
import { stringsFrame, stringWorkload } from "./workloads-strings.js";
import { parseTimesNote, sqlParseSignature, sqlParseWorkload, tpchViews } from "./workloads-sql-parse.js";
import { isLineitemKey } from "./workload-list-lineitem.js";
import { lineitemWorkload } from "./workloads-lineitem.js";
import type { Signature } from "./signature.js";
import { dateFormatWorkload, datetimeFrame, toTimestampWorkload } from "./workloads-datetime.js";
import { pivotFrame, pivotWorkload } from "./workloads-pivot.js";
import { windowFrame, windowWorkload } from "./workloads-window.js";
import { isRddKey, nodeRunsRddKey, rddWorkload } from "./workloads-rdd.js";

/** What run.ts asks of this process. */
export interface NodeSideArgs {
  readonly spec: DataSpec;
  readonly repeat: number;
  readonly workloads: readonly WorkloadKey[];
}

/** One workload's timing: seconds (median), the answer's signature, and the seconds spent loading its input. */
interface Timed {
  readonly seconds: number;
  /** Median process CPU seconds of the timed runs, where measured. */
  readonly cpu?: number;
  readonly result: Signature;
  readonly load: number;
}

/**
 * Caches `frames` and materialises them with a count (the load, excluded from the timing),
 * runs `body`, then unpersists them so the next workload's input has the memory.
 */
async function withCached(frames: readonly DataFrame[], body: () => Promise<Omit<Timed, "load">>): Promise<Timed> {
  const t0 = performance.now();
  for (const f of frames) {
    f.cache();
    await f.count();
  }
  const load = (performance.now() - t0) / 1000;
  try {
    return { ...(await body()), load };
  } finally {
    for (const f of frames) f.unpersist();
  }
}

/** The join operator each join workload ran, for the report's note. */
const plans: string[] = [];

/** One workload's timed run over its cached input. */
async function timeWorkload(spark: SparkSession, spec: DataSpec, key: WorkloadKey, repeat: number): Promise<Timed> {
  const timed = async (fn: () => Promise<Signature>): Promise<Omit<Timed, "load">> => signed(fn, (x) => x);
  // The query (collect included) is timed; its answer is reduced to a signature after the clock stops.
  const signed = async <T>(fn: () => Promise<T>, sign: (value: T) => Signature): Promise<Omit<Timed, "load">> => {
    const r = await medianOf(fn, repeat);
    return { seconds: r.seconds, cpu: r.cpu, result: sign(r.value) };
  };
  // Lineitem workloads read their files in every run (nothing to cache first).
  if (isLineitemKey(key)) return { ...(await lineitemWorkload(spark, spec.rows, key, repeat)), load: 0 };
  // RDD and UDF workloads generate their input in every run (issue 10: bench_py_rdd.py's data).
  if (isRddKey(key)) return { ...(await rddWorkload(spark, spec, key, repeat)), load: 0 };
  switch (key) {
    case "groupby":
    case "filter": {
      const df = benchFrame(spark, spec.rows);
      return withCached([df], () => (key === "groupby" ? signed(() => groupBySumRows(df), groupBySumSignature) : timed(() => filterProject(df))));
    }
    case "groupby_str": {
      const df = stringKeyFrame(spark, spec);
      return withCached([df], () => signed(() => groupByStringRows(df), groupByStringSignature));
    }
    case "count_distinct": {
      const df = distinctFrame(spark, spec);
      return withCached([df], () => signed(() => countDistinctRows(df), countDistinctSignature));
    }
    case "join":
    case "join_broadcast": {
      const { fact, dim } = joinFrames(spark, spec);
      return withCached([fact, dim], async () => {
        // which join really ran goes into the report (Spark's plan for the cached dim is a sort-merge join)
        plans.push(`${key}: ${joinStrategy(joinQuery(fact, key === "join" ? dim : F.broadcast(dim)))}`);
        return timed(() => (key === "join" ? joinAgg(fact, dim) : joinBroadcastAgg(fact, dim)));
      });
    }
    case "sort_double":
    case "sort_string": {
      const df = key === "sort_double" ? sortDoubleFrame(spark, spec) : sortStringFrame(spark, spec);
      return withCached([df], async () => {
        const r = await medianOf(() => sortColumn(df), repeat);
        // The answer checked is the last timed run's output, converted after the clock stopped.
        return { seconds: r.seconds, cpu: r.cpu, result: r.value.check() };
      });
    }
    case "date_format":
    case "to_timestamp": {
      spark.conf.set("spark.sql.session.timeZone", "UTC");
      const df = datetimeFrame(spark, spec);
      return withCached([df], () => timed(() => (key === "date_format" ? dateFormatWorkload(df) : toTimestampWorkload(df))));
    }
    case "pivot": {
      const df = pivotFrame(spark, spec);
      return withCached([df], () => timed(() => pivotWorkload(df)));
    }
    case "str_lower":
    case "str_substring":
    case "str_regexp_replace":
    case "str_split_size": {
      const df = stringsFrame(spark, spec);
      return withCached([df], () => timed(() => stringWorkload(df, key)));
    }
    case "window": {
      const df = windowFrame(spark, spec);
      return withCached([df], () => timed(() => windowWorkload(df)));
    }
    case "sql_parse_tpch":
      tpchViews(spark);
      return { ...(await signed(() => sqlParseWorkload(spark), sqlParseSignature)), load: 0 };
  }
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as NodeSideArgs;
  const spark = SparkSession.builder.appName("bench").getOrCreate();
  const times: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const results: Record<string, Signature> = {};
  const errors: Record<string, string> = {};
  let load = 0;
  for (const key of args.workloads) {
    if (isRddKey(key) && !nodeRunsRddKey(key)) continue; // pandas_udf: no pandas in Node
    try {
      const r = await timeWorkload(spark, args.spec, key, args.repeat);
      times[key] = r.seconds;
      if (r.cpu !== undefined) cpu[key] = r.cpu;
      results[key] = r.result;
      load += r.load;
    } catch (e) {
      errors[key] = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
    }
  }
  spark.stop();
  const out: SideRun = {
    times,
    cpu,
    results,
    load,
    note: `inputs cache()d and counted first (excluded)${plans.length > 0 ? `; ${plans.join(", ")}` : ""}${args.workloads.includes("sql_parse_tpch") && results["sql_parse_tpch"] !== undefined ? `; ${parseTimesNote()}` : ""}`,
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
  console.log(JSON.stringify(out));
}

await main();
process.exit(0);
