import { describe, expect, it } from "vitest";
import type { FileStatus } from "../../src/io/file-split.js";
import { planFilePartitions } from "../../src/io/file-splits.js";

const MB = 1 << 20;
const f = (p: string, size: number): FileStatus => ({ path: p, size, modificationTime: 0, partitionValues: [] });

describe("planFilePartitions", () => {
  it("packs small files by the open cost: one partition per core's share, largest first", () => {
    const one = planFilePartitions([f("a", 10), f("b", 20)], () => true, { maxPartitionBytes: 128 * MB, openCostInBytes: 4 * MB, minPartitionNum: 1 });
    expect(one.map((p) => p.splits.map((s) => s.file.path))).toEqual([["b", "a"]]);
    // with 2 cores each file's open cost fills a split of (total + 2 × 4MB) / 2
    const two = planFilePartitions([f("a", 10), f("b", 20)], () => true, { maxPartitionBytes: 128 * MB, openCostInBytes: 4 * MB, minPartitionNum: 2 });
    expect(two.map((p) => p.splits.map((s) => s.file.path))).toEqual([["b"], ["a"]]);
  });

  it("cuts a large splittable file into splits of total/cores, and keeps an unsplittable one whole", () => {
    const s = { maxPartitionBytes: 128 * MB, openCostInBytes: 4 * MB, minPartitionNum: 2 };
    const parts = planFilePartitions([f("big", 400 * MB)], () => true, s);
    // maxSplit = min(128MB, (400MB + 4MB) / 2) = 128MB: 4 splits, one per partition
    expect(parts.map((p) => p.splits.map((x) => [x.start, x.length]))).toEqual([
      [[0, 128 * MB]],
      [[128 * MB, 128 * MB]],
      [[256 * MB, 128 * MB]],
      [[384 * MB, 16 * MB]],
    ]);
    expect(planFilePartitions([f("big.gz", 400 * MB)], () => false, s)).toEqual([{ index: 0, splits: [{ file: f("big.gz", 400 * MB), start: 0, length: 400 * MB }] }]);
  });

  it("cuts at whole bytes when total/cores is not a whole number (Spark's long division)", () => {
    // 6,294,041 bytes + 4MB open cost (4,194,304) over 2 cores = 5,244,172.5 bytes per core.
    const parts = planFilePartitions([f("odd.csv", 6_294_041)], () => true, { maxPartitionBytes: 128 * MB, openCostInBytes: 4 * MB, minPartitionNum: 2 });
    const splits = parts.flatMap((p) => p.splits);
    expect(splits.map((x) => [x.start, x.length])).toEqual([
      [0, 5_244_172],
      [5_244_172, 1_049_869],
    ]);
  });
});
