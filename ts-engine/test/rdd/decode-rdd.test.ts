import { describe, expect, it } from "vitest";
import { InvalidPlanInput } from "../../src/errors/spark-exception.js";
import { decodeRddPlan } from "../../src/rdd/decode-rdd.js";

describe("decodeRddPlan", () => {
  it("decodes a shuffle over a mapPartitions over parallelize", () => {
    const blob = new Uint8Array([1, 2]);
    const plan = decodeRddPlan({
      kind: "PythonShuffle",
      numPartitions: 2,
      input: { kind: "PythonMapPartitions", func: blob, input: { kind: "Parallelize", partitions: [blob] } },
    });
    expect(plan).toEqual({
      kind: "PythonShuffle",
      numPartitions: 2,
      partitionFunc: null,
      input: { kind: "PythonMapPartitions", func: blob, input: { kind: "Parallelize", partitions: [blob] } },
    });
  });

  it("decodes a union, partition groups and a shuffle's partition function", () => {
    const blob = new Uint8Array([7]);
    const src = { kind: "Parallelize", partitions: [blob, blob] };
    expect(decodeRddPlan({ kind: "Union", inputs: [src, src] })).toEqual({ kind: "Union", inputs: [src, src] });
    expect(decodeRddPlan({ kind: "CoalescePartitions", input: src, groups: [[0, 1], [], [1]] })).toEqual({
      kind: "CoalescePartitions",
      input: src,
      groups: [[0, 1], [], [1]],
    });
    expect(decodeRddPlan({ kind: "PythonShuffle", numPartitions: 3, partitionFunc: blob, input: src })).toEqual({
      kind: "PythonShuffle",
      numPartitions: 3,
      partitionFunc: blob,
      input: src,
    });
    expect(() => decodeRddPlan({ kind: "Union", inputs: [] })).toThrow(/rdd\.inputs: expected a non-empty list/);
    expect(() => decodeRddPlan({ kind: "CoalescePartitions", input: src, groups: [[0, -1]] })).toThrow(/rdd\.groups\[0\]\[1\]/);
  });

  it("decodes Hadoop input splits with the input format's smallest split size", () => {
    expect(decodeRddPlan({ kind: "HadoopSplits", path: "/d", minPartitions: 2, minSplitSize: 102400 })).toEqual({ kind: "HadoopSplits", path: "/d", minPartitions: 2, minSplitSize: 102400 });
    expect(decodeRddPlan({ kind: "HadoopSplits", path: "/d" })).toEqual({ kind: "HadoopSplits", path: "/d", minPartitions: 1, minSplitSize: 1 });
    expect(() => decodeRddPlan({ kind: "HadoopSplits", path: "/d", minSplitSize: 0 })).toThrow(/rdd\.minSplitSize/);
  });

  it("names the path of a bad field", () => {
    expect(() => decodeRddPlan({ kind: "PythonMapPartitions", func: "x", input: { kind: "Parallelize", partitions: [] } })).toThrow(
      /rdd\.func: expected binary/,
    );
    expect(() => decodeRddPlan({ kind: "PythonShuffle", numPartitions: 0, input: { kind: "TextFile", path: "/x" } })).toThrow(
      /rdd\.numPartitions/,
    );
  });

  it("rejects an unknown node with InvalidPlanInput", () => {
    expect(() => decodeRddPlan({ kind: "Nope" })).toThrow(InvalidPlanInput);
    expect(() => decodeRddPlan({ kind: "PythonMapPartitions", func: new Uint8Array(), input: 5 })).toThrow(/rdd\.input: expected a map/);
  });
});
