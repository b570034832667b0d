import { availableParallelism } from "node:os";
import { isWorkloadKey, WORKLOADS, type WorkloadKey } from "./workload-list.js";

/** How `npm run bench` runs, from its flags and environment. */
export interface BenchOptions {
  /** Fact-table rows (the dimension has a tenth). */
  readonly rows: number;
  /** Timed runs per workload after one warm-up; the median is reported. */
  readonly repeat: number;
  readonly workloads: readonly WorkloadKey[];
  /** Worker threads of the "all threads" tspark runs (the others use 1). */
  readonly threads: number;
  /** The interpreter with PySpark installed, or undefined to leave PySpark out. */
  readonly pyspark: string | undefined;
  readonly quick: boolean;
  readonly help: boolean;
}

/** Rows and repeats of `--quick`: small enough for the unit tests, big enough for several batches and partitions. */
export const QUICK_ROWS = 50_000;

/** The usage text of `npm run bench -- --help`. */
export const USAGE = `Usage: npm run bench -- [options]
  --quick             ${QUICK_ROWS.toLocaleString("en-US")} rows, 1 timed run: a correctness check, not figures
  --rows N            fact-table rows (default 10,000,000; env TSPARK_BENCH_ROWS); the join's dimension has N/10
  --repeat N          timed runs per workload after one warm-up, median reported (default 3)
  --workloads a,b     only these (${WORKLOADS.map(([k]) => k).join(", ")})
  --threads N         worker threads of the parallel tspark runs (default: cores); the other run uses 1
  --pyspark PYTHON    also run PySpark with this interpreter (env TSPARK_BENCH_PYSPARK)
  --tpch              TPC-H's 22 queries instead, at a scale factor (--tpch --help lists its flags)
Other modes: --load [--clients N] [--queries M] [--seconds T] (load-bench.ts), --transport [--round-trips N] (transport-bench.ts).
The tspark engine's thread count is set through TSPARK_WORKER_THREADS (engine/services.ts).
Exits 1 when an answer differs between engines or a tspark run fails.`;

/** Parses the bench's arguments; throws with a message naming the bad flag. */
export function parseBenchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): BenchOptions {
  let rows: number | undefined;
  let repeat: number | undefined;
  let workloads: WorkloadKey[] = WORKLOADS.map(([k]) => k);
  let threads = availableParallelism();
  let pyspark = nonEmpty(env["TSPARK_BENCH_PYSPARK"]);
  let quick = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--quick":
        quick = true;
        break;
      case "--rows":
        rows = positiveInt(flag, value());
        break;
      case "--repeat":
        repeat = positiveInt(flag, value());
        break;
      case "--threads":
        threads = positiveInt(flag, value());
        break;
      case "--pyspark":
        pyspark = value();
        break;
      case "--workloads": {
        const names = value().split(",").map((s) => s.trim()).filter((s) => s !== "");
        const bad = names.filter((n) => !isWorkloadKey(n));
        if (bad.length > 0 || names.length === 0) throw new Error(`unknown workload(s) ${bad.join(", ")}: known are ${WORKLOADS.map(([k]) => k).join(", ")}`);
        workloads = names.filter(isWorkloadKey);
        break;
      }
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  const envRows = nonEmpty(env["TSPARK_BENCH_ROWS"]);
  return {
    rows: rows ?? (quick ? QUICK_ROWS : envRows !== undefined ? positiveInt("TSPARK_BENCH_ROWS", envRows) : 10_000_000),
    repeat: repeat ?? (quick ? 1 : 3),
    workloads,
    threads,
    pyspark,
    quick,
    help,
  };
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === "" ? undefined : s;
}

function positiveInt(what: string, s: string): number {
  const n = Number(s.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, got '${s}'`);
  return n;
}
