import { SparkException } from "../errors/spark-exception.js";

/** Spark's OutputMode: which rows of the result table each batch hands to the sink. */
export type OutputMode = "append" | "complete" | "update";

/** `outputMode(s)` as Spark's InternalOutputModes.apply reads it (case-insensitive). */
export function parseOutputMode(s: string): OutputMode {
  const m = s.toLowerCase();
  if (m === "append" || m === "complete" || m === "update") return m;
  throw new SparkException("IllegalArgumentException", "STREAMING_OUTPUT_MODE.INVALID", { outputMode: s });
}
