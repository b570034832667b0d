import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SqlConf } from "../../src/conf/sql-conf.js";
import type { ExecContext, TaskEvent } from "../../src/exec/exec-context.js";
import { WorkerPool } from "../../src/exec/scheduler/worker-pool.js";
import { resolveSources } from "../../src/engine/resolve-sources.js";
import { listFiles } from "../../src/io/file-index.js";
import { fileFormat } from "../../src/io/formats.js";
import { SourceOptions } from "../../src/io/source-options.js";
import type { ParsedPlan } from "../../src/plan/parsed-plan.js";
import { simpleString } from "../../src/types/type-names.js";

const script = fileURLToPath(new URL("../../dist/exec/scheduler/worker-main.js", import.meta.url));
const built = existsSync(script);
const pool = new WorkerPool({ size: 2, script });
const dir = mkdtempSync(join(tmpdir(), "tspark-infer-tasks-"));
afterAll(() => {
  pool.close();
  rmSync(dir, { recursive: true, force: true });
});

function freshDir(name: string): string {
  const d = join(dir, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  return d;
}

/** Three CSV files whose columns widen across files and splits: a int → long → double, b date → string, c all null in one file. */
function writeCsv(): string {
  const d = freshDir("csv");
  const pad = (i: number): string => String((i % 28) + 1).padStart(2, "0");
  writeFileSync(join(d, "part-0.csv"), ["a,b,c", ...Array.from({ length: 30_000 }, (_, i) => `${i},2024-01-${pad(i)},x${i}`)].join("\n"));
  writeFileSync(join(d, "part-1.csv"), ["a,b,c", ...Array.from({ length: 30_000 }, (_, i) => `${i * 1_000_000_000},2024-02-${pad(i)},`)].join("\n"));
  writeFileSync(join(d, "part-2.csv"), ["a,b,c", "1.5,not a date,", "2,2024-03-01,z"].join("\n"));
  return d;
}

/** JSON lines over two files: fields merge across files (long, array, struct), one record is malformed. */
function writeJson(): string {
  const d = freshDir("json");
  writeFileSync(join(d, "a.json"), Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ id: i, tags: [`t${i}`] })).join("\n"));
  writeFileSync(join(d, "b.json"), [JSON.stringify({ id: 2 ** 40, nested: { x: 1.5 } }), "not json", JSON.stringify({ extra: null })].join("\n"));
  return d;
}

function ctxWith(conf: SqlConf, events: TaskEvent[]): ExecContext {
  return { conf, pythonExec: "", signal: new AbortController().signal, services: { parallelism: 2, workerPool: pool, onTask: (e) => events.push(e) } };
}

/** The data schema resolveSources infers (through tasks), and the one the format infers in-process. */
async function bothWays(format: string, path: string, options: readonly (readonly [string, string])[], conf: SqlConf, events: TaskEvent[]): Promise<[string, string]> {
  const plan: ParsedPlan = { kind: "DataSource", format, paths: [path], options };
  const resolved = await resolveSources(plan, ctxWith(conf, events));
  if (resolved.kind !== "DataSource" || resolved.relation === undefined) throw new Error("not resolved");
  const index = await listFiles([path], new SourceOptions(options), undefined, "UTC");
  const inProcess = await fileFormat(format).inferSchema(index.files, new SourceOptions(options), { conf, timeZone: "UTC", signal: new AbortController().signal });
  return [simpleString(resolved.relation.dataSchema), inProcess === undefined ? "none" : simpleString(inProcess)];
}

describe.skipIf(!built)("schema inference as tasks (needs `npm run build`)", () => {
  it("infers CSV over many files and splits on the worker threads, as in-process inference does", async () => {
    const conf = new SqlConf();
    // small splits: each file is cut, so a split's types and another split's merge
    conf.set("spark.sql.files.maxPartitionBytes", "65536");
    const events: TaskEvent[] = [];
    const [tasks, inProcess] = await bothWays("csv", writeCsv(), [["header", "true"], ["inferSchema", "true"]], conf, events);
    expect(tasks).toBe("struct<a:double,b:string,c:string>");
    expect(tasks).toBe(inProcess);
    const scans = events.filter((e) => e.kinds.includes("FileSourceScan"));
    expect(scans.length).toBeGreaterThan(2);
    expect(scans.every((e) => e.threadId !== 0)).toBe(true);
  });

  it("infers JSON lines across files on the workers, with the corrupt record column", async () => {
    const conf = new SqlConf();
    conf.set("spark.sql.files.maxPartitionBytes", "65536");
    const events: TaskEvent[] = [];
    const [tasks, inProcess] = await bothWays("json", writeJson(), [], conf, events);
    expect(tasks).toBe("struct<_corrupt_record:string,extra:string,id:bigint,nested:struct<x:double>,tags:array<string>>");
    expect(tasks).toBe(inProcess);
    expect(events.filter((e) => e.kinds.includes("FileSourceScan") && e.threadId !== 0).length).toBeGreaterThan(2);
  });

  it("reads only the first line without inferSchema: no tasks", async () => {
    const events: TaskEvent[] = [];
    const [tasks] = await bothWays("csv", writeCsv(), [["header", "true"]], new SqlConf(), events);
    expect(tasks).toBe("struct<a:string,b:string,c:string>");
    expect(events).toEqual([]);
  });
});
