/**
 * RDDs and UDFs with JavaScript functions from Node: PySpark's RDD API (`spark.sparkContext`)
 * and `F.udf`, with JS functions that run on the engine's worker threads in parallel.
 *
 *   npm run example:node-rdd          (builds, compiles this file and runs it)
 *
 * Functions are shipped to the threads as their source text: they must not read variables of
 * an enclosing scope. Pass what they read as captures (the last argument), which are copied
 * to every thread: `rdd.map((x) => x * k, { k })`.
 */
import { SparkSession, functions as F } from "tspark";

const spark = SparkSession.builder.appName("node-rdd-udf").getOrCreate();
const sc = spark.sparkContext;

// Word count: flatMap → map to pairs → reduceByKey (combined per partition, then shuffled).
const lines = sc.parallelize(["the quick brown fox", "jumps over the lazy dog", "the end"], 2);
const counts = lines
  .flatMap((line) => line.split(" "))
  .map((w) => [w, 1] as [string, number])
  .reduceByKey((a, b) => a + b);
const top = await counts.takeOrdered(3, ([w, n]) => [-n, w]);
console.log("top words:", JSON.stringify(top));

// map/filter/count over a million numbers, with a captured value.
const k = 3;
const n = await sc.range(1_000_000).map((x) => x * k, { k }).filter((x) => x % 2 === 0).count();
console.log("even multiples of 3 below 3,000,000:", n);

// Sorting and joining pairs.
const ages = sc.parallelize([["ann", 31], ["bob", 25], ["cy", 40]] as [string, number][]);
const towns = sc.parallelize([["ann", "Oslo"], ["cy", "Lima"]] as [string, string][]);
console.log("by age:", JSON.stringify(await (await ages.sortBy(([, a]) => a)).collect()));
console.log("joined:", JSON.stringify((await ages.join(towns).collect()).sort()));

// A JavaScript UDF on a DataFrame, and the same function registered for SQL.
const df = spark.range(5).withColumn("sq", F.udf((x: number) => x * x, "long")("id"));
await df.show();
spark.udf.register("js_label", (x: number) => (x % 2 === 0 ? "even" : "odd"), "string");
await (await spark.sql("SELECT id, js_label(id) AS label FROM range(3)")).show();

// An error thrown inside a function comes back with the function's stack.
try {
  await sc.parallelize([1, 2, 3]).map(function check(x: number) {
    if (x === 2) throw new Error("two is not allowed");
    return x;
  }).collect();
} catch (e) {
  console.log((e as Error).message.split("\n").slice(0, 2).join("\n"));
}
spark.stop();
