import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { batchToRows } from "../../../src/columnar/rows.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { ReadRequest } from "../../../src/io/file-format.js";
import type { FileSplit } from "../../../src/io/file-split.js";
import { inferJsonSplit, readJson, readOptionsOf } from "../../../src/io/json/json-read.js";
import { SourceOptions } from "../../../src/io/source-options.js";
import { parseDDL } from "../../../src/types/ddl.js";
import type { StructType } from "../../../src/types/data-type.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

const dir = mkdtempSync(join(tmpdir(), "tspark-json-fast-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA = parseDDL(
  "i INT, l BIGINT, d DOUBLE, f FLOAT, m DECIMAL(10,2), w DECIMAL(30,4), dt DATE, s STRING, ts TIMESTAMP, b BOOLEAN, x STRING, n STRUCT<a: INT, b: ARRAY<STRING>>, sh SMALLINT, _corrupt_record STRING",
);

/** A JSON value for column k: mostly well-formed for its type, sometimes of another type, malformed or lenient. */
function value(k: number, rnd: FuzzRandom): string {
  const pick = (n: number): number => rnd.next() % n;
  if (pick(15) === 0) return "null";
  if (pick(20) === 0) {
    return ['"abc"', "1.5", "true", "[1,2]", '{"z":1}', "-0", "1e400", "12345678901234567890123", '"NaN"', '"2024-02-30"', '"1.25"', '"\\u0041\\n"', '"-Infinity"', "0.1e-2", "-12E+3"][pick(15)]!;
  }
  switch (k) {
    case 0:
      return String((rnd.next() | 0) >> pick(31));
    case 1:
      return pick(4) === 0 ? String(BigInt(rnd.next()) * BigInt(rnd.next()) * BigInt(rnd.next()) - 2n ** 62n) : String(rnd.next() - 2 ** 31);
    case 2:
    case 3:
      return pick(3) === 0 ? `${pick(100000)}.${pick(1000)}` : pick(2) === 0 ? `-${pick(1000)}e${pick(30)}` : String(pick(10 ** 6) / 7);
    case 4:
    case 5:
      return pick(3) === 0 ? `"${pick(10 ** 6)}.${pick(100)}"` : `${pick(2) === 0 ? "-" : ""}${pick(10 ** 7)}.${String(pick(1000)).padStart(pick(4), "0")}`;
    case 6:
      return `"${1900 + pick(200)}-${String(1 + pick(12)).padStart(2, "0")}-${String(1 + pick(31)).padStart(2, "0")}"`;
    case 7:
    case 10:
      return JSON.stringify(Array.from({ length: pick(30) }, () => 'abc xyzé,0"\\\t☃'[pick(13)]).join(""));
    case 8:
      return pick(4) === 0 ? String(pick(2 ** 31)) : `"20${String(pick(30)).padStart(2, "0")}-0${1 + pick(9)}-1${pick(9)} ${String(pick(24)).padStart(2, "0")}:0${pick(9)}:1${pick(9)}${pick(2) === 0 ? `.${pick(999999)}` : ""}"`;
    case 9:
      return ["true", "false", '"true"', "1"][pick(4)]!;
    case 11:
      return pick(3) === 0 ? `{"a": ${pick(100)}, "b": ["x", null, "y\\"z"]}` : `{ "b" : [ ] , "a" : ${pick(9)} , "c": {"d": [1, {"e": null}]} }`;
    default:
      return String(pick(70000) - 35000);
  }
}

/** One record's fields in random order, with an unread field and whitespace here and there; sometimes malformed. */
function record(rnd: FuzzRandom): string {
  const pick = (n: number): number => rnd.next() % n;
  const names = SCHEMA.fields.map((f) => f.name).filter((n) => n !== "_corrupt_record");
  const parts: string[] = [];
  for (let k = 0; k < names.length; k++) if (pick(10) !== 0) parts.push(`${pick(4) === 0 ? " " : ""}"${names[k]}":${pick(5) === 0 ? " " : ""}${value(k, rnd)}`);
  if (pick(3) === 0) parts.splice(pick(parts.length + 1), 0, `"unread": {"q": [1, 2.5, "s", {"t": [true, false, null]}], "r": "\\u00e9"}`);
  for (let i = parts.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
  }
  const body = `{${parts.join(",")}}`;
  if (pick(40) === 0) return body.slice(0, Math.max(1, pick(body.length))); // truncated: malformed
  if (pick(60) === 0) return body.replace(":", ": 012 , "); // leading zeros: malformed by default
  if (pick(60) === 0) return `${body} x`; // trailing garbage
  return body;
}

async function read(path: string, required: StructType, options: readonly (readonly [string, string])[] = []): Promise<unknown[][]> {
  const size = statSync(path).size;
  const split: FileSplit = { file: { path, size, modificationTime: 0, partitionValues: [] }, start: 0, length: size };
  const req: ReadRequest = { dataSchema: SCHEMA, requiredSchema: required, filters: [], options: new SourceOptions(options) };
  const out: unknown[][] = [];
  for await (const b of readJson(split, req, { conf: new SqlConf(), timeZone: "UTC", signal: new AbortController().signal })) out.push(...batchToRows(b));
  return out;
}

describe("JSON fast path", () => {
  it(`converts records scanned on bytes as the general parser converts them (seed ${FUZZ_SEED})`, async () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    const lines: string[] = [];
    for (let r = 0; r < 5000; r++) {
      const rec = record(rnd);
      // the record as a line (byte scanner) and wrapped in an array of one object (the general
      // parser reads it: same row, same values, same badness)
      lines.push(rec, `[${rec}]`);
    }
    const path = join(dir, "fuzz.json");
    writeFileSync(path, lines.join("\n"));
    const rows = await read(path, SCHEMA);
    expect(rows.length).toBe(lines.length);
    const last = SCHEMA.fields.length - 1;
    let bad = 0;
    for (let r = 0; r < rows.length; r += 2) {
      const fast = rows[r]!;
      const general = rows[r + 1]!;
      expect(fast.slice(0, last), lines[r]).toEqual(general.slice(0, last));
      // the corrupt record column holds each form's own text
      expect(fast[last], lines[r]).toBe(general[last] === null ? null : lines[r]);
      if (fast[last] !== null) bad++;
    }
    // the fuzz must exercise both good and bad records
    expect(bad).toBeGreaterThan(100);
    expect(bad).toBeLessThan(rows.length / 2 - 100);
  });

  it("reads only the projected fields, in any order, with the same values", async () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x5bd1e995);
    const lines = Array.from({ length: 3000 }, () => record(rnd));
    const path = join(dir, "pruned.json");
    writeFileSync(path, lines.join("\n"));
    const all = await read(path, SCHEMA);
    const pruned = await read(path, parseDDL("s STRING, i INT, _corrupt_record STRING"));
    const si = SCHEMA.fields.findIndex((f) => f.name === "s");
    // a record is bad for the pruned scan only through its own fields or its syntax: compare the good ones
    for (let r = 0; r < lines.length; r++) {
      if (pruned[r]![2] !== null) continue;
      expect(pruned[r]!.slice(0, 2), lines[r]).toEqual([all[r]![si], all[r]![0]]);
    }
    const none = await read(path, parseDDL(""));
    expect(none.length).toBe(lines.length);
  });

  it("infers from records scanned on bytes the schema the general parser infers", async () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x1b873593);
    const lines = Array.from({ length: 4000 }, () => record(rnd));
    // keys in other orders, nested values of several shapes, and numbers past a long
    lines.push('{"zz": 1, "i": {"p": [1, 2.5]}}', '{"i": 99999999999999999999, "zz": null}', '{"aa": [], "zz": "s"}', "   ");
    const fast = join(dir, "infer-fast.json");
    const general = join(dir, "infer-general.json");
    writeFileSync(fast, lines.join("\n"));
    writeFileSync(general, lines.map((l) => (l.trim().length === 0 ? l : `[${l}]`)).join("\n"));
    for (const options of [[], [["primitivesAsString", "true"]], [["prefersDecimal", "true"]]] as const) {
      const o = readOptionsOf(new SourceOptions(options), new SqlConf());
      const split = (path: string): FileSplit => ({ file: { path, size: statSync(path).size, modificationTime: 0, partitionValues: [] }, start: 0, length: statSync(path).size });
      const a = await inferJsonSplit(split(fast), o);
      const b = await inferJsonSplit(split(general), o);
      expect(a, JSON.stringify(options)).toEqual(b);
      expect(a.corrupt).toBe(true);
      expect(a.type?.fields.length).toBeGreaterThan(10);
    }
  });

  it("skips blank lines and keeps Spark's modes", async () => {
    const path = join(dir, "modes.json");
    writeFileSync(path, ['{"i": 1, "s": "a"}', "   ", "", '{"i": "x", "s": "b"}', "{bad", '{"i": 3}'].join("\n"));
    const req = parseDDL("i INT, s STRING, _corrupt_record STRING");
    expect(await read(path, req)).toEqual([
      [1, "a", null],
      [null, "b", '{"i": "x", "s": "b"}'],
      [null, null, "{bad"],
      [3, null, null],
    ]);
    expect(await read(path, parseDDL("i INT, s STRING"), [["mode", "DROPMALFORMED"]])).toEqual([
      [1, "a"],
      [3, null],
    ]);
    await expect(read(path, parseDDL("i INT, s STRING"), [["mode", "FAILFAST"]])).rejects.toThrow(/MALFORMED_RECORD_IN_PARSING/);
  });
});
