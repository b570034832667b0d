import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeBatch, type ColumnBatch } from "../../../src/columnar/batch.js";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { valueAt } from "../../../src/expr/eval/vectors.js";
import type { FormatContext } from "../../../src/io/file-format.js";
import type { FileSplit, FileStatus } from "../../../src/io/file-split.js";
import { parquetFormat } from "../../../src/io/parquet/parquet-format.js";
import type { PushedFilter } from "../../../src/io/pushed-filter.js";
import { SourceOptions } from "../../../src/io/source-options.js";
import { parseDataType } from "../../../src/types/ddl.js";
import type { StructType } from "../../../src/types/data-type.js";

const dir = mkdtempSync(join(tmpdir(), "tspark-parquet-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA = parseDataType("id BIGINT, s STRING, g INT") as StructType;
const GROUPS = 10;
const ROWS_PER_GROUP = 100;
const path = join(dir, "ten-groups.parquet");
let file: FileStatus;

function ctx(conf = new SqlConf()): FormatContext {
  return { conf, timeZone: "UTC", signal: new AbortController().signal };
}

beforeAll(async () => {
  // 10 row groups of 100 rows (a 1-byte block size cuts one per batch): id = 0..999, g = id / 100.
  const w = await parquetFormat.createWriter(path, SCHEMA, new SourceOptions([["parquet.block.size", "1"]]), ctx());
  for (let g = 0; g < GROUPS; g++) {
    const ids = Array.from({ length: ROWS_PER_GROUP }, (_, i) => g * ROWS_PER_GROUP + i);
    await w.write(makeBatch(SCHEMA, [vectorFromValues(SCHEMA.fields[0]!.dataType, ids), vectorFromValues(SCHEMA.fields[1]!.dataType, ids.map((i) => `v${i}`)), vectorFromValues(SCHEMA.fields[2]!.dataType, ids.map(() => g))], ROWS_PER_GROUP));
  }
  await w.close();
  const st = statSync(path);
  file = { path, size: st.size, modificationTime: st.mtimeMs, partitionValues: [] };
});

async function read(split: FileSplit, required: string[], filters: PushedFilter[] = [], conf?: SqlConf): Promise<unknown[][]> {
  const requiredSchema: StructType = { kind: "struct", fields: SCHEMA.fields.filter((f) => required.includes(f.name)) };
  const out: unknown[][] = [];
  const batches: ColumnBatch[] = [];
  for await (const b of parquetFormat.read(split, { dataSchema: SCHEMA, requiredSchema, filters, options: new SourceOptions([]) }, ctx(conf))) batches.push(b);
  for (const b of batches) {
    expect(b.columns).toHaveLength(required.length);
    for (let i = 0; i < b.numRows; i++) out.push(b.columns.map((c) => valueAt(c, i)));
  }
  return out;
}

describe("the Parquet format", () => {
  it("infers the schema from the footer, nullable as Spark's file sources read it", async () => {
    const t = await parquetFormat.inferSchema([file], new SourceOptions([]), ctx());
    expect(t?.fields.map((f) => [f.name, f.dataType.kind, f.nullable])).toEqual([
      ["id", "long", true],
      ["s", "string", true],
      ["g", "integer", true],
    ]);
  });

  it("reads only the required columns, in the order asked", async () => {
    const rows = await read({ file, start: 0, length: file.size }, ["g", "s"]);
    expect(rows).toHaveLength(GROUPS * ROWS_PER_GROUP);
    expect(rows[250]).toEqual(["v250", 2]);
  });

  it("gives each split the row groups whose midpoint it holds, every group exactly once", async () => {
    const cut = Math.floor(file.size / 3);
    const a = await read({ file, start: 0, length: cut }, ["id"]);
    const b = await read({ file, start: cut, length: file.size - cut }, ["id"]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b].map((r) => r[0]).sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("skips row groups whose statistics rule the pushed filters out", async () => {
    const whole = { file, start: 0, length: file.size };
    const gt: PushedFilter = { kind: "GreaterThan", column: "id", value: 849, shown: "849" };
    const rows = await read(whole, ["id"], [gt]);
    // Groups 8 (800..899) and 9 survive; the Filter above the scan drops 800..849.
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 200 }, (_, i) => 800 + i));
    const eq: PushedFilter = { kind: "EqualTo", column: "s", value: "v555", shown: "v555" };
    expect((await read(whole, ["id"], [eq])).length).toBeLessThanOrEqual(ROWS_PER_GROUP * 2);
    const off = new SqlConf();
    off.set("spark.sql.parquet.filterPushdown", "false");
    expect(await read(whole, ["id"], [gt], off)).toHaveLength(1000);
  });

  it("reads a column the file lacks as nulls and widens int to bigint", async () => {
    const requiredSchema = parseDataType("g BIGINT, missing STRING") as StructType;
    const out: unknown[][] = [];
    for await (const b of parquetFormat.read({ file, start: 0, length: file.size }, { dataSchema: requiredSchema, requiredSchema, filters: [], options: new SourceOptions([]) }, ctx())) {
      for (let i = 0; i < b.numRows; i++) out.push(b.columns.map((c) => valueAt(c, i)));
    }
    expect(out[999]).toEqual([9, null]);
  });

  it("refuses a type it cannot widen to, naming the file and column", async () => {
    const requiredSchema = parseDataType("s INT") as StructType;
    const it2 = parquetFormat.read({ file, start: 0, length: file.size }, { dataSchema: requiredSchema, requiredSchema, filters: [], options: new SourceOptions([]) }, ctx());
    await expect((async () => {
      for await (const _ of it2) void _;
    })()).rejects.toThrow(/PARQUET_COLUMN_DATA_TYPE_MISMATCH.*ten-groups\.parquet.*\[s\].*"INT".*BYTE_ARRAY/);
  });

  it("batches reads for the vectorized path unless too many fields", () => {
    const conf = new SqlConf();
    expect(parquetFormat.supportBatch?.(SCHEMA, conf)).toBe(true);
    conf.set("spark.sql.codegen.maxFields", "2");
    expect(parquetFormat.supportBatch?.(SCHEMA, conf)).toBe(false);
  });
});
