import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import { pyFloatRepr, pyRepr } from "../../src/api/py-repr.js";
import { SparkException } from "../../src/errors/spark-exception.js";
import type { DataType } from "../../src/types/data-type.js";
import { parseSlt, sltFiles, type SltRecord } from "./slt-file.js";

// The .slt files of tests/sql (recorded on PySpark 4.0.1 by tests/sql/record_slt.py) through the Node API.
// tables go to a warehouse of this run's own, emptied between files as the recorder does
const warehouse = mkdtempSync(path.join(os.tmpdir(), "tspark-slt-node-"));
const spark = SparkSession.builder.appName("slt").config("spark.sql.session.timeZone", "UTC").config("spark.sql.warehouse.dir", warehouse).getOrCreate();
afterAll(() => {
  spark.stop();
  rmSync(warehouse, { recursive: true, force: true });
});

/** tests/sql/slt.py's reset: no temp views, tables or databases left from the last file. */
async function reset(): Promise<void> {
  await spark.sql("USE default");
  for (const t of spark.catalog.listTables()) {
    if (t.isTemporary) spark.catalog.dropTempView(t.name);
    else if (t.tableType === "VIEW") await spark.sql(`DROP VIEW IF EXISTS \`${t.name}\``);
    else await spark.sql(`DROP TABLE IF EXISTS \`${t.name}\``);
  }
  for (const d of spark.catalog.listDatabases()) if (d.name !== "default") await spark.sql(`DROP DATABASE IF EXISTS \`${d.name}\` CASCADE`);
}

function text(s: string): string {
  return s === "" ? "(empty)" : s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** The canonical text of a value, as tests/sql/slt.py's format_value gives it for the Python value. */
function formatValue(v: unknown, t: DataType): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number" && (t.kind === "double" || t.kind === "float")) {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
    return pyFloatRepr(v);
  }
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "string") return text(v);
  if (v instanceof Date) {
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    if (t.kind === "date") return date;
    const micros = v.getUTCMilliseconds();
    return `${date} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}${micros === 0 ? "" : `.${pad(micros, 3)}000`}`;
  }
  return text(pyRepr(v, t));
}

async function run(r: SltRecord): Promise<{ error?: string; rows?: string[] }> {
  try {
    const df = await spark.sql(r.sql);
    if (r.kind === "statement") return {};
    const types = df.schema.fields.map((f) => f.dataType);
    const rows = (await df.collect()).map((row) => row.toArray().map((v, i) => formatValue(v, types[i]!)).join("\t"));
    if (r.rowsort) rows.sort();
    return { rows };
  } catch (e) {
    return { error: e instanceof SparkException ? e.errorClass : String(e) };
  }
}

describe("sqllogictest files through the Node API", () => {
  for (const file of sltFiles()) {
    it(file, async () => {
      await reset();
      const problems: string[] = [];
      for (const r of parseSlt(file)) {
        const out = await run(r);
        if (r.expectError !== undefined) {
          if (out.error !== r.expectError) problems.push(`${file}:${r.line}: expected error ${r.expectError}, got ${out.error ?? "success"}`);
        } else if (out.error !== undefined) problems.push(`${file}:${r.line}: unexpected error ${out.error}`);
        else if (r.kind === "query" && JSON.stringify(out.rows) !== JSON.stringify(r.rows)) {
          problems.push(`${file}:${r.line}: rows differ\n  expected ${JSON.stringify(r.rows)}\n  got      ${JSON.stringify(out.rows)}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
