/**
 * `npm run bench`: the same generated data (10M rows by default; TSPARK_BENCH_ROWS
 * overrides) timed through the Node API, the Python client and DuckDB in one run,
 * with ratios to DuckDB, a check that the answers agree, and the Python cold start.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SparkSession } from "../index.js";
import { runPython } from "./python-side.js";
import { agreement, timingTable, type EngineRun } from "./report.js";
import { bestOf } from "./timing.js";
import { benchFrame, filterProject, groupBySum } from "./workloads.js";

async function runNode(rows: number): Promise<EngineRun> {
  try {
    const spark = SparkSession.builder.appName("bench").getOrCreate();
    const df = benchFrame(spark, rows);
    const g = await bestOf(() => groupBySum(df));
    const f = await bestOf(() => filterProject(df));
    spark.stop();
    return { name: "tspark-node", times: { groupby: g.seconds, filter: f.seconds }, results: { groupby: g.value, filter: f.value } };
  } catch (e) {
    return { name: "tspark-node", error: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
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

async function main(): Promise<void> {
  const rows = Number(process.env["TSPARK_BENCH_ROWS"] ?? 10_000_000);
  console.log(`tspark bench: ${rows.toLocaleString("en-US")} rows, best of 3 after one warm-up\n`);
  const duck: EngineRun = { name: "duckdb", ...runPython("duckdb", rows) };
  const node = await runNode(rows);
  const py: EngineRun = { name: "tspark-python", ...runPython("tspark", rows) };
  const cold = runPython("coldstart", rows);
  const runs = [node, py, duck];
  console.log(timingTable(runs, duck));
  console.log("");
  const coldTime = cold.times?.["coldstart"];
  console.log(`cold start (Python: getOrCreate → first result): ${coldTime === undefined ? `n/a (${cold.error ?? "?"})` : `${coldTime.toFixed(3)} s`}`);
  console.log(`cold start (Node: getOrCreate → first result, in-process engine): ${nodeColdStart()}`);
  for (const r of runs) if (r.error !== undefined) console.log(`${r.name} did not run: ${r.error}`);
  // Answers are checked against DuckDB's, or against the Node API's when DuckDB did not run.
  const checks = agreement(runs, duck.results !== undefined ? duck : node);
  for (const line of checks) console.log(line);
  if (checks.some((l) => l.startsWith("DIFF"))) process.exitCode = 1;
}

await main();
