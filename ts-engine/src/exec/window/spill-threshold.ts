import type { SqlConf } from "../../conf/sql-conf.js";
import { IllegalArgumentException } from "../../errors/spark-exception.js";

const KEY = "spark.sql.windowExec.buffer.spill.threshold";

/**
 * Rows of one window partition WindowExec buffers while the partition is still arriving before
 * it spills the partition to `spark.local.dir` (Spark's
 * spark.sql.windowExec.buffer.spill.threshold, by default Int.MaxValue: only the memory budget
 * makes it spill). A partition that arrives whole within one input batch is not spilled.
 */
export function spillThreshold(conf: SqlConf): number {
  const raw = conf.get(KEY) ?? "2147483647";
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 1 || n > 2147483647) throw new IllegalArgumentException(`${KEY} should be int, but was ${raw}`);
  return n;
}
