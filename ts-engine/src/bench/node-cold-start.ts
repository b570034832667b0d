/**
 * Node cold start, run in a fresh process by the bench: from getOrCreate() to the first
 * collected result, and from process start (Node boot and module loading included).
 * Prints `{"coldstart": seconds, "fromProcessStart": seconds}` or `{"error": "..."}`.
 */
import { SparkSession } from "../index.js";

const t0 = process.hrtime.bigint();
try {
  const spark = SparkSession.builder.appName("bench-cold").getOrCreate();
  await spark.range(1).collect();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  spark.stop();
  console.log(JSON.stringify({ coldstart: seconds, fromProcessStart: process.uptime() }));
} catch (e) {
  console.log(JSON.stringify({ error: e instanceof Error ? e.message.split("\n")[0] : String(e) }));
}
process.exit(0);
