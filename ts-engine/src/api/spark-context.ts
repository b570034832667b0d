import { encodeElements } from "../exec/js-function/js-elements.js";
import type { ExecContext } from "../exec/exec-context.js";
import { IllegalArgumentException } from "../errors/spark-exception.js";
import type { RddPlan } from "../rdd/rdd-plan.js";
import { RDD, type RddContext } from "./rdd.js";

/** What a SparkContext needs of its session: the context its jobs run with. */
export interface RddSession {
  execContext(): ExecContext;
}

/**
 * `spark.sparkContext` of the Node API: PySpark's SparkContext entry points for RDDs whose
 * functions are JavaScript. Each job runs one task per partition on the engine's worker
 * threads (as many at once as there are threads), so `map`, `filter`, `reduceByKey` … run in
 * parallel; functions are shipped as source (closures over outer variables are not carried:
 * pass what they read as `captures`, see RDD.map).
 */
export class SparkContext implements RddContext {
  constructor(private readonly session: RddSession) {}

  /** @internal the context a job of this SparkContext runs with. */
  execContext(): ExecContext {
    return this.session.execContext();
  }

  /** Partitions run at once: the engine's worker threads (Spark's local[N]). */
  get defaultParallelism(): number {
    return this.session.execContext().services.parallelism;
  }

  /** PySpark's defaultMinPartitions: min(defaultParallelism, 2). */
  get defaultMinPartitions(): number {
    return Math.min(this.defaultParallelism, 2);
  }

  /**
   * `sc.parallelize(data, numSlices)`: `data` cut into `numSlices` partitions at
   * floor(i · n / numSlices), as Spark's ParallelCollectionRDD slices a collection.
   */
  parallelize<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    const values = [...data];
    const n = checkSlices(numSlices);
    const partitions: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      partitions.push(encodeElements(values.slice(Math.floor((i * values.length) / n), Math.floor(((i + 1) * values.length) / n))));
    }
    return new RDD<T>(this, { kind: "Parallelize", partitions });
  }

  /**
   * `sc.range(start, end, step, numSlices)`: the numbers start, start + step, … before end
   * (`range(n)` is 0 … n-1), generated in their partitions, split as PySpark splits a range.
   */
  range(start: number, end?: number, step = 1, numSlices: number = this.defaultParallelism): RDD<number> {
    const [lo, hi] = end === undefined ? [0, start] : [start, end];
    if (step === 0 || !Number.isInteger(step)) throw new IllegalArgumentException("range() arg 3 must be a non-zero integer");
    const n = checkSlices(numSlices);
    const size = Math.max(0, Math.ceil((hi - lo) / step));
    // PySpark: getStart(split) = start + int(split * size / numSlices) * step
    const startOf = (split: number): number => lo + Math.floor((split * size) / n) * step;
    const partitions = Array.from({ length: n }, (_, i) => encodeElements(size === 0 ? [] : [[startOf(i), startOf(i + 1), step]]));
    return new RDD<number>(this, { kind: "JsMapPartitions", input: { kind: "Parallelize", partitions }, steps: [{ op: "range" }] });
  }

  /**
   * `sc.textFile(path, minPartitions)`: the lines of the files (a comma-separated list of
   * files, directories and globs; .gz/.bz2 decompressed), one partition per Hadoop split,
   * each read by its own task.
   */
  textFile(path: string, minPartitions: number = this.defaultMinPartitions): RDD<string> {
    return new RDD<string>(this, { kind: "TextFile", path, minPartitions: checkSlices(minPartitions) });
  }

  /** `sc.wholeTextFiles(path, minPartitions)`: one `[path, content]` element per file. */
  wholeTextFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, string]> {
    return new RDD<[string, string]>(this, { kind: "WholeTextFiles", path, minPartitions: checkSlices(minPartitions) });
  }

  /** `sc.binaryFiles(path, minPartitions)`: one `[path, bytes]` element per file. */
  binaryFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, Uint8Array]> {
    return new RDD<[string, Uint8Array]>(this, { kind: "BinaryFiles", path, minPartitions: checkSlices(minPartitions), parallelism: this.defaultParallelism });
  }

  /** `sc.emptyRDD()`: no partitions. */
  emptyRDD<T>(): RDD<T> {
    return new RDD<T>(this, { kind: "Parallelize", partitions: [] });
  }

  /** `sc.union(rdds)`: their partitions one after another. */
  union<T>(rdds: readonly RDD<T>[]): RDD<T> {
    if (rdds.length === 0) throw new IllegalArgumentException("union needs at least one RDD");
    const plan: RddPlan = { kind: "Union", inputs: rdds.map((r) => r.plan) };
    return new RDD<T>(this, plan);
  }
}

function checkSlices(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new IllegalArgumentException(`the number of partitions must be a positive integer, got ${n}`);
  return n;
}
