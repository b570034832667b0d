import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MetadataLog } from "../../src/stream/checkpoint/metadata-log.js";
import { StreamCheckpoint } from "../../src/stream/checkpoint/stream-checkpoint.js";

const dir = (): Promise<string> => mkdtemp(path.join(tmpdir(), "ck-test-"));

describe("MetadataLog", () => {
  it("writes numbered files with the v1 line and never overwrites a batch", async () => {
    const log = new MetadataLog(path.join(await dir(), "offsets"));
    expect(await log.add(0, ['{"a":1}'])).toBe(true);
    expect(await log.add(0, ['{"a":2}'])).toBe(false);
    expect(await log.add(1, ["x", "y"])).toBe(true);
    expect(await readFile(path.join(log.dir, "0"), "utf8")).toBe('v1\n{"a":1}');
    expect(await log.get(1)).toEqual(["x", "y"]);
    expect(await log.get(2)).toBeUndefined();
    expect(await log.batchIds()).toEqual([0, 1]);
    expect(await log.latestId()).toBe(1);
  });

  it("rejects a file of another version", async () => {
    const log = new MetadataLog(await dir());
    await writeFile(path.join(log.dir, "0"), "v9\n{}");
    await expect(log.get(0)).rejects.toThrow(/unsupported log version/);
  });
});

describe("StreamCheckpoint", () => {
  it("keeps the query id of its first start", async () => {
    const ck = new StreamCheckpoint(await dir());
    expect(await ck.queryId("first")).toBe("first");
    expect(await ck.queryId("second")).toBe("first");
    expect(await readFile(path.join(ck.dir, "metadata"), "utf8")).toBe('{"id":"first"}');
  });

  it("resumes after the last committed batch, or replays an uncommitted one", async () => {
    const ck = new StreamCheckpoint(await dir());
    expect(await ck.resumePoint()).toEqual({ nextBatchId: 0, committed: undefined, pending: undefined, watermarkMs: 0 });
    const entry = (o: string) => ({ batchWatermarkMs: 0, batchTimestampMs: 5, conf: { k: "v" }, offsets: [o] });
    await ck.writeOffsets(0, entry('{"logOffset":0}'));
    await ck.writeCommit(0, 0);
    expect(await ck.resumePoint()).toMatchObject({ nextBatchId: 1, committed: ['{"logOffset":0}'], pending: undefined });
    await ck.writeOffsets(1, entry('{"logOffset":1}'));
    const r = await ck.resumePoint();
    expect(r.nextBatchId).toBe(1);
    expect(r.committed).toEqual(['{"logOffset":0}']);
    expect(r.pending?.offsets).toEqual(['{"logOffset":1}']);
    expect(await readFile(path.join(ck.dir, "offsets", "1"), "utf8")).toBe('v1\n{"batchWatermarkMs":0,"batchTimestampMs":5,"conf":{"k":"v"}}\n{"logOffset":1}');
    expect(await readFile(path.join(ck.dir, "commits", "0"), "utf8")).toBe('v1\n{"nextBatchWatermarkMs":0}');
  });
});
