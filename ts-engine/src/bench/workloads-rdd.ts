import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { functions as F, type SparkSession } from "../index.js";
import { charSum, type Signature } from "./signature.js";
import { medianOf } from "./timing.js";
import type { DataSpec } from "./workloads.js";

/**
 * The RDD and UDF workloads of `npm run bench` (issue 10), the Node side: the same work as
 * bench_py_rdd.py with JavaScript functions (the Node API's RDDs and `F.udf`), on the same
 * data. The Python sides run them through the client's RDDs (tspark, PySpark), DuckDB's SQL
 * and plain single-process Python (in the pandas column's process). Node has no pandas, so
 * its sides do not run the pandas_udf row.
 */
export const RDD_WORKLOADS = [
  ["rdd_wordcount", "RDD word count, 20 text files"],
  ["rdd_map_filter", "RDD map/filter/count over ints"],
  ["rdd_reduce_by_key", "RDD reduceByKey, 100k keys"],
  ["udf_scalar", "scalar udf id + 1, summed"],
  ["pandas_udf_scalar", "scalar pandas_udf id + 1, summed"],
  ["rdd_broadcast_join", "RDD broadcast-dict join, count + sum"],
] as const;

/** An RDD workload's key. */
export type RddWorkloadKey = (typeof RDD_WORKLOADS)[number][0];

/** Whether `key` is one of these workloads. */
export function isRddKey(key: string): key is RddWorkloadKey {
  return RDD_WORKLOADS.some(([k]) => k === key);
}

/** Whether the Node side runs `key` (it has no pandas_udf). */
export function nodeRunsRddKey(key: RddWorkloadKey): boolean {
  return key !== "pandas_udf_scalar";
}

const KEYS = 100_000;
const pyScript = fileURLToPath(new URL("../../src/bench/bench_py_rdd.py", import.meta.url));

/** The word-count files (generated once by bench_py_rdd.py, which every side shares). */
function wordsDir(rows: number): string {
  const python = process.env["TSPARK_BENCH_PYTHON"] ?? fileURLToPath(new URL("../../../.venv/bin/python", import.meta.url));
  const r = spawnSync(python, [pyScript, "gen", String(rows)], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) throw new Error(`bench_py_rdd.py gen failed: ${r.stderr}`);
  return r.stdout.trim();
}

function pairSignature(pairs: readonly (readonly [number, number])[]): Signature {
  let total = 0;
  let checksum = 0;
  for (const [k, c] of pairs) {
    total += c;
    checksum += (k + 1) * c;
  }
  return { keys: pairs.length, total, checksum };
}

function wordSignature(pairs: readonly (readonly [string, number])[]): Signature {
  let total = 0;
  let checksum = 0n;
  for (const [w, c] of pairs) {
    total += c;
    checksum += BigInt(c) * charSum(w);
  }
  return { words: pairs.length, total, checksum: Number(checksum) };
}

/** One workload's timing and answer on the Node side. */
export async function rddWorkload(spark: SparkSession, spec: DataSpec, key: RddWorkloadKey, repeat: number): Promise<{ seconds: number; result: Signature }> {
  const sc = spark.sparkContext;
  const n = spec.rows;
  const timed = async <T>(fn: () => Promise<T>, sign: (v: T) => Signature): Promise<{ seconds: number; result: Signature }> => {
    const r = await medianOf(fn, repeat);
    return { seconds: r.seconds, result: sign(r.value) };
  };
  switch (key) {
    case "rdd_wordcount": {
      const dir = wordsDir(n);
      return timed(
        () =>
          sc
            .textFile(dir)
            .flatMap((line) => line.split(" "))
            .map((w) => [w, 1] as [string, number])
            .reduceByKey((a, b) => a + b)
            .collect(),
        wordSignature,
      );
    }
    case "rdd_map_filter":
      return timed(() => sc.range(n).map((x) => x * 3).filter((x) => x % 2 === 0).count(), (c) => ({ count: c }));
    case "rdd_reduce_by_key":
      return timed(() => sc.range(n).map((x) => [x % KEYS, 1] as [number, number], { KEYS }).reduceByKey((a, b) => a + b).collect(), pairSignature);
    case "udf_scalar": {
      const plusOne = F.udf((x: number) => x + 1, "long");
      return timed(async () => Number((await spark.range(n).select(F.sum(plusOne("id"))).collect())[0]!.get(0)), (s) => ({ sum: s }));
    }
    case "pandas_udf_scalar":
      throw new Error("the Node API has no pandas_udf");
    case "rdd_broadcast_join": {
      // the dimension as a captured Map: copied to every worker thread once per task, as a broadcast's value
      const dim = new Map<number, number>();
      for (let k = 0; k < spec.dimRows; k++) dim.set(k, k % 997);
      const fkMod = spec.fkMod;
      return timed(
        async () => {
          const hits = sc.range(n).map((x) => dim.get((x * 7919) % fkMod) ?? null, { dim, fkMod }).filter((w) => w !== null);
          return hits.aggregate([0, 0] as [number, number], (acc, w): [number, number] => [acc[0] + 1, acc[1] + (w as number)], (a, b): [number, number] => [a[0] + b[0], a[1] + b[1]]);
        },
        ([count, sum]) => ({ count, sum }),
      );
    }
  }
}
