import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { batchToRows } from "../../../src/columnar/rows.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { ReadRequest } from "../../../src/io/file-format.js";
import type { FileSplit } from "../../../src/io/file-split.js";
import { readCsv } from "../../../src/io/csv/csv-read.js";
import { ALL_FIELDS, CsvTokens, tokenizeRecord } from "../../../src/io/csv/csv-tokenizer.js";
import { SourceOptions } from "../../../src/io/source-options.js";
import { parseDDL } from "../../../src/types/ddl.js";
import type { StructType } from "../../../src/types/data-type.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

const dir = mkdtempSync(join(tmpdir(), "tspark-csv-fast-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const enc = new TextEncoder();

const SCHEMA = parseDDL("i INT, l BIGINT, d DOUBLE, m DECIMAL(10,2), dt DATE, s STRING, ts TIMESTAMP, b BOOLEAN, x STRING");

/** A value of column k's type as CSV text: mostly well-formed, sometimes malformed, empty or long. */
function value(k: number, rnd: FuzzRandom): string {
  const pick = (n: number): number => rnd.next() % n;
  if (pick(12) === 0) return "";
  if (pick(25) === 0) return ["abc", "1e", "--1", "2024-13-01", "1.2.3", " 7", "9999999999999999999999"][pick(7)]!;
  switch (k) {
    case 0:
      return String((rnd.next() | 0) >> pick(31));
    case 1:
      return pick(4) === 0 ? String(BigInt(rnd.next()) * BigInt(rnd.next()) * BigInt(rnd.next()) - 2n ** 62n) : String(rnd.next() - 2 ** 31);
    case 2:
      return pick(3) === 0 ? `${pick(100000)}.${pick(1000)}` : pick(2) === 0 ? `-${pick(1000)}e${pick(30)}` : String(pick(10 ** 6) / 7);
    case 3:
      return `${pick(2) === 0 ? "-" : ""}${pick(10 ** 7)}.${String(pick(1000)).padStart(pick(4), "0")}`;
    case 4:
      return pick(5) === 0 ? `${1900 + pick(200)}-${1 + pick(12)}-${1 + pick(28)}` : `${1900 + pick(200)}-${String(1 + pick(12)).padStart(2, "0")}-${String(1 + pick(31)).padStart(2, "0")}`;
    case 5:
    case 8:
      return Array.from({ length: pick(40) }, () => "abc xyzé,0"[pick(9)]).join("");
    case 6:
      return `20${String(pick(30)).padStart(2, "0")}-0${1 + pick(9)}-1${pick(9)} ${String(pick(24)).padStart(2, "0")}:0${pick(9)}:1${pick(9)}${pick(2) === 0 ? `.${pick(999999)}` : ""}`;
    default:
      return ["true", "false", "TRUE", "False", "yes"][pick(5)]!;
  }
}

/** A field as CSV: quoted (doubling nothing: no quote appears in values) when it holds the delimiter or when `quoted`. */
const field = (v: string, quoted: boolean): string => (quoted || v.includes(",") ? `"${v}"` : v);

async function read(path: string, required: StructType, options: readonly (readonly [string, string])[]): Promise<unknown[][]> {
  const split: FileSplit = { file: { path, size: statSync(path).size, modificationTime: 0, partitionValues: [] }, start: 0, length: statSync(path).size };
  const req: ReadRequest = { dataSchema: SCHEMA, requiredSchema: required, filters: [], options: new SourceOptions(options) };
  const out: unknown[][] = [];
  for await (const b of readCsv(split, req, { conf: new SqlConf(), timeZone: "UTC", signal: new AbortController().signal })) out.push(...batchToRows(b));
  return out;
}

describe("CSV fast paths", () => {
  it(`parse plain fields from bytes as the general path parses them quoted (seed ${FUZZ_SEED})`, async () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    const lines: string[] = [];
    for (let r = 0; r < 6000; r++) {
      const vals = SCHEMA.fields.map((_, k) => value(k, rnd));
      // the same record plain (fast path: bytes) and with every non-empty field quoted (general path);
      // an empty field stays unquoted in both, since a quoted empty one is emptyValue
      lines.push(vals.map((v) => field(v, false)).join(","));
      lines.push(vals.map((v) => field(v, v.length > 0)).join(","));
    }
    const path = join(dir, "fuzz.csv");
    writeFileSync(path, lines.join("\n"));
    const rows = await read(path, SCHEMA, []);
    expect(rows.length).toBe(lines.length);
    for (let r = 0; r < rows.length; r += 2) expect(rows[r], lines[r]).toEqual(rows[r + 1]);
  });

  it("reads the same values when the scan prunes columns, and count reads no field", async () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x5bd1e995);
    const lines = Array.from({ length: 3000 }, () => SCHEMA.fields.map((_, k) => field(value(k, rnd), false)).join(","));
    // ragged records: too short for the pruned columns, and too long
    lines.push("1,2", "1,2,3.5,4.25,2024-01-02,s,2024-01-02 03:04:05,true,x,extra");
    const path = join(dir, "prune.csv");
    writeFileSync(path, lines.join("\n"));
    const full = await read(path, SCHEMA, []);
    const pick = [0, 2, 4];
    const pruned = await read(path, { kind: "struct", fields: pick.map((k) => SCHEMA.fields[k]!) }, []);
    expect(pruned.length).toBe(full.length);
    pruned.forEach((row, r) => expect(row, lines[r]).toEqual(pick.map((k) => full[r]![k])));
    // count(): no column read, every record counted (Spark's count over CSV counts lines)
    expect((await read(path, { kind: "struct", fields: [] }, [])).length).toBe(lines.length);
    // DROPMALFORMED with pruning drops only records too short for the columns read
    const dropped = await read(path, { kind: "struct", fields: pick.map((k) => SCHEMA.fields[k]!) }, [["mode", "DROPMALFORMED"]]);
    expect(dropped.length).toBeLessThan(full.length);
    expect(dropped.at(-1)).toEqual([1, 3.5, 19724]);
    expect(dropped.at(-2)).not.toEqual([1, null, null]);
  });

  it("stops tokenizing a record after maxFields fields", () => {
    const b = enc.encode('a,"b,c",d,e');
    const s = { unescaped: "STOP_AT_DELIMITER", sep: enc.encode(","), quote: 0x22, escape: 0x5c, escapeEscape: 0x5c, trimLeading: false, trimTrailing: false, lineSep: null } as const;
    const t = new CsvTokens();
    t.reset(b);
    tokenizeRecord(t, b, 0, b.length, s, false, 2);
    expect(t.recCount[0]).toBe(2);
    tokenizeRecord(t, b, 0, b.length, s, false, ALL_FIELDS);
    expect(t.recCount[1]).toBe(4);
    tokenizeRecord(t, b, 0, b.length, s, false, 0);
    expect(t.recCount[2]).toBe(0);
    expect(t.nRecords).toBe(3);
  });
});
