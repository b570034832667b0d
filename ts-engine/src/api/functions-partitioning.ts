import { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { toColumn } from "./column-or-name.js";
import { invoke, invokeExprs, litArg } from "./invoke.js";
import { PySparkTypeError } from "./errors.js";

// Partition transforms (pyspark.sql.functions.partitioning): only writeTo(t).partitionedBy(…)
// accepts them, as Spark's analyzer rejects them anywhere else.

/** Partition transform: a date or timestamp column's years since 1970. */
export const years = (c: ColumnOrName): Column => invoke("years", c);
/** Partition transform: a date or timestamp column's months since 1970-01. */
export const months = (c: ColumnOrName): Column => invoke("months", c);
/** Partition transform: a date or timestamp column's days since 1970-01-01. */
export const days = (c: ColumnOrName): Column => invoke("days", c);
/** Partition transform: a timestamp column's hours since 1970-01-01 00:00. */
export const hours = (c: ColumnOrName): Column => invoke("hours", c);
/** Partition transform: `numBuckets` buckets by a hash of the column (a bucketed table on the session catalog). */
export function bucket(numBuckets: Column | number, c: ColumnOrName): Column {
  if (!(numBuckets instanceof Column) && !Number.isInteger(numBuckets)) throw new PySparkTypeError("NOT_COLUMN_OR_INT", { arg_name: "numBuckets", arg_type: typeof numBuckets });
  return invokeExprs("bucket", [numBuckets instanceof Column ? numBuckets.expr : litArg(numBuckets), toColumn(c).expr]);
}
