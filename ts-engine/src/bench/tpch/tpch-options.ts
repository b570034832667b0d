import { availableParallelism } from "node:os";

/** How `npm run bench -- --tpch` runs, from its flags and environment. */
export interface TpchOptions {
  /** TPC-H scale factor: SF1 is 6M lineitem rows. */
  readonly sf: number;
  /** Warm runs per query after the cold one; the median is reported. */
  readonly repeat: number;
  /** Queries to run (1 … 22), in order. */
  readonly queries: readonly number[];
  /** Worker threads of the parallel tspark runs; the speed-up run uses 1. */
  readonly threads: number;
  /** The interpreter with PySpark installed, or undefined to leave PySpark out. */
  readonly pyspark: string | undefined;
  /** Where the JSON report goes (default bench-data/tpch-sf<SF>.json). */
  readonly json: string | undefined;
  /** Minutes each engine's side may run before it is stopped (its finished queries still count). */
  readonly timeoutMinutes: number;
  /** The sides to run (PySpark also needs `pyspark`). */
  readonly engines: readonly TpchEngine[];
  readonly quick: boolean;
  readonly help: boolean;
}

/** The bench's sides, as `--engines` names them. */
export const TPCH_ENGINES = ["node", "node1", "py", "sql", "duckdb", "pandas", "pyspark"] as const;
export type TpchEngine = (typeof TPCH_ENGINES)[number];

/** The scale factor of `--quick`. */
export const QUICK_SF = 0.1;

/** The usage text of `npm run bench -- --tpch --help`. */
export const TPCH_USAGE = `Usage: npm run bench -- --tpch [options]
  --sf N              TPC-H scale factor (default 1: 6M lineitem rows); data generated once, cached as Parquet
  --quick             SF${QUICK_SF}, 1 warm run: a correctness check, not figures
  --repeat N          warm runs per query after the cold one, median reported (default 3)
  --queries 1,3,6     only these queries (default all 22)
  --threads N         worker threads of the parallel tspark runs (default: cores); the speed-up run uses 1
  --pyspark PYTHON    also run PySpark local[2] with this interpreter (env TSPARK_BENCH_PYSPARK)
  --json FILE         write the report as JSON here (default bench-data/tpch-sf<SF>.json)
  --timeout MIN       minutes each engine may run (default 60)
  --engines a,b       only these sides (${TPCH_ENGINES.join(", ")}; default all): node = Node API
                      with all threads, node1 = with one, py = Python DataFrame API, sql = spark.sql
Data lives in $TSPARK_BENCH_DATA or bench-data/ (ignored by git).
Exits 1 when a tspark answer differs from DuckDB's or a tspark query fails.`;

/** Parses the TPC-H bench's flags (`--tpch` itself is skipped); throws with a message naming the bad flag. */
export function parseTpchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): TpchOptions {
  let sf: number | undefined;
  let repeat: number | undefined;
  let queries = Array.from({ length: 22 }, (_, i) => i + 1);
  let threads = availableParallelism();
  const envPyspark = env["TSPARK_BENCH_PYSPARK"];
  let pyspark = envPyspark === undefined || envPyspark.trim() === "" ? undefined : envPyspark;
  let json: string | undefined;
  let timeoutMinutes = 60;
  let engines: readonly TpchEngine[] = TPCH_ENGINES;
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
      case "--tpch":
        break;
      case "--quick":
        quick = true;
        break;
      case "--sf": {
        const v = value();
        sf = Number(v);
        if (!Number.isFinite(sf) || sf <= 0 || sf > 1000) throw new Error(`--sf must be a positive scale factor, got '${v}'`);
        break;
      }
      case "--repeat":
        repeat = positiveInt(flag, value(), true);
        break;
      case "--threads":
        threads = positiveInt(flag, value());
        break;
      case "--timeout":
        timeoutMinutes = positiveInt(flag, value());
        break;
      case "--pyspark":
        pyspark = value();
        break;
      case "--json":
        json = value();
        break;
      case "--engines": {
        const v = value();
        const names = v.split(",").map((x) => x.trim());
        const bad = names.filter((n) => !(TPCH_ENGINES as readonly string[]).includes(n));
        if (bad.length > 0 || names.length === 0) throw new Error(`unknown engine(s) ${bad.join(", ")}: known are ${TPCH_ENGINES.join(", ")}`);
        engines = TPCH_ENGINES.filter((e) => names.includes(e));
        break;
      }
      case "--queries": {
        const v = value();
        const ns = v.split(",").map((s) => Number(s.trim().replace(/^q/i, "")));
        if (ns.length === 0 || ns.some((n) => !Number.isInteger(n) || n < 1 || n > 22)) throw new Error(`--queries takes numbers from 1 to 22, got '${v}'`);
        queries = [...new Set(ns)].sort((a, b) => a - b);
        break;
      }
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        throw new Error(`unknown option ${flag}\n${TPCH_USAGE}`);
    }
  }
  return { sf: sf ?? (quick ? QUICK_SF : 1), repeat: repeat ?? (quick ? 1 : 3), queries, threads, pyspark, json, timeoutMinutes, engines, quick, help };
}

function positiveInt(what: string, s: string, zeroOk = false): number {
  const n = Number(s.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new Error(`${what} must be a ${zeroOk ? "non-negative" : "positive"} integer, got '${s}'`);
  return n;
}
