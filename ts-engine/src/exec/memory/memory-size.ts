import v8 from "node:v8";
import type { SqlConf } from "../../conf/sql-conf.js";
import { IllegalArgumentException } from "../../errors/spark-exception.js";

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
};

/**
 * Bytes of a Spark memory string ("512m", "2g", "1024k"); a bare number counts in
 * `defaultUnit` (Spark reads `spark.executor.memory=2048` as MiB).
 */
export function parseMemorySize(text: string, defaultUnit: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = UNITS[(m?.[2] || defaultUnit).toLowerCase()];
  if (m === null || unit === undefined) {
    throw new IllegalArgumentException(
      `Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m.\nInvalid suffix: "${m?.[2] ?? text}"`,
    );
  }
  return Math.floor(Number(m[1]) * unit);
}

/** Spark keeps 300 MiB of the heap out of the unified pool for the system. */
const RESERVED = 300 * 1024 ** 2;

/**
 * The execution memory every task of this engine shares, as Spark computes its unified
 * pool: (`spark.executor.memory` − reserved) × `spark.memory.fraction`. The executor
 * memory defaults to this thread's V8 heap limit (`--max-old-space-size`), since the
 * engine's buffers live on that heap. Spark refuses heaps under 450 MiB; here the
 * reservation shrinks to half of a small setting instead, so tests can run tiny budgets.
 */
export function executionMemory(conf: SqlConf): number {
  const setting = conf.get("spark.executor.memory") ?? "";
  const total = setting === "" ? v8.getHeapStatistics().heap_size_limit : parseMemorySize(setting, "m");
  const fraction = Number(conf.get("spark.memory.fraction") ?? "0.6");
  if (!(fraction > 0 && fraction <= 1)) {
    throw new IllegalArgumentException(`spark.memory.fraction should be in (0, 1], but was ${conf.get("spark.memory.fraction")}`);
  }
  const reserved = Math.min(RESERVED, total / 2);
  return Math.floor((total - reserved) * fraction);
}
