import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import { tempDir } from "../temp-dir.js";

// Node API RDDs with JavaScript functions. Expected values are computed in plain JS (or
// are PySpark's documented results for the same calls, e.g. its doctests).
const spark = SparkSession.builder.appName("rdd-js").getOrCreate();
afterAll(() => spark.stop());
const sc = spark.sparkContext;

describe("Node API RDDs: narrow transformations", () => {
  it("slices parallelized data as Spark's ParallelCollectionRDD", async () => {
    expect(await sc.parallelize([1, 2, 3, 4, 5], 2).glom().collect()).toEqual([[1, 2], [3, 4, 5]]);
    expect(await sc.parallelize([1, 2, 3], 3).getNumPartitions()).toBe(3);
  });

  it("maps, filters and counts a range in its partitions", async () => {
    const r = sc.range(0, 1000, 1, 4);
    expect(await r.glom().map((p) => p.length).collect()).toEqual([250, 250, 250, 250]);
    expect(await r.map((x) => x * 3).filter((x) => x % 2 === 0).count()).toBe(500);
    expect(await sc.range(5).collect()).toEqual([0, 1, 2, 3, 4]);
    expect(await sc.range(10, 0, -3, 2).collect()).toEqual([10, 7, 4, 1]);
  });

  it("runs flatMap, mapPartitions, mapPartitionsWithIndex and keyBy", async () => {
    const rdd = sc.parallelize(["a b", "c"], 2);
    expect(await rdd.flatMap((s) => s.split(" ")).collect()).toEqual(["a", "b", "c"]);
    expect(await sc.parallelize([1, 2, 3, 4], 2).mapPartitions(function* (it) {
      let s = 0;
      for (const x of it) s += x;
      yield s;
    }).collect()).toEqual([3, 7]);
    expect(await sc.parallelize([1, 2, 3], 2).mapPartitionsWithIndex((i, it) => [...it].map((x) => [i, x])).collect()).toEqual([[0, 1], [1, 2], [1, 3]]);
    expect(await sc.parallelize([1, 2], 1).keyBy((x) => x * 10).collect()).toEqual([[10, 1], [20, 2]]);
  });

  it("carries captured values and says that outer variables are not carried", async () => {
    const k = 7;
    expect(await sc.parallelize([1, 2], 1).map((x) => x * k, { k }).collect()).toEqual([7, 14]);
    const err = await sc.parallelize([1], 1).map((x) => x * k).collect().catch((e: unknown) => e);
    expect(String(err)).toMatch(/JsFunctionException|ReferenceError/);
    expect(String((err as Error).message)).toContain("k is not defined");
  });

  it("rejects native functions before any job runs", () => {
    expect(() => sc.parallelize([1]).map(Math.abs)).toThrow(/native or bound/);
  });

  it("reports an error thrown by the function with its stack", async () => {
    const err = (await sc
      .parallelize([1, 2, 3], 1)
      .map(function boom(x: number) {
        if (x === 3) throw new Error("three is bad");
        return x;
      })
      .collect()
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("An exception was thrown from the JavaScript function boom");
    expect(err.message).toContain("Error: three is bad");
    expect(err.message).toMatch(/at boom \(tspark-fn:boom:\d+:\d+\)/);
  });

  it("unions, coalesces and repartitions", async () => {
    const a = sc.parallelize([1, 2], 2);
    const b = sc.parallelize([3], 1);
    expect(await a.union(b).glom().collect()).toEqual([[1], [2], [3]]);
    expect(await (await sc.parallelize([1, 2, 3, 4, 5, 6], 3).coalesce(2)).glom().collect()).toEqual([[1, 2], [3, 4, 5, 6]]);
    const re = sc.parallelize(Array.from({ length: 100 }, (_, i) => i), 2).repartition(4);
    expect(await re.getNumPartitions()).toBe(4);
    expect((await re.collect()).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // dealt round robin from each partition's own start: sizes within one of each other per input
    const sizes = await re.glom().map((p) => p.length).collect();
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
  });

  it("reads text files line by line", async () => {
    const dir = tempDir("tspark-rdd-js-");
    writeFileSync(path.join(dir, "a.txt"), "the quick brown fox\r\njumps over the lazy dog\nthe end\n");
    writeFileSync(path.join(dir, "b.txt"), "\nlast");
    const lines = sc.textFile(dir);
    // one partition per Hadoop split, in the order the text source plans them (as for Python's sc.textFile)
    expect(await lines.getNumPartitions()).toBeGreaterThanOrEqual(2);
    expect((await lines.collect()).sort()).toEqual(["", "jumps over the lazy dog", "last", "the end", "the quick brown fox"]);
    const counts = await lines
      .flatMap((l) => l.split(" "))
      .filter((w) => w !== "")
      .map((w) => [w, 1] as [string, number])
      .reduceByKey((x, y) => x + y)
      .collectAsMap();
    expect(counts.get("the")).toBe(3);
    expect(counts.get("fox")).toBe(1);
    expect(counts.size).toBe(10);
    const whole = await sc.wholeTextFiles(dir).collect();
    expect(whole.map(([p, c]) => [path.basename(p), c.length]).sort()).toEqual([["a.txt", 53], ["b.txt", 5]]);
  });
});

describe("Node API RDDs: key-value transformations", () => {
  const pairs = sc.parallelize(
    [["a", 1], ["b", 2], ["a", 3], ["c", 4], ["b", 5]] as [string, number][],
    3,
  );

  it("reduces, folds, aggregates, combines and groups by key", async () => {
    const sorted = <T>(xs: [string, T][]): [string, T][] => xs.sort((x, y) => (x[0] < y[0] ? -1 : 1));
    expect(sorted(await pairs.reduceByKey((x, y) => x + y, 2).collect())).toEqual([["a", 4], ["b", 7], ["c", 4]]);
    // partitions [a1] [b2 a3] [c4 b5]: the zero is folded in once per key per partition, as Spark's
    expect(sorted(await pairs.foldByKey(10, (x, y) => x + y).collect())).toEqual([["a", 24], ["b", 27], ["c", 14]]);
    const agg = await pairs.aggregateByKey([0, 0] as [number, number], (acc, v) => [acc[0] + v, acc[1] + 1], (a, b) => [a[0] + b[0], a[1] + b[1]]).collect();
    expect(sorted(agg)).toEqual([["a", [4, 2]], ["b", [7, 2]], ["c", [4, 1]]]);
    const grouped = await pairs.groupByKey().mapValues((vs) => vs.sort((x, y) => x - y)).collect();
    expect(sorted(grouped)).toEqual([["a", [1, 3]], ["b", [2, 5]], ["c", [4]]]);
    const combined = await pairs.combineByKey((v) => [v], (c, v) => [...c, v], (x, y) => [...x, ...y]).mapValues((vs) => vs.length).collect();
    expect(sorted(combined)).toEqual([["a", 2], ["b", 2], ["c", 1]]);
  });

  it("groups composite keys by value, not identity", async () => {
    const rdd = sc.parallelize([[[1, "x"], 1], [[1, "x"], 2], [[2, "y"], 3]] as [[number, string], number][], 2);
    const out = await rdd.reduceByKey((a, b) => a + b).collect();
    expect(out.sort((a, b) => a[0][0] - b[0][0])).toEqual([[[1, "x"], 3], [[2, "y"], 3]]);
    expect((await sc.parallelize([[1, 2], [1, 2], [3]], 2).distinct().collect()).length).toBe(2);
  });

  it("sorts by key across partitions, both ways", async () => {
    const data = Array.from({ length: 200 }, (_, i) => [(i * 37) % 200, i] as [number, number]);
    const asc = await sc.parallelize(data, 4).sortByKey(true, 3);
    expect(await asc.getNumPartitions()).toBe(3);
    const keys = (await asc.collect()).map(([k]) => k);
    expect(keys).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const parts = await asc.glom().map((p) => p.length).collect();
    expect(parts.filter((n) => n > 0).length).toBeGreaterThan(1);
    const desc = (await (await sc.parallelize(data, 4).sortByKey(false, 3)).collect()).map(([k]) => k);
    expect(desc).toEqual(Array.from({ length: 200 }, (_, i) => 199 - i));
    const words = await sc.parallelize(["pear", "fig", "apple", "kiwi"], 2).sortBy((w) => w.length);
    expect(await words.collect()).toEqual(["fig", "pear", "kiwi", "apple"]);
  });

  it("joins and cogroups as Spark's PairRDDFunctions", async () => {
    const x = sc.parallelize([["a", 1], ["b", 4]] as [string, number][], 2);
    const y = sc.parallelize([["a", 2], ["a", 3], ["c", 8]] as [string, number][], 2);
    const bykey = <T>(xs: [string, T][]): [string, T][] => xs.sort((p, q) => (JSON.stringify(p) < JSON.stringify(q) ? -1 : 1));
    expect(bykey(await x.join(y).collect())).toEqual([["a", [1, 2]], ["a", [1, 3]]]);
    expect(bykey(await x.leftOuterJoin(y).collect())).toEqual([["a", [1, 2]], ["a", [1, 3]], ["b", [4, null]]]);
    expect(bykey(await x.rightOuterJoin(y).collect())).toEqual([["a", [1, 2]], ["a", [1, 3]], ["c", [null, 8]]]);
    expect(bykey(await x.fullOuterJoin(y).collect())).toEqual([["a", [1, 2]], ["a", [1, 3]], ["b", [4, null]], ["c", [null, 8]]]);
    expect(bykey(await x.cogroup(y).collect())).toEqual([["a", [[1], [2, 3]]], ["b", [[4], []]], ["c", [[], [8]]]]);
  });

  it("partitions by a custom function and keeps keys, values and indexes", async () => {
    const p = pairs.partitionBy(2, (k) => (k === "a" ? 0 : 1));
    expect(await p.glom().map((part) => part.map(([k]) => k)).collect()).toEqual([["a", "a"], ["b", "c", "b"]]);
    expect(await pairs.keys().collect()).toEqual(["a", "b", "a", "c", "b"]);
    expect(await pairs.values().sum()).toBe(15);
    expect(await (await sc.parallelize(["x", "y", "z"], 2).zipWithIndex()).collect()).toEqual([["x", 0], ["y", 1], ["z", 2]]);
    expect(await pairs.flatMapValues((v) => [v, v]).count()).toBe(10);
    expect(await pairs.lookup("b")).toEqual([2, 5]);
  });
});

describe("Node API RDDs: actions", () => {
  const nums = sc.parallelize([5, 3, 8, 1, 9, 2], 3);

  it("reduces, folds and aggregates per partition and then across them", async () => {
    expect(await nums.reduce((a, b) => a + b)).toBe(28);
    expect(await nums.fold(0, (a, b) => a + b)).toBe(28);
    expect(await nums.aggregate([0, 0] as [number, number], (acc, x) => [acc[0] + x, acc[1] + 1], (a, b) => [a[0] + b[0], a[1] + b[1]])).toEqual([28, 6]);
    expect(await nums.sum()).toBe(28);
    expect(await nums.mean()).toBeCloseTo(28 / 6);
    expect(await nums.max()).toBe(9);
    expect(await nums.min()).toBe(1);
    expect(await nums.top(2)).toEqual([9, 8]);
    expect(await nums.takeOrdered(3)).toEqual([1, 2, 3]);
    expect(await nums.takeOrdered(2, (x) => -x)).toEqual([9, 8]);
    expect(await nums.first()).toBe(5);
    expect(await nums.take(2)).toEqual([5, 3]);
    expect(await nums.isEmpty()).toBe(false);
  });

  it("raises PySpark's errors on empty RDDs", async () => {
    const empty = sc.emptyRDD<number>();
    expect(await empty.getNumPartitions()).toBe(0);
    expect(await empty.isEmpty()).toBe(true);
    await expect(empty.reduce((a, b) => a + b)).rejects.toThrow("Can not reduce() empty RDD");
    await expect(empty.first()).rejects.toThrow("RDD is empty");
    expect(await empty.sum()).toBe(0);
  });

  it("counts by value and by key", async () => {
    expect(await sc.parallelize(["a", "b", "a"], 2).countByValue()).toEqual(new Map([["a", 2], ["b", 1]]));
    expect(await sc.parallelize([["k", 1], ["k", 2], ["j", 0]] as [string, number][], 2).countByKey()).toEqual(new Map([["k", 2], ["j", 1]]));
  });

  it("keeps a cached RDD's partitions instead of computing them again", async () => {
    const g = globalThis as { tsparkRddTestCalls?: number };
    g.tsparkRddTestCalls = 0;
    // In-process (no compiled worker script under vitest): the function runs on this thread.
    const counted = sc.parallelize([1, 2, 3], 2).map((x) => {
      (globalThis as { tsparkRddTestCalls?: number }).tsparkRddTestCalls! += 1;
      return x;
    }).cache();
    expect(await counted.collect()).toEqual([1, 2, 3]);
    expect(await counted.count()).toBe(3);
    expect(g.tsparkRddTestCalls).toBe(3);
    counted.unpersist();
    await counted.collect();
    expect(g.tsparkRddTestCalls).toBe(6);
  });

  it("runs foreach and foreachPartition for their effects", async () => {
    const g = globalThis as { tsparkForeach?: number[] };
    g.tsparkForeach = [];
    await sc.parallelize([1, 2, 3], 2).foreach((x) => (globalThis as { tsparkForeach?: number[] }).tsparkForeach!.push(x));
    await sc.parallelize([1, 2, 3], 2).foreachPartition((it) => {
      (globalThis as { tsparkForeach?: number[] }).tsparkForeach!.push(-[...it].length);
    });
    expect(g.tsparkForeach.sort((a, b) => a - b)).toEqual([-2, -1, 1, 2, 3]);
  });
});
