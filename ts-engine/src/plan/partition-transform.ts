import { assertNever } from "../errors/assert-never.js";
import { SparkException } from "../errors/spark-exception.js";
import type { BucketSpec } from "./bucket-spec.js";

/**
 * A partition transform of a table's partitioning: `df.writeTo(t).partitionedBy(years(col), …)`
 * or `CREATE TABLE … PARTITIONED BY (years(col), bucket(4, c), c2)` (Spark's v2 Transform);
 * `identity` is a plain partition column.
 */
export interface PartitionTransform {
  readonly name: "identity" | "years" | "months" | "days" | "hours" | "bucket";
  readonly column: string;
  readonly numBuckets?: number;
}

/** How a partition transform prints in Spark's errors: `years(ts)`, `bucket(4, id)`. */
function transformText(t: PartitionTransform): string {
  return t.name === "bucket" ? `bucket(${t.numBuckets ?? 0}, ${t.column})` : t.name === "identity" ? t.column : `${t.name}(${t.column})`;
}

/**
 * writeTo's partitionedBy on the session catalog, as Spark's convertTransforms turns a v2
 * table's transforms into a v1 table: plain columns are its partition columns, one bucket(n, c)
 * its BucketSpec (a second one is UNSUPPORTED_FEATURE.MULTIPLE_BUCKET_TRANSFORMS); years /
 * months / days / hours have no v1 form (UNSUPPORTED_PARTITION_TRANSFORM, before the table is
 * looked up, as Spark's).
 */
export function transformPartitioning(ts: readonly PartitionTransform[]): { readonly partitionColumns: readonly string[]; readonly bucketSpec?: BucketSpec } {
  const partitionColumns: string[] = [];
  let bucketSpec: BucketSpec | undefined;
  for (const t of ts) {
    switch (t.name) {
      case "identity":
        partitionColumns.push(t.column);
        break;
      case "bucket":
        if (bucketSpec !== undefined) throw new SparkException("UnsupportedOperationException", "UNSUPPORTED_FEATURE.MULTIPLE_BUCKET_TRANSFORMS", {});
        bucketSpec = { numBuckets: t.numBuckets ?? 0, bucketColumns: [t.column], sortColumns: [] };
        break;
      case "years":
      case "months":
      case "days":
      case "hours":
        throw new SparkException("UnsupportedOperationException", "UNSUPPORTED_PARTITION_TRANSFORM", { transform: `\`${transformText(t)}\`` });
      default:
        return assertNever(t.name);
    }
  }
  return { partitionColumns, ...(bucketSpec === undefined ? {} : { bucketSpec }) };
}
