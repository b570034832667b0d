import type { AttributeRef, Expr } from "../expr/expr.js";
import { hashValue } from "../expr/kernels/spark-hash.js";
import type { FilePartition, FileSplit, FileStatus } from "../io/file-split.js";
import type { DataType } from "../types/data-type.js";

/** Spark's BucketingUtils.bucketIdGenerator seed: the bucket id is pmod(Murmur3(values, 42), n). */
const SEED = 42;

/** A bucketed file's bucket id from its name (`part-00000-…_00003.c000.snappy.parquet` → 3), Spark's BucketingUtils.getBucketId. */
export function bucketIdOfFile(file: string): number | undefined {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const m = /^.*_(\d+)(?:\..*)?$/.exec(name);
  return m === null ? undefined : Number(m[1]);
}

/** The bucket a value of `type` goes to (Spark's BucketingUtils.getBucketIdFromValue). */
function bucketOf(value: unknown, type: DataType, numBuckets: number): number {
  const h = hashValue(value, type, SEED) | 0;
  const r = h % numBuckets;
  return r < 0 ? r + numBuckets : r;
}

function all(numBuckets: number): Set<number> {
  return new Set(Array.from({ length: numBuckets }, (_, i) => i));
}

/** The literal values a predicate pins `attr` to, for the shapes Spark's getExpressionBuckets reads. */
function bucketsOf(e: Expr, attr: AttributeRef, numBuckets: number): Set<number> {
  const isAttr = (x: Expr | undefined): boolean => x?.kind === "AttributeRef" && x.exprId === attr.exprId;
  const one = (v: unknown): Set<number> => new Set([bucketOf(v, attr.dataType, numBuckets)]);
  if (e.kind !== "ScalarCall") return all(numBuckets);
  const [a, b] = e.args;
  switch (e.fn) {
    case "==":
    case "<=>":
      if (isAttr(a) && b?.kind === "Literal") return one(b.value);
      if (isAttr(b) && a?.kind === "Literal") return one(a.value);
      return all(numBuckets);
    case "in": {
      const values = e.args.slice(1);
      if (!isAttr(a) || !values.every((v) => v.kind === "Literal")) return all(numBuckets);
      return new Set(values.map((v) => bucketOf(v.kind === "Literal" ? v.value : null, attr.dataType, numBuckets)));
    }
    case "isnull":
      return isAttr(a) ? one(null) : all(numBuckets);
    case "isnan":
      return isAttr(a) && (attr.dataType.kind === "float" || attr.dataType.kind === "double") ? one(Number.NaN) : all(numBuckets);
    case "and": {
      const l = a === undefined ? all(numBuckets) : bucketsOf(a, attr, numBuckets);
      const r = b === undefined ? all(numBuckets) : bucketsOf(b, attr, numBuckets);
      return new Set([...l].filter((x) => r.has(x)));
    }
    case "or": {
      const l = a === undefined ? all(numBuckets) : bucketsOf(a, attr, numBuckets);
      const r = b === undefined ? all(numBuckets) : bucketsOf(b, attr, numBuckets);
      return new Set([...l, ...r]);
    }
    default:
      return all(numBuckets);
  }
}

/**
 * The buckets a scan's data filters leave (Spark's FileSourceStrategy.genBucketSet): only for
 * a table bucketed on one column, from equalities, IN lists, IS NULL and IS NaN on it under
 * AND / OR. Undefined when every bucket is read.
 */
export function selectedBuckets(filters: readonly Expr[], bucketAttr: AttributeRef | undefined, numBuckets: number): ReadonlySet<number> | undefined {
  if (filters.length === 0 || bucketAttr === undefined) return undefined;
  let set = all(numBuckets);
  for (const f of filters) {
    const s = bucketsOf(f, bucketAttr, numBuckets);
    set = new Set([...set].filter((x) => s.has(x)));
  }
  return set.size === numBuckets ? undefined : set;
}

/** A bucketed scan's partitions (Spark's createBucketedReadRDD): partition i reads every file of bucket i, whole. */
export function bucketedPartitions(files: readonly FileStatus[], numBuckets: number): FilePartition[] {
  const splits: FileSplit[][] = Array.from({ length: numBuckets }, () => []);
  for (const f of files) {
    const id = bucketIdOfFile(f.path);
    if (id === undefined || id >= numBuckets || f.size === 0) continue;
    splits[id]!.push({ file: f, start: 0, length: f.size });
  }
  return splits.map((s, index) => ({ index, splits: s }));
}
