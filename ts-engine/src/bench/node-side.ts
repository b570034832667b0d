/**
 * The Node API's side of `npm run bench`, run by run.ts in a child process so that each
 * worker-thread count (TSPARK_WORKER_THREADS, read when the engine's services are made)
 * gets a fresh engine. argv[2] is a JSON NodeSideArgs; the last stdout line is a JSON
 * SideRun. The input is generated from range() inside every query: the Node API has no
 * cache(), so each timing includes producing the input columns (on the worker threads).
 */
import { SparkSession } from "../index.js";
import type { SideRun } from "./side-run.js";
import { medianOf } from "./timing.js";
import type { WorkloadKey } from "./workload-list.js";
import {
  benchFrame,
  countDistinct,
  distinctFrame,
  filterProject,
  groupByString,
  groupBySum,
  joinAgg,
  joinFrames,
  sortColumn,
  sortDoubleFrame,
  sortStringFrame,
  stringKeyFrame,
  type DataSpec,
} from "./workloads.js";
import type { Signature } from "./signature.js";

/** What run.ts asks of this process. */
export interface NodeSideArgs {
  readonly spec: DataSpec;
  readonly repeat: number;
  readonly workloads: readonly WorkloadKey[];
}

/**
 * One workload's timed run: seconds (median) and the signature of a timed run's answer.
 * Each input frame is built once, outside the clock (as the Python side does); running it
 * still generates its rows, since the Node API has no cache().
 */
async function timeWorkload(spark: SparkSession, spec: DataSpec, key: WorkloadKey, repeat: number): Promise<{ seconds: number; result: Signature }> {
  const timed = async (fn: () => Promise<Signature>): Promise<{ seconds: number; result: Signature }> => {
    const r = await medianOf(fn, repeat);
    return { seconds: r.seconds, result: r.value };
  };
  switch (key) {
    case "groupby":
    case "filter": {
      const df = benchFrame(spark, spec.rows);
      return timed(() => (key === "groupby" ? groupBySum(df) : filterProject(df)));
    }
    case "groupby_str": {
      const df = stringKeyFrame(spark, spec);
      return timed(() => groupByString(df));
    }
    case "count_distinct": {
      const df = distinctFrame(spark, spec);
      return timed(() => countDistinct(df));
    }
    case "join": {
      const { fact, dim } = joinFrames(spark, spec);
      return timed(() => joinAgg(fact, dim));
    }
    case "sort_double":
    case "sort_string": {
      const df = key === "sort_double" ? sortDoubleFrame(spark, spec) : sortStringFrame(spark, spec);
      const r = await medianOf(() => sortColumn(df), repeat);
      // The answer checked is the last timed run's output, converted after the clock stopped.
      return { seconds: r.seconds, result: r.value.check() };
    }
  }
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as NodeSideArgs;
  const spark = SparkSession.builder.appName("bench").getOrCreate();
  const times: Record<string, number> = {};
  const results: Record<string, Signature> = {};
  const errors: Record<string, string> = {};
  for (const key of args.workloads) {
    try {
      const r = await timeWorkload(spark, args.spec, key, args.repeat);
      times[key] = r.seconds;
      results[key] = r.result;
    } catch (e) {
      errors[key] = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
    }
  }
  spark.stop();
  const out: SideRun = { times, results, ...(Object.keys(errors).length > 0 ? { errors } : {}) };
  console.log(JSON.stringify(out));
}

await main();
process.exit(0);
