import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { batchToRows } from "../../../src/columnar/rows.js";
import { makeVector, type Vector } from "../../../src/columnar/vector.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { ReadRequest } from "../../../src/io/file-format.js";
import type { FileSplit } from "../../../src/io/file-split.js";
import { readCsv } from "../../../src/io/csv/csv-read.js";
import type { ComparisonKind, PushedFilter } from "../../../src/io/pushed-filter.js";
import { evalPushedFilter, FALSE, TRUE, UNKNOWN } from "../../../src/io/pushed-filter-eval.js";
import { SourceOptions } from "../../../src/io/source-options.js";
import { DateType, DoubleType, IntegerType, StringType, type DataType } from "../../../src/types/data-type.js";
import { parseDDL } from "../../../src/types/ddl.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

const dir = mkdtempSync(join(tmpdir(), "tspark-csv-filters-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cmp = (kind: ComparisonKind, column: string, value: unknown): PushedFilter => ({ kind, column, value, shown: String(value) });

function evalOn(f: PushedFilter, cols: Record<string, Vector>, n: number): number[] {
  return [...evalPushedFilter(f, (name) => cols[name], n)];
}

describe("pushed filters over vectors", () => {
  const ints = makeVector(IntegerType, Int32Array.from([1, 2, 3, 0]), Uint8Array.from([1, 1, 1, 0]));
  const dbl = makeVector(DoubleType, Float64Array.from([Number.NaN, -0, 1.5, -Infinity]), null);

  it("compares with SQL's three values: a null row is UNKNOWN, and EqualNullSafe is never UNKNOWN", () => {
    expect(evalOn(cmp("LessThan", "i", 2), { i: ints }, 4)).toEqual([TRUE, FALSE, FALSE, UNKNOWN]);
    expect(evalOn(cmp("GreaterThanOrEqual", "i", 2), { i: ints }, 4)).toEqual([FALSE, TRUE, TRUE, UNKNOWN]);
    expect(evalOn(cmp("EqualNullSafe", "i", 3), { i: ints }, 4)).toEqual([FALSE, FALSE, TRUE, FALSE]);
    expect(evalOn(cmp("EqualNullSafe", "i", null), { i: ints }, 4)).toEqual([FALSE, FALSE, FALSE, TRUE]);
    expect(evalOn(cmp("EqualTo", "i", null), { i: ints }, 4)).toEqual([UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
    expect(evalOn({ kind: "IsNull", column: "i" }, { i: ints }, 4)).toEqual([FALSE, FALSE, FALSE, TRUE]);
  });

  it("orders doubles as Spark does: NaN above everything and equal to itself, -0.0 equal to 0.0", () => {
    expect(evalOn(cmp("GreaterThan", "d", 1e300), { d: dbl }, 4)).toEqual([TRUE, FALSE, FALSE, FALSE]);
    expect(evalOn(cmp("EqualTo", "d", Number.NaN), { d: dbl }, 4)).toEqual([TRUE, FALSE, FALSE, FALSE]);
    expect(evalOn(cmp("EqualTo", "d", 0), { d: dbl }, 4)).toEqual([FALSE, TRUE, FALSE, FALSE]);
    expect(evalOn(cmp("LessThan", "d", Number.NaN), { d: dbl }, 4)).toEqual([FALSE, TRUE, TRUE, TRUE]);
  });

  it("combines with Kleene logic", () => {
    const lt2 = cmp("LessThan", "i", 2);
    const isNaN = cmp("EqualTo", "d", Number.NaN);
    expect(evalOn({ kind: "Or", left: lt2, right: cmp("EqualTo", "i", 3) }, { i: ints }, 4)).toEqual([TRUE, FALSE, TRUE, UNKNOWN]);
    expect(evalOn({ kind: "Or", left: cmp("GreaterThan", "i", 0), right: isNaN }, { i: ints, d: dbl }, 4)).toEqual([TRUE, TRUE, TRUE, UNKNOWN]);
    expect(evalOn({ kind: "And", left: cmp("GreaterThan", "i", 5), right: isNaN }, { i: ints, d: dbl }, 4)).toEqual([FALSE, FALSE, FALSE, FALSE]);
    expect(evalOn({ kind: "And", left: cmp("LessThan", "d", 5), right: lt2 }, { i: ints, d: dbl }, 4)).toEqual([FALSE, FALSE, FALSE, UNKNOWN]);
    expect(evalOn({ kind: "Not", child: lt2 }, { i: ints }, 4)).toEqual([FALSE, TRUE, TRUE, UNKNOWN]);
  });

  it("reads decimals as unscaled longs, strings as bytes, and IN with a null as UNKNOWN when nothing matches", () => {
    const dec = makeVector({ kind: "decimal", precision: 10, scale: 2 }, BigInt64Array.from([150n, -25n, 200n, 9_000_000_000_000_000n]), null);
    expect(evalOn(cmp("LessThan", "m", "2.00"), { m: dec }, 4)).toEqual([TRUE, TRUE, FALSE, FALSE]);
    expect(evalOn(cmp("GreaterThan", "m", "-0.25"), { m: dec }, 4)).toEqual([TRUE, FALSE, TRUE, TRUE]);
    const s = makeVector(StringType, ["apple", "banana", "", "grape"], Uint8Array.from([1, 1, 1, 0]));
    expect(evalOn({ kind: "StringStartsWith", column: "s", value: "ba" }, { s }, 4)).toEqual([FALSE, TRUE, FALSE, UNKNOWN]);
    expect(evalOn({ kind: "StringEndsWith", column: "s", value: "le" }, { s }, 4)).toEqual([TRUE, FALSE, FALSE, UNKNOWN]);
    expect(evalOn({ kind: "StringContains", column: "s", value: "an" }, { s }, 4)).toEqual([FALSE, TRUE, FALSE, UNKNOWN]);
    expect(evalOn(cmp("LessThanOrEqual", "s", "apple"), { s }, 4)).toEqual([TRUE, FALSE, TRUE, UNKNOWN]);
    expect(evalOn({ kind: "In", column: "s", values: ["banana", null], shown: [] }, { s }, 4)).toEqual([UNKNOWN, TRUE, UNKNOWN, UNKNOWN]);
    expect(evalOn({ kind: "In", column: "s", values: ["", "apple"], shown: [] }, { s }, 4)).toEqual([TRUE, FALSE, TRUE, UNKNOWN]);
  });
});

const SCHEMA = parseDDL("i INT, d DOUBLE, s STRING, dt DATE, m DECIMAL(10,2)");
const TYPES: readonly DataType[] = SCHEMA.fields.map((f) => f.dataType);

async function read(path: string, filters: readonly PushedFilter[], mode: string, pushdown = true): Promise<unknown[][]> {
  const size = statSync(path).size;
  const split: FileSplit = { file: { path, size, modificationTime: 0, partitionValues: [] }, start: 0, length: size };
  const req: ReadRequest = { dataSchema: SCHEMA, requiredSchema: SCHEMA, filters, options: new SourceOptions([["mode", mode]]) };
  const conf = new SqlConf();
  conf.set("spark.sql.csv.filterPushdown.enabled", String(pushdown));
  const out: unknown[][] = [];
  for await (const b of readCsv(split, req, { conf, timeZone: "UTC", signal: new AbortController().signal })) out.push(...batchToRows(b));
  return out;
}

/** A row value of column k as a comparable number or string (decimals as numbers: the test's values are small). */
function key(v: unknown, k: number): number | string | null {
  if (v === null || v === undefined) return null;
  if (TYPES[k]!.kind === "decimal") return Number(v);
  return typeof v === "bigint" ? Number(v) : (v as number | string);
}

/** The reference: a filter on one row with SQL's three values (Spark's double order for NaN). */
function reference(f: PushedFilter, row: readonly unknown[]): number {
  const col = (name: string): number => SCHEMA.fields.findIndex((x) => x.name === name);
  switch (f.kind) {
    case "And": {
      const a = reference(f.left, row);
      const b = reference(f.right, row);
      return a === FALSE || b === FALSE ? FALSE : a === TRUE && b === TRUE ? TRUE : UNKNOWN;
    }
    case "Or": {
      const a = reference(f.left, row);
      const b = reference(f.right, row);
      return a === TRUE || b === TRUE ? TRUE : a === FALSE && b === FALSE ? FALSE : UNKNOWN;
    }
    case "Not": {
      const a = reference(f.child, row);
      return a === UNKNOWN ? UNKNOWN : a === TRUE ? FALSE : TRUE;
    }
    case "IsNull":
    case "IsNotNull":
      return (key(row[col(f.column)], col(f.column)) === null) === (f.kind === "IsNull") ? TRUE : FALSE;
    case "EqualTo":
    case "EqualNullSafe":
    case "GreaterThan":
    case "GreaterThanOrEqual":
    case "LessThan":
    case "LessThanOrEqual": {
      const k = col(f.column);
      const x = key(row[k], k);
      const w = TYPES[k]!.kind === "decimal" ? Number(f.value) : (f.value as number | string);
      if (x === null) return f.kind === "EqualNullSafe" ? FALSE : UNKNOWN;
      let c: number;
      if (typeof x === "number" && typeof w === "number" && (Number.isNaN(x) || Number.isNaN(w))) c = Number.isNaN(x) && Number.isNaN(w) ? 0 : Number.isNaN(x) ? 1 : -1;
      else c = x < w ? -1 : x > w ? 1 : 0;
      const ok = { EqualTo: c === 0, EqualNullSafe: c === 0, GreaterThan: c > 0, GreaterThanOrEqual: c >= 0, LessThan: c < 0, LessThanOrEqual: c <= 0 }[f.kind];
      return ok ? TRUE : FALSE;
    }
    default:
      throw new Error(`reference does not cover ${f.kind}`);
  }
}

describe("CSV filter push-down", () => {
  const rnd = new FuzzRandom(FUZZ_SEED ^ 0x2545f491);
  const pick = (n: number): number => rnd.next() % n;
  const texts: readonly (() => string)[] = [
    () => String(pick(20) - 10),
    () => ["NaN", "-0.0", "0", "1.5", "-2.25", "Infinity", String(pick(100) / 8)][pick(7)]!,
    () => ["", "a", "ab", "b", "ba", "zz"][pick(6)]!,
    () => `2024-0${1 + pick(3)}-${String(1 + pick(28)).padStart(2, "0")}`,
    () => `${pick(2) === 0 ? "-" : ""}${pick(30)}.${String(pick(100)).padStart(2, "0")}`,
  ];
  const literal = (k: number): unknown => {
    switch (k) {
      case 0:
        return pick(20) - 10;
      case 1:
        return [Number.NaN, 0, 1.5, -2.25, 3][pick(5)]!;
      case 2:
        return ["a", "ab", "b", ""][pick(4)]!;
      case 3:
        return 19723 + pick(80);
      default:
        return `${pick(2) === 0 ? "-" : ""}${pick(30)}.${String(pick(100)).padStart(2, "0")}`;
    }
  };
  const KINDS: readonly ComparisonKind[] = ["EqualTo", "EqualNullSafe", "GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual"];
  const filter = (depth: number): PushedFilter => {
    const r = depth > 1 ? 3 + pick(4) : pick(7);
    if (r === 0 || r === 1) return { kind: r === 0 ? "And" : "Or", left: filter(depth + 1), right: filter(depth + 1) };
    if (r === 2) return { kind: "Not", child: filter(depth + 1) };
    if (r === 3) return { kind: pick(2) === 0 ? "IsNull" : "IsNotNull", column: SCHEMA.fields[pick(5)]!.name };
    const k = pick(5);
    return cmp(KINDS[pick(KINDS.length)]!, SCHEMA.fields[k]!.name, literal(k));
  };

  it(`keeps exactly the rows a Filter above would keep, whatever the mode (seed ${FUZZ_SEED})`, async () => {
    const lines: string[] = [];
    for (let r = 0; r < 3000; r++) {
      const vals = TYPES.map((_, k) => (pick(15) === 0 ? "" : pick(40) === 0 ? "bad" : texts[k]!()));
      // ragged records now and then: malformed by their length
      lines.push(pick(60) === 0 ? vals.slice(0, 3).join(",") : vals.join(","));
    }
    const path = join(dir, "fuzz.csv");
    writeFileSync(path, lines.join("\n"));
    for (let trial = 0; trial < 12; trial++) {
      const fs = [filter(0), ...(pick(2) === 0 ? [filter(0)] : [])];
      const above = (rows: unknown[][]): unknown[][] => rows.filter((row) => fs.every((f) => reference(f, row) === TRUE));
      for (const mode of ["PERMISSIVE", "DROPMALFORMED"]) {
        const pushed = await read(path, fs, mode);
        const plain = await read(path, fs, mode, false);
        expect(above(pushed), JSON.stringify(fs)).toEqual(above(plain));
        // the reader itself dropped rows: what it returns is a subset of the plain read, in order
        expect(pushed.length).toBeLessThanOrEqual(plain.length);
      }
    }
  });

  it("drops a rejected record before FAILFAST sees it, and fails on a malformed record no filter rejects", async () => {
    const path = join(dir, "failfast.csv");
    writeFileSync(path, "1,1.0,a,2024-01-01,1.00\n2,oops,b,2024-01-02,2.00\n3,3.0,c,2024-01-03,3.00\n");
    const notTwo: PushedFilter = { kind: "Not", child: cmp("EqualTo", "i", 2) };
    expect(await read(path, [notTwo], "FAILFAST")).toEqual([
      [1, 1, "a", 19723, "1.00"],
      [3, 3, "c", 19725, "3.00"],
    ]);
    await expect(read(path, [notTwo], "FAILFAST", false)).rejects.toThrow(/MALFORMED_RECORD_IN_PARSING/);
    // a filter on a later column still drops it; one on the malformed column itself is not evaluated there
    expect(await read(path, [cmp("LessThan", "dt", 19724)], "FAILFAST")).toEqual([[1, 1, "a", 19723, "1.00"]]);
    await expect(read(path, [cmp("GreaterThan", "d", 0)], "FAILFAST")).rejects.toThrow(/MALFORMED_RECORD_IN_PARSING/);
  });
});
