/**
 * RDD plans (bridge/PROTOCOL.md "RDD plans") as one discriminated union. Elements are
 * opaque to the engine: pickled Python lists ("blobs") or, straight from a text file, lines.
 */
export type RddPlan = Parallelize | TextFile | PythonMapPartitions | PythonShuffle | WholeTextFiles;

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
}

/** Hash-partition (key, value) elements into `numPartitions` by `portable_hash(key) % n`. */
export interface PythonShuffle {
  readonly kind: "PythonShuffle";
  readonly input: RddPlan;
  readonly numPartitions: number;
}

/** `sc.wholeTextFiles(path, minPartitions)`: one `(path, content)` element per file, files packed into partitions. */
export interface WholeTextFiles {
  readonly kind: "WholeTextFiles";
  readonly path: string;
  readonly minPartitions: number;
}
