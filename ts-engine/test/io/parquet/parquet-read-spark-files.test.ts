import { open } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { valueAt } from "../../../src/expr/eval/vectors.js";
import { readFooter } from "../../../src/io/parquet/parquet-footer.js";
import { sparkSchemaOf } from "../../../src/io/parquet/parquet-schema.js";
import { readRowGroup } from "../../../src/io/parquet/row-group-reader.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../../../tests/fixtures/parquet/${name}`, import.meta.url));

/** Every row of a file as engine values, through the footer and the row-group reader. */
async function readAll(path: string): Promise<{ names: string[]; rows: unknown[][] }> {
  const footer = await readFooter(path);
  const schema = sparkSchemaOf(footer.metadata);
  const fh = await open(path);
  try {
    const rows: unknown[][] = [];
    for (let g = 0; g < footer.metadata.row_groups.length; g++) {
      const cols = await readRowGroup(fh, footer, g, schema.fields, false);
      const n = cols[0]?.length ?? 0;
      for (let i = 0; i < n; i++) rows.push(cols.map((c) => valueAt(c, i)));
    }
    return { names: schema.fields.map((f) => f.name), rows };
  } finally {
    await fh.close();
  }
}

// The rows tests/fixtures/parquet/make_spark_fixtures.py wrote with PySpark 4.0.1 (session time zone UTC).
const EXPECTED_FIRST = {
  b: true,
  i8: 1,
  i16: 2,
  i32: 3,
  i64: 9007199254740993n,
  f32: 1.5,
  f64: 2.25,
  s: "héllo",
  bin: new Uint8Array([0, 1]),
  d: 19782, // 2024-02-29
  ts: Date.UTC(2024, 0, 2, 3, 4, 5) * 1000 + 123456,
  // 0001-01-01 in the third row lies beyond ±2^53 µs, so the whole vector is exact BigInts.
  ntz: BigInt(Date.UTC(2024, 0, 2, 3, 4, 5)) * 1000n + 6n,
  dec5: "123.45",
  dec15: "-999999999999.999",
  dec30: "1234567890123456789012345.12345",
  arr: [1, null, 3],
  m: [
    ["a", 1],
    ["b", null],
  ],
  st: [7, "y"],
  arrst: [[1.5], null],
};

describe("reading Parquet files PySpark 4.0.1 wrote", () => {
  for (const codec of ["snappy", "gz", "zstd"]) {
    it(`reads every Spark type (${codec})`, async () => {
      const { names, rows } = await readAll(fixture(`spark-all-types.${codec}.parquet`));
      expect(names).toEqual(Object.keys(EXPECTED_FIRST));
      expect(rows).toHaveLength(3);
      expect(Object.fromEntries(names.map((n, i) => [n, rows[0]![i]]))).toEqual(EXPECTED_FIRST);
      expect(rows[1]!.every((x) => x === null)).toBe(true);
      const third = Object.fromEntries(names.map((n, i) => [n, rows[2]![i]]));
      expect(third.i64).toBe(-9223372036854775808n);
      expect(third.i32).toBe(-2147483648);
      expect(Number.isNaN(third.f32)).toBe(true);
      expect(third.f64).toBe(-Infinity);
      expect(third.s).toBe("");
      expect(third.ts).toBe(-1);
      expect(third.ntz).toBe(-62135596800000000n);
      expect(third.dec5).toBe("-0.01");
      expect(third.dec15).toBe("0.000");
      expect(third.dec30).toBe("-99999999999999999999999.99999");
      expect(third.arr).toEqual([]);
      expect(third.m).toEqual([]);
      expect(third.st).toEqual([null, null]);
    });
  }

  it("maps Spark's Parquet schema back to the Spark types", async () => {
    const footer = await readFooter(fixture("spark-all-types.snappy.parquet"));
    const t = sparkSchemaOf(footer.metadata);
    const kinds = t.fields.map((f) => f.dataType.kind);
    expect(kinds).toEqual(["boolean", "byte", "short", "integer", "long", "float", "double", "string", "binary", "date", "timestamp", "timestamp_ntz", "decimal", "decimal", "decimal", "array", "map", "struct", "array"]);
    expect(t.fields[14]!.dataType).toEqual({ kind: "decimal", precision: 30, scale: 5 });
    expect(t.fields[15]!.dataType).toEqual({ kind: "array", elementType: { kind: "integer" }, containsNull: true });
    expect(t.fields[16]!.dataType).toEqual({ kind: "map", keyType: { kind: "string" }, valueType: { kind: "long" }, valueContainsNull: true });
  });

  it("reads INT96 timestamps as microseconds", async () => {
    const { rows } = await readAll(fixture("spark-int96.snappy.parquet"));
    expect(rows.map((r) => r[0])).toEqual([Date.UTC(2024, 0, 2, 3, 4, 5) * 1000 + 123456, null, -1]);
  });
});
