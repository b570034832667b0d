/**
 * The string-kernel bench (issue 6): lower, substring, regexp_replace and split+size over
 * `rows` generated strings, through the Node API and the Python client, against DuckDB's
 * equivalents (through bench_py-style Python when `import duckdb` works), in one run.
 *
 *   node ts-engine/dist/bench/string-kernels.js [--rows N] [--repeat R]
 *
 * (TSPARK_BENCH_DUCKDB_PYTHON names a Python with duckdb when the project venv has none.)
 *
 * Data: s = 'Row_' || id || '_Straße_' || (id % 977), ASCII with a non-ASCII tail on every
 * row (so the UTF-8 kernels leave their all-ASCII fast path). Each workload sums a number
 * derived from the result (total length or part count) so every engine returns one row and the
 * answers can be compared.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { functions as F, SparkSession, StringType, type Column, type DataFrame } from "../index.js";
import { medianOf } from "./timing.js";
import { venvPython } from "./python-side.js";

/** The string workloads: key, the Node API expression over column s, and DuckDB's SQL over s. */
const STRING_WORKLOADS: readonly (readonly [string, () => Column, string])[] = [
  ["lower", () => F.length(F.lower("s")), "length(lower(s))"],
  ["substring", () => F.length(F.substring("s", 3, 7)), "length(substring(s, 3, 7))"],
  ["regexp_replace", () => F.length(F.regexp_replace("s", "[0-9]+", "#")), "length(regexp_replace(s, '[0-9]+', '#', 'g'))"],
  ["split_size", () => F.expr("size(split(s, '_'))"), "len(string_split_regex(s, '_'))"],
];

function frame(spark: SparkSession, rows: number): DataFrame {
  return spark.range(rows).select(
    F.concat(F.lit("Row_"), F.col("id").cast(StringType), F.lit("_Straße_"), F.col("id").mod(977).cast(StringType)).alias("s"),
  );
}

const PY = `
import json, sys, time
mode, rows, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
work = json.loads(sys.argv[4])
out = {}
if mode == "tspark":
    from tspark.sql import SparkSession, functions as F
    spark = SparkSession.builder.appName("bench-strings").getOrCreate()
    df = spark.range(rows).select(F.concat(F.lit("Row_"), F.col("id").cast("string"), F.lit("_Straße_"), (F.col("id") % 977).cast("string")).alias("s")).cache()
    df.count()
    exprs = {"lower": F.length(F.lower("s")), "substring": F.length(F.substring("s", 3, 7)),
             "regexp_replace": F.length(F.regexp_replace("s", "[0-9]+", "#")), "split_size": F.expr("size(split(s, '_'))")}
    run = lambda k: df.select(F.sum(exprs[k])).first()[0]
else:
    import duckdb
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT 'Row_' || range || '_Straße_' || (range % 977) AS s FROM range(" + str(rows) + ")")
    run = lambda k: con.execute("SELECT sum(" + work[k] + ") FROM t").fetchone()[0]
for k in work:
    try:
        run(k)
        ts = []
        for _ in range(repeat):
            t0 = time.perf_counter(); v = run(k); ts.append(time.perf_counter() - t0)
        out[k] = {"seconds": sorted(ts)[len(ts) // 2], "value": int(v)}
    except Exception as e:
        out[k] = {"error": str(e).split("\\n")[0][:160]}
print(json.dumps(out))
`;

interface Cell {
  readonly seconds?: number;
  readonly value?: number;
  readonly error?: string;
}

function runPython(mode: "tspark" | "duckdb", rows: number, repeat: number): Record<string, Cell> {
  // DuckDB may live in another interpreter than the client (TSPARK_BENCH_DUCKDB_PYTHON).
  const python = mode === "duckdb" ? (process.env["TSPARK_BENCH_DUCKDB_PYTHON"] ?? venvPython()) : venvPython();
  if (!existsSync(python)) return {};
  const script = join(tmpdir(), "tspark-bench-strings.py");
  writeFileSync(script, PY);
  const work = Object.fromEntries(STRING_WORKLOADS.map(([k, , sql]) => [k, sql]));
  const r = spawnSync(python, [script, mode, String(rows), String(repeat), JSON.stringify(work)], { encoding: "utf8", maxBuffer: 1 << 24 });
  try {
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as Record<string, Cell>;
  } catch {
    const why = (r.stderr || r.stdout).trim().split("\n").pop() ?? "failed";
    return Object.fromEntries(STRING_WORKLOADS.map(([k]) => [k, { error: why.slice(0, 120) }]));
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string, dflt: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const rows = opt("--rows", 10_000_000);
  const repeat = opt("--repeat", 3);
  const spark = SparkSession.builder.appName("bench-strings").getOrCreate();
  // Cached and materialised outside the clock, so the timed part is the kernel, not the data generation.
  const df = frame(spark, rows).cache();
  await df.count();
  const node: Record<string, Cell> = {};
  for (const [key, expr] of STRING_WORKLOADS) {
    try {
      const r = await medianOf(async () => Number((await df.select(F.sum(expr())).first())?.get(0)), repeat);
      node[key] = { seconds: r.seconds, value: r.value };
    } catch (e) {
      node[key] = { error: (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 120) };
    }
  }
  spark.stop();
  const python = runPython("tspark", rows, repeat);
  const duck = runPython("duckdb", rows, repeat);
  const fmt = (c: Cell | undefined): string => (c === undefined ? "-" : c.error !== undefined ? `error (${c.error.slice(0, 40)})` : `${c.seconds!.toFixed(3)}s`);
  console.log(`string kernels over ${rows} rows (median of ${repeat})`);
  console.log("workload        tspark-node   tspark-python  duckdb        node/duckdb  answers");
  for (const [key] of STRING_WORKLOADS) {
    const n = node[key];
    const d = duck[key];
    const ratio = n?.seconds !== undefined && d?.seconds !== undefined ? (n.seconds / d.seconds).toFixed(2) + "x" : "-";
    const values = [n?.value, python[key]?.value, d?.value].filter((v) => v !== undefined);
    const agree = values.length > 1 && values.every((v) => v === values[0]) ? "agree" : values.length <= 1 ? "-" : `DIFF ${values.join(" / ")}`;
    console.log(`${key.padEnd(16)}${fmt(n).padEnd(14)}${fmt(python[key]).padEnd(15)}${fmt(d).padEnd(14)}${ratio.padEnd(13)}${agree}`);
  }
}

await main();
process.exit(0);
