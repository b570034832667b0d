import type { JsPartitioner } from "../exec/js-function/js-partitioner.js";
import type { JsStep } from "../exec/js-function/js-steps.js";

/**
 * RDD plans (bridge/PROTOCOL.md "RDD plans") as one discriminated union. Elements are
 * opaque to the engine: pickled Python lists ("blobs") or, straight from a text file, lines.
 * The Node API's RDDs use the same plans with JS steps (JsMapPartitions, JsShuffle) and
 * blobs of V8-serialized elements (exec/js-function/js-elements.ts); they never come off the wire.
 */
export type RddPlan =
  | Parallelize
  | TextFile
  | PythonMapPartitions
  | PythonShuffle
  | WholeTextFiles
  | UnionRdd
  | CoalescePartitions
  | BinaryFiles
  | HadoopSplits
  | CachedRdd
  | JsMapPartitions
  | JsShuffle;

export type RddKind = RddPlan["kind"];

/** `sc.parallelize(data, n)`: one pickled list per partition. */
export interface Parallelize {
  readonly kind: "Parallelize";
  readonly partitions: readonly Uint8Array[];
}

/**
 * `sc.textFile(path, minPartitions)`: lines (without line terminators) as str elements, one
 * partition per Hadoop input split (io/hadoop-input-splits.ts). `path` is a comma-separated
 * list of files, directories and globs.
 */
export interface TextFile {
  readonly kind: "TextFile";
  readonly path: string;
  readonly minPartitions: number;
}

/** cloudpickled `f(splitIndex, iterator) -> iterable`, run per partition in a Python worker. */
export interface PythonMapPartitions {
  readonly kind: "PythonMapPartitions";
  readonly input: RddPlan;
  readonly func: Uint8Array;
  /**
   * `rdd.barrier().mapPartitions(f)`: a barrier stage, whose tasks all run at once
   * (BarrierTaskContext.barrier / allGather wait for every one of them).
   */
  readonly barrier?: true;
}

/**
 * Hash-partition (key, value) elements into `numPartitions` by `portable_hash(key) % n`, or
 * by a cloudpickled `partitionFunc(key) % n` (PySpark's partitionBy(n, partitionFunc):
 * sortByKey's range partitioner, repartition's round robin).
 */
export interface PythonShuffle {
  readonly kind: "PythonShuffle";
  readonly input: RddPlan;
  readonly numPartitions: number;
  readonly partitionFunc: Uint8Array | null;
}

/** `sc.wholeTextFiles(path, minPartitions)`: one `(path, content)` element per file, files packed into partitions. */
export interface WholeTextFiles {
  readonly kind: "WholeTextFiles";
  readonly path: string;
  readonly minPartitions: number;
}

/** `rdd.union(other)` / `sc.union(rdds)`: the inputs' partitions one after another, as Spark's UnionRDD. */
export interface UnionRdd {
  readonly kind: "Union";
  readonly inputs: readonly RddPlan[];
}

/**
 * Output partition j = the input partitions `groups[j]`, concatenated in that order, with no
 * shuffle: Spark's CoalescedRDD (`coalesce(n)`: consecutive ranges), and the pairing of
 * partitions that zip and cartesian read (an input partition may appear in several groups).
 */
export interface CoalescePartitions {
  readonly kind: "CoalescePartitions";
  readonly input: RddPlan;
  readonly groups: readonly (readonly number[])[];
}

/**
 * `sc.binaryFiles(path, minPartitions)`: one `(path, bytes)` element per file, files packed
 * into partitions as Spark's StreamFileInputFormat packs them (rdd/binary-file-groups.ts).
 */
export interface BinaryFiles {
  readonly kind: "BinaryFiles";
  readonly path: string;
  readonly minPartitions: number;
  /** The context's defaultParallelism, which the packing divides the bytes by. */
  readonly parallelism: number;
}

/**
 * The input splits of Hadoop files (`sc.sequenceFile`, `sc.hadoopFile` …), planned as for
 * TextFile with the input format's smallest split size: partition i holds one str element,
 * `path<TAB>start<TAB>length`, which the client's partition function reads
 * (python/tspark/worker/sequence_file.py, hadoop_text.py).
 */
export interface HadoopSplits {
  readonly kind: "HadoopSplits";
  readonly path: string;
  readonly minPartitions: number;
  readonly minSplitSize: number;
}

/**
 * `rdd.persist()` / `rdd.cache()`: `input`'s partitions, computed by the first job that reads
 * them and kept in the engine under `id` (a client-made unique id) for later jobs, until
 * `unpersist` (action "unpersist").
 */
export interface CachedRdd {
  readonly kind: "Cached";
  readonly id: string;
  readonly input: RddPlan;
}

/** A Node API RDD's fused JavaScript steps over each partition of `input` (one task per partition). */
export interface JsMapPartitions {
  readonly kind: "JsMapPartitions";
  readonly input: RddPlan;
  readonly steps: readonly JsStep[];
}

/** Repartition a Node API RDD's `[key, value]` elements into `numPartitions` by `partitioner` (hash, a user function, sorted ranges). */
export interface JsShuffle {
  readonly kind: "JsShuffle";
  readonly input: RddPlan;
  readonly numPartitions: number;
  readonly partitioner: JsPartitioner;
}
