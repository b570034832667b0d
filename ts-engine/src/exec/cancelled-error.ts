import { SparkException } from "../errors/spark-exception.js";

/** Raised when the query's signal fires (interrupt or client gone). */
export function cancelledError(): SparkException {
  return new SparkException("SparkException", "OPERATION_CANCELED", {}, { sqlState: "HY008" });
}
