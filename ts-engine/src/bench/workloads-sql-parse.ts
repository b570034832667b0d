import { readFileSync } from "node:fs";
import type { DataFrame, SparkSession } from "../index.js";
import type { Signature } from "./signature.js";

/**
 * The SQL front end's workload of `npm run bench` (issue 8): parse + analyze of TPC-H's 22
 * queries (tests/sql/tpch/q01.sql … q22.sql, Spark's dialect) over empty temp views of the
 * eight tables, nothing run. The Node side of bench_py_sql_parse.py (which times the same texts
 * through the Python client, PySpark, and DuckDB's PREPARE). Timed as the sum over the 22;
 * each query's own time (the last timed run) goes in the side's note.
 */

/** The workload's key and label, for workload-list.ts. */
export const SQL_PARSE_WORKLOADS = [["sql_parse_tpch", "parse + analyze TPC-H Q1–Q22"]] as const;

/** The tables' columns, as tests/sql/tpch/tpch_data.py's SCHEMAS (dbgen's order, the spec's types). */
const TPCH_SCHEMAS: readonly (readonly [string, string])[] = [
  ["region", "r_regionkey INT, r_name STRING, r_comment STRING"],
  ["nation", "n_nationkey INT, n_name STRING, n_regionkey INT, n_comment STRING"],
  ["part", "p_partkey BIGINT, p_name STRING, p_mfgr STRING, p_brand STRING, p_type STRING, p_size INT, p_container STRING, p_retailprice DECIMAL(15,2), p_comment STRING"],
  ["supplier", "s_suppkey BIGINT, s_name STRING, s_address STRING, s_nationkey INT, s_phone STRING, s_acctbal DECIMAL(15,2), s_comment STRING"],
  ["partsupp", "ps_partkey BIGINT, ps_suppkey BIGINT, ps_availqty INT, ps_supplycost DECIMAL(15,2), ps_comment STRING"],
  ["customer", "c_custkey BIGINT, c_name STRING, c_address STRING, c_nationkey INT, c_phone STRING, c_acctbal DECIMAL(15,2), c_mktsegment STRING, c_comment STRING"],
  ["orders", "o_orderkey BIGINT, o_custkey BIGINT, o_orderstatus STRING, o_totalprice DECIMAL(15,2), o_orderdate DATE, o_orderpriority STRING, o_clerk STRING, o_shippriority INT, o_comment STRING"],
  ["lineitem", "l_orderkey BIGINT, l_partkey BIGINT, l_suppkey BIGINT, l_linenumber INT, l_quantity DECIMAL(15,2), l_extendedprice DECIMAL(15,2), l_discount DECIMAL(15,2), l_tax DECIMAL(15,2), l_returnflag STRING, l_linestatus STRING, l_shipdate DATE, l_commitdate DATE, l_receiptdate DATE, l_shipinstruct STRING, l_shipmode STRING, l_comment STRING"],
];

/** The 22 query texts by name (q01 … q22), read from the repository's tests/sql/tpch. */
function tpchQueries(): readonly (readonly [string, string])[] {
  const dir = new URL("../../../tests/sql/tpch/", import.meta.url);
  return Array.from({ length: 22 }, (_, i) => {
    const name = `q${String(i + 1).padStart(2, "0")}`;
    return [name, readFileSync(new URL(`${name}.sql`, dir), "utf8")] as const;
  });
}

/** The eight tables as empty temp views (analysis needs their schemas, not their rows). */
export function tpchViews(spark: SparkSession): void {
  for (const [name, ddl] of TPCH_SCHEMAS) spark.createDataFrame([], ddl).createOrReplaceTempView(name);
}

/** Milliseconds each query took in the last run, for the side's note. */
export const lastParseTimes = new Map<string, number>();

/** Parses and analyzes each query (`await spark.sql`, which analyzes), timing each. */
export async function sqlParseWorkload(spark: SparkSession): Promise<readonly DataFrame[]> {
  const out: DataFrame[] = [];
  for (const [name, text] of tpchQueries()) {
    const t0 = performance.now();
    out.push(await spark.sql(text));
    lastParseTimes.set(name, performance.now() - t0);
  }
  return out;
}

/** The answer, after the clock stops: the count of queries and their output columns' total. */
export function sqlParseSignature(frames: readonly DataFrame[]): Signature {
  return { queries: frames.length, columns: frames.reduce((n, df) => n + df.columns.length, 0) };
}

/** The per-query figures of the last run, as the note prints them. */
export function parseTimesNote(): string {
  return `parse + analyze per TPC-H query (ms, last run): ${[...lastParseTimes].map(([q, ms]) => `${q} ${ms.toFixed(1)}`).join(", ")}`;
}
