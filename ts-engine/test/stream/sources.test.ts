import { mkdtemp, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MetadataLog } from "../../src/stream/checkpoint/metadata-log.js";
import { durationMs, durationSeconds } from "../../src/stream/sources/duration.js";
import { FileStreamSource } from "../../src/stream/sources/file-stream-source.js";
import { RatePerMicroBatchSource, RateSource, rateRows, valueAtSecond } from "../../src/stream/sources/rate-source.js";
import { structField, structType, StringType } from "../../src/types/data-type.js";

const tmp = (): Promise<string> => mkdtemp(path.join(tmpdir(), "src-test-"));

describe("rate sources", () => {
  it("ramps up to rowsPerSecond as Spark's valueAtSecond", () => {
    expect([0, 1, 2, 3].map((s) => valueAtSecond(s, 10, 0))).toEqual([0, 10, 20, 30]);
    // rampUpTime 4 s at 10 rows/s: speed grows by 2 each second, then 10 a second
    expect([0, 1, 2, 3, 4, 5, 6].map((s) => valueAtSecond(s, 10, 4))).toEqual([0, 2, 6, 12, 20, 30, 40]);
  });

  it("lays rows out partition-major as Spark's rate partitions", () => {
    expect(rateRows(0, 5, 2, (v) => v * 10).map((r) => r[1])).toEqual([0, 2, 4, 1, 3]);
  });

  it("rate offsets are whole seconds since the kept start time", async () => {
    let now = 1_000_000;
    const log = new MetadataLog(await tmp());
    const src = new RateSource([["rowsPerSecond", "4"]], 1, log, () => now);
    expect(await src.nextOffset()).toBe("0");
    now += 2500;
    expect(await src.nextOffset()).toBe("2");
    const plan = await src.planBatch(undefined, "2");
    expect(plan.kind === "LocalRelation" && plan.rows.map((r) => r[1])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(plan.kind === "LocalRelation" && plan.rows[1]![0]).toBe((1_000_000 + 250) * 1000);
    // a restart goes on from the start time in the log
    const again = new RateSource([["rowsPerSecond", "4"]], 1, log, () => now);
    expect(await again.nextOffset()).toBe("2");
    expect(src.description).toBe("RateStreamV2[rowsPerSecond=4, rampUpTimeSeconds=0, numPartitions=default");
  });

  it("rate-micro-batch gives rowsPerBatch rows a batch, stamped with the batch's time", async () => {
    const src = new RatePerMicroBatchSource([["rowsPerBatch", "3"], ["startTimestamp", "500"]], 1);
    const first = await src.nextOffset(undefined);
    expect(first).toBe('{"offset":3,"timestamp":1500}');
    const second = await src.nextOffset(first);
    const plan = await src.planBatch(first, second);
    expect(plan.kind === "LocalRelation" && plan.rows).toEqual([[1_500_000, 3], [1_500_000, 4], [1_500_000, 5]]);
  });

  it("rejects a rowsPerBatch that is not positive", () => {
    expect(() => new RatePerMicroBatchSource([], 1)).toThrow(/rowsPerBatch/);
  });
});

describe("FileStreamSource", () => {
  const schema = structType([structField("value", StringType)]);

  async function dirWith(files: [string, number][]): Promise<string> {
    const d = await tmp();
    for (const [name, t] of files) {
      await writeFile(path.join(d, name), name);
      await utimes(path.join(d, name), t, t);
    }
    await writeFile(path.join(d, "_SUCCESS"), "");
    return d;
  }

  it("takes new files oldest first, maxFilesPerTrigger at a time, each file once", async () => {
    const d = await dirWith([["b.txt", 200], ["a.txt", 100], ["c.txt", 300]]);
    const log = new MetadataLog(await tmp());
    const src = new FileStreamSource("text", d, schema, [["maxFilesPerTrigger", "2"]], log);
    const o1 = await src.nextOffset(undefined, true);
    expect(o1).toBe('{"logOffset":0}');
    const p1 = await src.planBatch(undefined, o1!);
    expect(p1.kind === "DataSource" && p1.paths.map((p) => path.basename(p))).toEqual(["a.txt", "b.txt"]);
    expect(p1.kind === "DataSource" && p1.options).toEqual([]);
    const o2 = await src.nextOffset(o1, true);
    const p2 = await src.planBatch(o1, o2!);
    expect(p2.kind === "DataSource" && p2.paths.map((p) => path.basename(p))).toEqual(["c.txt"]);
    expect(await src.nextOffset(o2, true)).toBe(o2);
    expect(src.description).toBe(`FileStreamSource[file:${d}]`);
  });

  it("latestFirst takes the newest files first", async () => {
    const d = await dirWith([["a.txt", 100], ["b.txt", 200]]);
    const src = new FileStreamSource("text", d, schema, [["maxFilesPerTrigger", "1"], ["latestFirst", "true"]], new MetadataLog(await tmp()));
    const o = await src.nextOffset(undefined, true);
    const p = await src.planBatch(undefined, o!);
    expect(p.kind === "DataSource" && p.paths.map((x) => path.basename(x))).toEqual(["b.txt"]);
  });

  it("a batch logged but not run is offered again after a restart", async () => {
    const d = await dirWith([["a.txt", 100]]);
    const log = new MetadataLog(await tmp());
    await new FileStreamSource("text", d, schema, [], log).nextOffset(undefined, true);
    await writeFile(path.join(d, "z.txt"), "z");
    const restarted = new FileStreamSource("text", d, schema, [], log);
    const o = await restarted.nextOffset(undefined, true);
    expect(o).toBe('{"logOffset":0}');
    const p = await restarted.planBatch(undefined, o!);
    expect(p.kind === "DataSource" && p.paths.map((x) => path.basename(x))).toEqual(["a.txt"]);
  });

  it("availableNow never goes past the files there when it froze", async () => {
    const d = await dirWith([["a.txt", 100]]);
    const src = new FileStreamSource("text", d, schema, [], new MetadataLog(await tmp()));
    await src.freezeAvailable();
    await writeFile(path.join(d, "later.txt"), "x");
    const o = await src.nextOffset(undefined, true);
    const p = await src.planBatch(undefined, o!);
    expect(p.kind === "DataSource" && p.paths.map((x) => path.basename(x))).toEqual(["a.txt"]);
    expect(await src.nextOffset(o, true)).toBe(o);
  });
});

describe("durations", () => {
  it("reads Spark's time strings and interval words", () => {
    expect(durationMs("500ms")).toBe(500);
    expect(durationMs("2s")).toBe(2000);
    expect(durationMs("1 second")).toBe(1000);
    expect(durationMs("10 seconds")).toBe(10_000);
    expect(durationMs("interval 2 minutes")).toBe(120_000);
    expect(durationSeconds("5")).toBe(5);
    expect(() => durationMs("soon")).toThrow(/Invalid time string/);
  });
});
