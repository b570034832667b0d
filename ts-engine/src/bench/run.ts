/**
 * `npm run bench`: the same generated data timed through the Node API (with all worker
 * threads and with one), the Python client, DuckDB, pandas and optionally PySpark, one
 * engine after the other in child processes, with the 1-thread speed-up, ratios to
 * DuckDB, a check that every engine's answers agree, and the cold starts.
 * `--help` lists the flags; `--quick` is the small correctness run the unit tests use.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { WORKER_THREADS_ENV } from "../engine/services.js";
import type { NodeSideArgs } from "./node-side.js";
import { parseBenchOptions, USAGE, type BenchOptions } from "./options.js";
import { runPython, type PythonArgs } from "./python-side.js";
import { agreement, benchTable, cpuTable, type EngineRun } from "./report.js";
import { parseSideRun, type SideRun } from "./side-run.js";
import { targetLines } from "./targets.js";
import { dataSpec } from "./workloads.js";
import { runLoadBench } from "./load-bench.js";
import { runTransportBench } from "./transport-bench.js";
import { runTpchBench } from "./tpch/tpch-run.js";

const nodeSide = fileURLToPath(new URL("./node-side.js", import.meta.url));

/** The Node API's side in a fresh process whose engine has `threads` worker threads. */
function runNode(args: NodeSideArgs, threads: number): SideRun {
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", nodeSide, JSON.stringify(args)], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 60 * 60_000,
    env: { ...process.env, [WORKER_THREADS_ENV]: String(threads) },
  });
  return parseSideRun(`node-side (${threads} thread(s))`, r.stdout ?? "", r.status, r.stderr ?? "", r.error);
}

/** Seconds from getOrCreate() to the first result in a fresh Node process, or why not. */
function nodeColdStart(): string {
  const script = fileURLToPath(new URL("./node-cold-start.js", import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 120_000 });
  try {
    const line = r.stdout.trim().split("\n").pop() ?? "";
    const out = JSON.parse(line) as { coldstart?: number; fromProcessStart?: number; error?: string };
    if (out.coldstart === undefined) return `n/a (${out.error ?? "?"})`;
    return `${out.coldstart.toFixed(3)} s (${(out.fromProcessStart ?? 0).toFixed(3)} s from process start)`;
  } catch {
    return `n/a (exit ${String(r.status)})`;
  }
}

const named = (name: string, side: SideRun): EngineRun & SideRun => ({ name, ...side });
const absent = (name: string, why: string): EngineRun & SideRun => ({ name, error: why });

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
}

/** Runs every side, prints the report, and returns the exit code. */
function bench(opts: BenchOptions): number {
  const spec = dataSpec(opts.rows);
  const args: PythonArgs & NodeSideArgs = { spec, repeat: opts.repeat, workloads: opts.workloads };
  console.log(
    `tspark bench: ${spec.rows.toLocaleString("en-US")} fact rows, ${spec.dimRows.toLocaleString("en-US")} dimension rows, ` +
      `median of ${opts.repeat} after one warm-up${opts.quick ? " (--quick: a correctness run, not figures)" : ""}`,
  );
  console.log(`load average at start (1, 5, 15 min): ${load()}\n`);
  const t = opts.threads;
  // One side at a time, each in its own process, so that none competes with another.
  const duckdb = named("DuckDB", runPython("duckdb", args));
  const pandas = named("pandas", runPython("pandas", args));
  const node2 = named(`tspark-node ${t}t`, runNode(args, t));
  const node1 = named("tspark-node 1t", runNode(args, 1));
  const python = named(`tspark-py ${t}t`, runPython("tspark", args, undefined, { ...process.env, [WORKER_THREADS_ENV]: String(t) }));
  const pyspark =
    opts.pyspark === undefined
      ? absent("PySpark", "not asked for (--pyspark PYTHON or TSPARK_BENCH_PYSPARK)")
      : named("PySpark", runPython("pyspark", args, opts.pyspark));
  const cold = opts.quick ? undefined : runPython("coldstart", args);

  console.log(benchTable({ node2, node1, python, duckdb, pandas, pyspark }));
  console.log("\nspeed-up = tspark-node 1t / tspark-node " + `${t}t; tspark/DuckDB = tspark-node ${t}t / DuckDB.`);
  console.log(`load average at end (1, 5, 15 min): ${load()}`);
  console.log("\ntspark-node process CPU per run (median; every thread):");
  console.log(cpuTable(node2, node1));
  console.log("");
  if (!opts.quick) {
    console.log("Issue 5's targets (informational: figures depend on the machine and its load):");
    for (const line of targetLines({ node2, node1, python, duckdb, pandas, pyspark })) console.log(`  ${line}`);
  }
  console.log("What each timing includes:");
  console.log("  DuckDB: queries over tables loaded first (CREATE TABLE … AS, excluded), results fetched to Arrow.");
  console.log("  pandas: over numpy/Arrow columns built first (excluded); one thread.");
  console.log("  RDD/UDF rows (issue 10): the pandas column is plain single-process Python; Node runs JavaScript functions.");
  console.log("  PySpark: over inputs cache()d and counted first (excluded); results through toPandas().");
  console.log("  tspark: over each workload's inputs cache()d and counted first (excluded; unpersisted after it);");
  console.log("          Node results as Rows, sorts as the engine's result batches handed over in-process;");
  console.log("          Python results through toPandas().");
  const runs = [node2, node1, python, duckdb, pandas, pyspark];
  for (const r of runs) {
    if (r.load !== undefined) console.log(`${r.name} load: ${r.load.toFixed(3)} s`);
    if (r.note !== undefined) console.log(`${r.name}: ${r.note}`);
  }
  if (cold !== undefined) {
    const coldTime = cold.times?.["coldstart"];
    console.log(`cold start (Python: getOrCreate → first result): ${coldTime === undefined ? `n/a (${cold.error ?? "?"})` : `${coldTime.toFixed(3)} s`}`);
    console.log(`cold start (Node: getOrCreate → first result, in-process engine): ${nodeColdStart()}`);
  }
  let failed = false;
  for (const r of runs) {
    if (r.error !== undefined) console.log(`${r.name} did not run: ${r.error}`);
    for (const [k, why] of Object.entries(r.errors ?? {})) console.log(`${r.name} failed ${k}: ${why}`);
    // A tspark side that fails is a failed bench; the others are comparisons that may be missing.
    if (r.name.startsWith("tspark") && (r.error !== undefined || Object.keys(r.errors ?? {}).length > 0)) failed = true;
  }
  // Answers are checked against DuckDB's, or (where DuckDB has none) the first engine's that has one.
  const checks = agreement(runs, duckdb);
  console.log("");
  for (const line of checks) console.log(line);
  if (checks.some((l) => l.startsWith("DIFF"))) failed = true;
  for (const k of opts.workloads) {
    const answered = runs.filter((r) => r.results?.[k] !== undefined).length;
    if (answered < 2) {
      console.log(`UNCHECKED ${k}: only ${answered} engine(s) answered`);
      failed = true;
    }
  }
  console.log(failed ? "\nbench FAILED" : "\nbench OK: every answer agrees");
  return failed ? 1 : 0;
}

function main(): void {
  // the load run (load-bench.ts) is its own mode, with its own flags
  if (process.argv.includes("--load")) {
    process.exitCode = runLoadBench(process.argv.slice(2));
    return;
  }
  // so is the transport run (transport-bench.ts): tcp:// against ipc:// round trips
  if (process.argv.includes("--transport")) {
    void runTransportBench(process.argv.slice(2)).then((code) => (process.exitCode = code));
    return;
  }
  // so is the TPC-H run (tpch/tpch-run.ts): 22 queries at a scale factor, every engine
  if (process.argv.includes("--tpch")) {
    process.exitCode = runTpchBench(process.argv.slice(2));
    return;
  }
  let opts: BenchOptions;
  try {
    opts = parseBenchOptions(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  process.exitCode = bench(opts);
}

main();
