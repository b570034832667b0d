import { open } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { valueAt } from "../../../src/expr/eval/vectors.js";
import { readFooter } from "../../../src/io/parquet/parquet-footer.js";
import { sparkSchemaOf } from "../../../src/io/parquet/parquet-schema.js";
import { readRowGroup } from "../../../src/io/parquet/row-group-reader.js";
import { mightMatch, rowGroupStats } from "../../../src/io/parquet/row-group-filter.js";
import { fileColumns } from "../../../src/io/parquet/row-group-reader.js";
import type { PushedFilter } from "../../../src/io/pushed-filter.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../../../tests/fixtures/parquet/${name}`, import.meta.url));

async function readAll(path: string): Promise<unknown[][]> {
  const footer = await readFooter(path);
  const schema = sparkSchemaOf(footer.metadata);
  const fh = await open(path);
  try {
    const rows: unknown[][] = [];
    for (let g = 0; g < footer.metadata.row_groups.length; g++) {
      const cols = await readRowGroup(fh, footer, g, schema.fields, false);
      for (let i = 0; i < (cols[0]?.length ?? 0); i++) rows.push(cols.map((c) => valueAt(c, i)));
    }
    return rows;
  } finally {
    await fh.close();
  }
}

// The rows tests/fixtures/parquet/make_nested_decimal_fixtures.py wrote (PySpark 4.0.1 and pyarrow):
// id, st{small dec(5,2), mid dec(18,4), big dec(38,10)}, arr<dec(18,4)>, m<string,dec(9,2)>, mk<dec(18,3),string>, arrst<{x dec(38,0)}>.
const EXPECTED = [
  [
    1,
    ["123.45", "99999999999999.9999", "1234567890123456789012345678.1234567890"],
    ["12345678901234.5678", null, "-0.0001"],
    [["a", "9999999.99"], ["b", null]],
    [["123456789012345.678", "k1"]],
    [["-12345678901234567890123456789012345678"]],
  ],
  [2, null, null, null, null, null],
  [
    3,
    ["-999.99", "-99999999999999.9999", "-0.0000000001"],
    [],
    [],
    [["-0.001", "k2"], ["0.000", "k3"]],
    [null, ["0"]],
  ],
  [4, ["0.01", "0.0001", "9999999999999999999999999999.9999999999"], ["99999999999999.9999"], [["c", "-0.01"]], [], []],
];

describe("decimals inside structs, arrays and maps", () => {
  it("are read exactly, past a double's 15 digits (pyarrow: FIXED_LEN_BYTE_ARRAY everywhere)", async () => {
    expect(await readAll(fixture("pyarrow-nested-decimals.parquet"))).toEqual(EXPECTED);
  });
  it("are read exactly, past a double's 15 digits (PySpark: INT32, INT64 and FIXED_LEN_BYTE_ARRAY)", async () => {
    // PySpark stored row 3's map (a Python dict) with its entries the other way round
    const spark = EXPECTED.map((r) => [...r]);
    spark[2]![4] = [["0.000", "k3"], ["-0.001", "k2"]];
    expect(await readAll(fixture("spark-nested-decimals.snappy.parquet"))).toEqual(spark);
  });
});

describe("decimal statistics", () => {
  it("prune row groups exactly, at digits a double cannot tell apart", async () => {
    // pyarrow-flat-decimals.parquet: two row groups of two rows (make_nested_decimal_fixtures.py)
    const path = fixture("pyarrow-flat-decimals.parquet");
    const footer = await readFooter(path);
    const schema = sparkSchemaOf(footer.metadata);
    const cols = fileColumns(footer, false);
    const statsColumns = new Map([...cols].map(([k, c]) => [k, { index: c.firstLeaf, element: c.node.element, type: schema.fields.find((f) => f.name.toLowerCase() === k)!.dataType }]));
    const groups = footer.metadata.row_groups;
    expect(groups).toHaveLength(2);
    const kept = (f: PushedFilter): number[] =>
      groups.flatMap((rg, g) => (mightMatch(f, rowGroupStats(rg, statsColumns, false, footer.decimalStats?.get(g)), Number(rg.num_rows)) ? [g] : []));
    // group 0 holds d in [1.0000000000000000001, 1.0000000000000000002], group 1 in [1.0000000000000000003, 5]
    const gt = (v: string): PushedFilter => ({ kind: "GreaterThan", column: "d", value: v, shown: v });
    expect(kept(gt("1.0000000000000000002"))).toEqual([1]);
    expect(kept(gt("1.0000000000000000001"))).toEqual([0, 1]);
    expect(kept({ kind: "LessThan", column: "d", value: "1.0000000000000000003", shown: "" })).toEqual([0]);
    expect(kept({ kind: "EqualTo", column: "d", value: "5.0000000000000000000", shown: "" })).toEqual([1]);
    expect(kept({ kind: "EqualTo", column: "d", value: "5.00000000000000000001", shown: "" })).toEqual([]);
    // an int-backed decimal (INT64, dec(18,4)) prunes too
    expect(kept({ kind: "GreaterThanOrEqual", column: "small", value: "100.0000", shown: "" })).toEqual([1]);
  });
});
