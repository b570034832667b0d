/**
 * tspark from Node: the engine in-process, PySpark's method names, typed.
 *
 *   npm run build
 *   node --experimental-strip-types examples/node_quickstart.ts            (Node >= 22.6)
 * or, on Node 20, compile it as an ES module and run the output (from the repo root):
 *   node_modules/.bin/tsc --target ES2022 --module ES2022 --moduleResolution bundler \
 *     --skipLibCheck --outDir examples/.out examples/node_quickstart.ts \
 *     && echo '{"type":"module"}' > examples/.out/package.json && node examples/.out/node_quickstart.js
 *
 * Python operators become methods: `a * b` → `a.multiply(b)`, `a > 5` → `a.gt(5)`,
 * `a == b` → `a.eq(b)`, `&` `|` `~` → `and` `or` `not`. Actions return Promises.
 */
import { SparkSession, functions as F } from "tspark";

const spark = SparkSession.builder.appName("node-quickstart").getOrCreate();

const sales = spark.createDataFrame(
  [
    ["2024-01-03", "north", "widget", 4, 2.5],
    ["2024-01-03", "south", "gadget", 1, 10.0],
    ["2024-01-04", "north", "gadget", 2, 10.0],
    ["2024-01-05", "east", "widget", 10, 2.25],
    ["2024-01-05", "south", "widget", 3, 2.5],
    ["2024-01-06", "east", null, 1, 99.99],
  ],
  "day STRING, region STRING, product STRING, qty INT, price DOUBLE",
);
sales.printSchema();
await sales.show();

const revenue = sales.withColumn("amount", F.col("qty").multiply(F.col("price")));
await revenue
  .groupBy("region")
  .agg(F.sum("amount").alias("total"), F.count("*").alias("orders"), F.countDistinct("product").alias("products"))
  .orderBy(F.col("total").desc())
  .show();

const regions = spark.createDataFrame(
  [
    ["north", "Alice"],
    ["south", "Bob"],
    ["west", "Carol"],
  ],
  ["region", "manager"],
);
await revenue.join(regions, "region", "left").select("region", "manager", "amount").filter("amount > 5").orderBy("region").show();

const size = F.when(F.col("qty").geq(4), "bulk").otherwise("single").alias("kind");
await sales.select("product", "qty", size).where(F.col("product").isNotNull()).show();

const ids = spark.range(0, 1_000_000);
const [row] = await ids.filter(F.col("id").mod(7).eq(0)).agg(F.sum("id").alias("total")).collect();
console.log(String(row)); // Row(total=71428928571)
console.log(row?.total); // 71428928571 (a number; longs past 2^53 come back as bigint)

spark.stop();
