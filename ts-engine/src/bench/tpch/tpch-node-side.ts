/**
 * The Node API's side of the TPC-H bench (`npm run bench -- --tpch`), in a child process of
 * tpch-run.ts so that each worker-thread count (TSPARK_WORKER_THREADS) gets a fresh engine.
 * argv[2] is a JSON TpchNodeArgs. The eight tables are temp views over the Parquet files;
 * each query is built and run (collect) once cold, then `repeat` times warm; its rows go out
 * with its times, one JSON line per query (tpch-side.ts), then a `done` line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SparkSession, type DataFrame } from "../../index.js";
import { median } from "../timing.js";
import { answerRows } from "./tpch-answers.js";
import { queryName, tpchQuery, TPCH_TABLES } from "./tpch-queries.js";
import type { TpchSideLine } from "./tpch-side.js";

/** What tpch-run.ts asks of this process. */
export interface TpchNodeArgs {
  /** The directory of the eight `<table>.parquet` files. */
  readonly dir: string;
  readonly queries: readonly number[];
  readonly repeat: number;
  /** The queries through the DataFrame API (tpch-queries.ts) or as SQL (tests/sql/tpch/qNN.sql). */
  readonly api: "dataframe" | "sql";
  /** Where the SQL texts are (tests/sql/tpch). */
  readonly sqlDir: string;
}

function emit(line: TpchSideLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as TpchNodeArgs;
  const t0 = performance.now();
  const spark = SparkSession.builder.appName("tpch").getOrCreate();
  for (const name of TPCH_TABLES) (await spark.read.parquet(join(args.dir, `${name}.parquet`))).createOrReplaceTempView(name);
  const start = (performance.now() - t0) / 1000;
  for (const n of args.queries) {
    const q = queryName(n);
    const frame = async (): Promise<DataFrame> =>
      args.api === "sql" ? spark.sql(readFileSync(join(args.sqlDir, `${q}.sql`), "utf8")) : tpchQuery(n, (name) => spark.table(name));
    const run = async (): Promise<{ seconds: number; df: DataFrame; rows: Awaited<ReturnType<DataFrame["collect"]>> }> => {
      const s = performance.now();
      const df = await frame();
      const rows = await df.collect();
      return { seconds: (performance.now() - s) / 1000, df, rows };
    };
    try {
      const first = await run();
      let last = first;
      const warm: number[] = [];
      for (let i = 0; i < args.repeat; i++) {
        last = await run();
        warm.push(last.seconds);
      }
      emit({ q, cold: first.seconds, warm: warm.length > 0 ? median(warm) : first.seconds, rows: answerRows(last.rows, last.df.schema) });
    } catch (e) {
      emit({ q, error: e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e) });
    }
  }
  spark.stop();
  emit({ done: true, rssMb: process.resourceUsage().maxRSS / 1024, start, note: `Node API (${args.api})` });
}

await main();
process.exit(0);
