import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRows, checkAnswer, type AnswerRows } from "../../src/bench/tpch/tpch-answers.js";
import { queryName, tpchQuery, TPCH_TABLES } from "../../src/bench/tpch/tpch-queries.js";
import { SparkSession } from "../../src/index.js";
import { tempDir } from "../temp-dir.js";

/**
 * TPC-H's 22 queries through the Node API (tpch-queries.ts) and as SQL through the Node session,
 * at SF0.01 on tests/sql/tpch/tpch_data.py's data, must give PySpark 4.0.1's answers
 * (tests/sql/tpch/answers_sf0.01.json, recorded by record_tpch_answers.py; values rounded to 2
 * places there). tests/e2e/test_tpch.py checks the Python DataFrame API and spark.sql the same way.
 */

const tpchDir = fileURLToPath(new URL("../../../tests/sql/tpch/", import.meta.url));
const venvPython = fileURLToPath(new URL("../../../.venv/bin/python", import.meta.url));
const hasPyarrow = existsSync(venvPython) && spawnSync(venvPython, ["-c", "import pyarrow"], { stdio: "ignore" }).status === 0;
const answers = JSON.parse(readFileSync(`${tpchDir}answers_sf0.01.json`, "utf8")) as Record<string, AnswerRows>;
const sqlOf = (q: string): string => readFileSync(`${tpchDir}${q}.sql`, "utf8");
const ordered = (q: string): boolean => /order\s+by/i.test(sqlOf(q));

describe.skipIf(!hasPyarrow)("TPC-H at SF0.01 from the Node API (needs .venv with pyarrow)", () => {
  const spark = SparkSession.builder.appName("tpch-test").getOrCreate();
  afterAll(() => spark.stop());

  beforeAll(async () => {
    const dir = tempDir("tpch-sf001-");
    const code = "import sys; sys.path.insert(0, sys.argv[1]); import tpch_data; tpch_data.write_parquet(sys.argv[2], 0.01)";
    const r = spawnSync(venvPython, ["-c", code, tpchDir, dir], { encoding: "utf8", timeout: 110_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const t of TPCH_TABLES) (await spark.read.parquet(`${dir}/${t}.parquet`)).createOrReplaceTempView(t);
  }, 120_000);

  const check = (q: string, got: AnswerRows): void => {
    const c = checkAnswer(got, answers[q]!, ordered(q));
    expect(c.kind === "diff" ? c.why : "agrees").toBe("agrees");
  };

  for (let n = 1; n <= 22; n++) {
    const q = queryName(n);
    it(`${q} through the DataFrame API gives PySpark's answer`, async () => {
      const df = tpchQuery(n, (name) => spark.table(name));
      check(q, answerRows(await df.collect(), df.schema));
      // every query selects rows on this data (an empty answer would prove little), but q18's
      if (n !== 18) expect(answers[q]!.length).toBeGreaterThan(0);
    });
    it(`${q} as SQL gives PySpark's answer`, async () => {
      const df = await spark.sql(sqlOf(q));
      check(q, answerRows(await df.collect(), df.schema));
    });
  }

  it("names its output columns as the SQL does", async () => {
    for (let n = 1; n <= 22; n++) {
      const q = queryName(n);
      expect(tpchQuery(n, (name) => spark.table(name)).columns, q).toEqual((await spark.sql(sqlOf(q))).columns);
    }
  });
});
