// Sorts N rows (default 50M) of two longs under a small V8 heap through the engine's own
// plan (range exchange, a SortExec per partition on the worker threads), and checks that
// the stream that comes out is exactly keys 0 … N-1 in order with their ids.
//   npm run build && node --max-old-space-size=1024 scripts/sort_spill_50m.mjs [rows]
// The key (id * 7919) % N is a permutation of 0 … N-1 when N's only prime factors are 2
// and 5 (7919 is prime), so no reference sort is needed to check the result.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { SqlConf } from "../ts-engine/dist/conf/sql-conf.js";
import { createEngineServices } from "../ts-engine/dist/engine/services.js";
import { executeQuery } from "../ts-engine/dist/engine/query-engine.js";
import { SparkSession } from "../ts-engine/dist/index.js";

const n = Number(process.argv[2] ?? 50_000_000);
const spark = SparkSession.builder.appName("sort-spill").getOrCreate();
const df = spark.range(n).selectExpr(`(id * 7919) % ${n} AS k`, "id").orderBy("k");
const services = createEngineServices();
const conf = new SqlConf();
// A fresh spark.local.dir: each thread that spills makes its own subdirectory in it.
const localDir = fs.mkdtempSync(path.join(os.tmpdir(), "tspark-sort-50m-"));
conf.set("spark.local.dir", localDir);
const ctx = { conf, pythonExec: "python3", signal: new AbortController().signal, services };
const heapMb = Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
const t0 = performance.now();
const result = await executeQuery(df.plan, ctx);
let next = 0;
let peak = 0;
for await (const b of result.batches) {
  const k = b.columns[0].data;
  const id = b.columns[1].data;
  for (let i = 0; i < b.numRows; i++) {
    if (Number(k[i]) !== next) throw new Error(`row ${next}: key ${k[i]}`);
    if ((Number(id[i]) * 7919) % n !== next) throw new Error(`row ${next}: id ${id[i]} does not belong to key ${next}`);
    next++;
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
const secs = (performance.now() - t0) / 1000;
if (next !== n) throw new Error(`got ${next} rows, expected ${n}`);
const spillDirs = fs.readdirSync(localDir);
const left = fs.readdirSync(localDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
console.log(
  `sorted ${n} rows in ${secs.toFixed(1)} s with a ${heapMb} MiB heap (main-thread heap used peaked at ${Math.round(peak / 2 ** 20)} MiB); ` +
    `${spillDirs.length} thread(s) spilled, ${left} spill files left`,
);
fs.rmSync(localDir, { recursive: true, force: true });
process.exit(0);
