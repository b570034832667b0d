import { mkdtempSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeBatch } from "../../../src/columnar/batch.js";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import { valueAt } from "../../../src/expr/eval/vectors.js";
import { readFooter } from "../../../src/io/parquet/parquet-footer.js";
import { ParquetOutputWriter } from "../../../src/io/parquet/parquet-output-writer.js";
import { sparkSchemaOf } from "../../../src/io/parquet/parquet-schema.js";
import { readRowGroup } from "../../../src/io/parquet/row-group-reader.js";
import { parseDataType } from "../../../src/types/ddl.js";
import type { StructType } from "../../../src/types/data-type.js";

const dir = mkdtempSync(join(tmpdir(), "tspark-parquet-rt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA = parseDataType(
  "b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INT, i64 BIGINT, f32 FLOAT, f64 DOUBLE, s STRING, bin BINARY, d DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, " +
    "dec5 DECIMAL(5,2), dec15 DECIMAL(15,3), dec30 DECIMAL(30,5), arr ARRAY<INT>, m MAP<STRING,BIGINT>, st STRUCT<x: INT, y: STRING>, arrst ARRAY<STRUCT<z: DOUBLE>>",
) as StructType;

const ROWS: unknown[][] = [
  [true, 1, 2, 3, 9007199254740993n, 1.5, 2.25, "héllo", new Uint8Array([0, 1]), 19782, 1704164645123456, 1704164645000006, "123.45", "-999999999999.999", "1234567890123456789012345.12345", [1, null, 3], [["a", 1], ["b", null]], [7, "y"], [[1.5], null]],
  ROWS_NULL(),
  [false, -128, -32768, -2147483648, -9223372036854775808n, Number.NaN, -Infinity, "", new Uint8Array(0), 0, -1, 0, "-0.01", "0.000", "-99999999999999999999999.99999", [], [], [null, null], []],
];

function ROWS_NULL(): unknown[] {
  return new Array<unknown>(19).fill(null);
}

async function roundTrip(compression: string, rows: unknown[][], batches = 1): Promise<unknown[][]> {
  const path = join(dir, `rt-${compression}-${batches}.parquet`);
  const w = await ParquetOutputWriter.create(path, SCHEMA, { compression, timestampOutput: "TIMESTAMP_MICROS" });
  for (let k = 0; k < batches; k++) {
    const cols = SCHEMA.fields.map((f, i) => vectorFromValues(f.dataType, rows.map((r) => r[i])));
    w.write(makeBatch(SCHEMA, cols, rows.length));
  }
  w.close();
  const footer = await readFooter(path);
  const schema = sparkSchemaOf(footer.metadata);
  expect(schema.fields.map((f) => [f.name, f.dataType])).toEqual(SCHEMA.fields.map((f) => [f.name, f.dataType]));
  const fh = await open(path);
  const out: unknown[][] = [];
  try {
    for (let g = 0; g < footer.metadata.row_groups.length; g++) {
      const cols = await readRowGroup(fh, footer, g, schema.fields, false);
      for (let i = 0; i < (cols[0]?.length ?? 0); i++) out.push(cols.map((c) => valueAt(c, i)));
    }
  } finally {
    await fh.close();
  }
  return out;
}

describe("Parquet write then read", () => {
  for (const codec of ["snappy", "gzip", "zstd", "brotli", "lz4", "lz4_raw", "none"]) {
    it(`keeps every Spark type (${codec})`, async () => {
      const back = await roundTrip(codec, ROWS);
      // i64 holds values past 2^53, so it comes back as exact BigInts; so does every other value.
      expect(back.map((r) => r.map((x) => (typeof x === "number" && Number.isNaN(x) ? "NaN" : x)))).toEqual(
        ROWS.map((r) => r.map((x, i) => (i === 4 || (i === 10 && x !== null) || (i === 11 && x !== null) ? x : typeof x === "number" && Number.isNaN(x) ? "NaN" : x))),
      );
    });
  }

  it("writes several batches into one row group and reads them in order", async () => {
    const back = await roundTrip("snappy", ROWS, 5);
    expect(back).toHaveLength(15);
    expect(back[14]![7]).toBe("");
    expect(back[13]!.every((x) => x === null)).toBe(true);
    expect(back[12]![7]).toBe("héllo");
  });

  it("rejects a codec it cannot write with the codecs it can", async () => {
    // lz4, lz4_raw and brotli are written now; lzo is a Spark name with no compressor here
    await expect(ParquetOutputWriter.create(join(dir, "x.parquet"), SCHEMA, { compression: "lzo", timestampOutput: "TIMESTAMP_MICROS" })).rejects.toThrow(
      /Codec \[lzo\] is not available for writing Parquet/,
    );
    await expect(ParquetOutputWriter.create(join(dir, "y.parquet"), SCHEMA, { compression: "foo", timestampOutput: "TIMESTAMP_MICROS" })).rejects.toThrow(/Codec \[foo\] is not available/);
  });
});
