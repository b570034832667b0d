import type { Vector } from "../columnar/vector.js";
import type { DataType, StructType } from "../types/data-type.js";

/** One row-at-a-time UDF of an `evalUdfs` request. */
export interface UdfCall {
  /** cloudpickled `(function, returnType)` as the client pickles it (PythonUDF.func). */
  readonly func: Uint8Array;
  readonly returnType: DataType;
  /** Indexes into the request's argument columns. */
  readonly argOffsets: readonly number[];
  /** PySpark's PythonEvalType: 100 row at a time, 200 / 204 scalar pandas (a Series per batch). */
  readonly evalType: number;
}

/** UDFs to evaluate over one batch of argument vectors (each `numRows` long). */
export interface EvalUdfsRequest {
  readonly udfs: readonly UdfCall[];
  readonly args: readonly Vector[];
  readonly numRows: number;
  /**
   * spark.sql.execution.arrow.maxRecordsPerBatch: pandas UDFs see batches of at most this
   * many rows (≤ 0: the whole request); absent = 10000, Spark's default.
   */
  readonly maxRecordsPerBatch?: number;
}

/**
 * Grouped-aggregate pandas UDFs (evalType 202) over ranges of rows: each UDF is called once
 * per range [starts[i], ends[i]) of the argument columns, with pandas Series of those rows,
 * and returns one value per range (a group of an aggregate, a window partition, or one
 * row's window frame).
 */
export interface EvalAggRequest {
  readonly udfs: readonly UdfCall[];
  readonly args: readonly Vector[];
  readonly numRows: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** One side of a pythonMap request: rows of argument columns (named as the frame's columns) and their grouping values. */
export interface PythonMapSide {
  readonly argNames: readonly string[];
  readonly args: readonly Vector[];
  /** The grouping expressions' values per row (the `key` a function of two arguments gets); none for a map. */
  readonly keys: readonly Vector[];
  readonly numRows: number;
}

/**
 * A function over whole batches (bridge of Spark's FlatMapGroupsInPandas,
 * FlatMapCoGroupsInPandas and their Arrow forms, by `evalType` 201/209, 206/210; MapInPandas
 * streams, `pythonMapStream`): `groups` calls it once per row range; `cogroups` once per pair of ranges (left start, end, right
 * start, end; -1, -1 for a side without the key). It returns rows of `returnType`.
 */
export type PythonMapRequest = {
  readonly func: Uint8Array;
  readonly evalType: number;
  readonly returnType: StructType;
  readonly maxRecordsPerBatch?: number;
} & (
  | { readonly kind: "groups"; readonly input: PythonMapSide; readonly starts: Int32Array; readonly ends: Int32Array }
  | { readonly kind: "cogroups"; readonly left: PythonMapSide; readonly right: PythonMapSide; readonly pairs: Int32Array }
);

/**
 * A mapInPandas / mapInArrow function (evalType 205 / 207) run over a partition that arrives
 * in chunks: `empty` is a side of no rows (the argument names and types an empty partition
 * still sends).
 */
export interface PythonMapStreamHead {
  readonly func: Uint8Array;
  readonly evalType: number;
  readonly returnType: StructType;
  readonly maxRecordsPerBatch: number;
  readonly empty: PythonMapSide;
}

/** The rows a pythonMap request returned: one vector per field of its returnType. */
export interface PythonMapResult {
  readonly numRows: number;
  readonly columns: readonly Vector[];
}

/** How one argument of a UDTF call is made of the request's argument columns. */
export type UdtfArgShape =
  /** One column (`args[arg]`); `name`: passed as a keyword argument (`f(x => 1)` / `f(x=lit(1))`). */
  | { readonly kind: "scalar"; readonly arg: number; readonly name?: string }
  /** A TABLE argument: a Row of the columns `args[first …]` named `names`. */
  | { readonly kind: "table"; readonly first: number; readonly names: readonly string[]; readonly name?: string };

/**
 * A Python UDTF (evalType 300, or 301 for the Arrow form) over rows: a new instance of its
 * class per range [starts[i], ends[i]), `eval` per row, `terminate` at the range's end
 * (python/tspark/worker/udtf.py).
 */
export interface EvalUdtfRequest {
  /** cloudpickled `(class, returnType)`. */
  readonly func: Uint8Array;
  readonly evalType: number;
  readonly name: string;
  readonly returnType: StructType;
  readonly args: readonly Vector[];
  readonly shapes: readonly UdtfArgShape[];
  readonly numRows: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * A UDTF over a partition that arrives in chunks (a call without PARTITION BY: one instance
 * for the whole partition): the request's fields but the rows, which each chunk carries.
 */
export type EvalUdtfStreamHead = Omit<EvalUdtfRequest, "args" | "numRows" | "starts" | "ends"> & {
  /** A chunk of no rows (its argument columns typed): what an empty partition sends. */
  readonly empty: UdtfChunk;
};

/** One chunk of a streamed UDTF's input: argument columns of `numRows` rows. */
export interface UdtfChunk {
  readonly args: readonly Vector[];
  readonly numRows: number;
}

/**
 * The rows a UDTF yielded: columns of its returnType, and each row's input row (`terminate`'s
 * rows carry their range's last row, as Spark joins them; -1 for an empty range).
 */
export interface EvalUdtfResult {
  readonly numRows: number;
  readonly columns: readonly Vector[];
  readonly rowIndex: Int32Array;
}

/**
 * An RDD partition's elements: pickled Python lists ("blobs"), text lines, or raw UTF-8
 * text whose lines the worker splits (`text`: each chunk holds whole lines, one file's;
 * lines end at \n, \r\n or \r, as Hadoop's LineRecordReader ends them).
 */
export type PartitionInput =
  | { readonly kind: "blobs"; readonly blobs: readonly Uint8Array[] }
  | { readonly kind: "strings"; readonly strings: readonly string[] }
  | { readonly kind: "text"; readonly chunks: readonly Uint8Array[] }
  | {
      readonly kind: "wholeFiles";
      readonly paths: readonly string[];
      readonly contents: readonly Uint8Array[];
      /** binaryFiles: contents stay bytes (wholeTextFiles decodes them as UTF-8). */
      readonly binary: boolean;
    };

/** One chunk of a partition's rows for `foreachPartition`: columns of `numRows` rows. */
export interface RowsChunk {
  readonly columns: readonly Vector[];
  readonly numRows: number;
}

/** What `foreachPartition` runs: the function, how it is called, and the rows' column names and types. */
export interface ForeachPartitionRequest {
  /** cloudpickled `f(row)` (perRow) or `f(iterator of rows)`. */
  readonly func: Uint8Array;
  readonly perRow: boolean;
  readonly splitIndex: number;
  readonly names: readonly string[];
  readonly types: readonly DataType[];
}

/** Options every runner call accepts. */
export interface RunOptions {
  /** Interpreter that runs the code: the client's own (ExecContext.pythonExec). */
  readonly pythonExec: string;
  /**
   * `spark.executor.pyspark.memory` in MiB: every worker process that runs the call is limited
   * to it (RLIMIT_AS, as PySpark's worker sets it), so a UDF that allocates past it gets Python's
   * MemoryError instead of the machine's OOM killer. Absent: no limit.
   */
  readonly workerMemoryMb?: number;
  /** Aborts the call (the worker running it is killed and replaced). */
  readonly signal?: AbortSignal;
  /**
   * Receives the accumulator updates of a successful partition call (a pickled list of
   * `(id, value)` pairs, python/tspark/accumulators.py); a failed call sends none.
   */
  readonly onAccumulators?: (blob: Uint8Array) => void;
}

/**
 * Runs user Python code for the engine. The implementation behind it is a pool of
 * `python -m tspark.worker` processes (worker-process/); an in-process runner
 * (node-calls-python) can implement the same interface. Errors raised by user code
 * reject with PythonException carrying the Python traceback.
 */
export interface PythonRunner {
  /** Result vectors, one per UDF (typed by its returnType), each `numRows` long. */
  evalUdfs(req: EvalUdfsRequest, opts: RunOptions): Promise<Vector[]>;
  /** Result vectors, one per UDF (typed by its returnType), each with one value per range. */
  evalAggPandas(req: EvalAggRequest, opts: RunOptions): Promise<Vector[]>;
  /** The rows a batch function (mapInPandas, applyInPandas, cogrouped …) returns for the request's rows. */
  pythonMap(req: PythonMapRequest, opts: RunOptions): Promise<PythonMapResult>;
  /**
   * mapInPandas / mapInArrow over a partition streamed to the worker chunk by chunk, as the
   * function reads its iterator; its output comes back as it is made (neither side holds the
   * partition).
   */
  pythonMapStream(head: PythonMapStreamHead, chunks: AsyncIterable<PythonMapSide>, opts: RunOptions): AsyncIterable<PythonMapResult>;
  /** The rows a Python UDTF yields over the request's rows. */
  evalUdtf(req: EvalUdtfRequest, opts: RunOptions): Promise<EvalUdtfResult>;
  /**
   * One UDTF instance over a partition streamed chunk by chunk: one result per chunk, its row
   * indexes within that chunk (the last result also holds `terminate`'s rows, joined with the
   * partition's last row; -1 for an empty partition). Neither side holds the partition.
   */
  evalUdtfStream(head: EvalUdtfStreamHead, chunks: AsyncIterable<UdtfChunk>, opts: RunOptions): AsyncIterable<EvalUdtfResult>;
  /**
   * `func(splitIndex, iterator) -> iterable` over the partition (no func: the elements
   * unchanged); the output as pickled blobs of up to a few thousand elements each.
   */
  mapPartitions(func: Uint8Array | null, splitIndex: number, input: PartitionInput, opts: RunOptions): Promise<Uint8Array[]>;
  /**
   * A barrier stage (`rdd.barrier().mapPartitions`): `func(splitIndex, iterator)` over every
   * partition at once in one worker, so BarrierTaskContext.barrier() / allGather() can wait
   * for all of them; one list of blobs per partition.
   */
  barrierMapPartitions(func: Uint8Array, inputs: readonly PartitionInput[], opts: RunOptions): Promise<Uint8Array[][]>;
  /**
   * Map side of a shuffle: (key, value) elements (after `func`, when given) routed to
   * `partitionFunc(key) % numPartitions` (cloudpickled; null: portable_hash); returns the
   * blobs of each bucket.
   */
  shuffleWrite(
    func: Uint8Array | null,
    splitIndex: number,
    input: PartitionInput,
    numPartitions: number,
    partitionFunc: Uint8Array | null,
    opts: RunOptions,
  ): Promise<Uint8Array[][]>;
  /**
   * df.foreach / foreachPartition over one partition: the rows reach the function chunk by
   * chunk as it reads them, so neither side holds the partition; resolves when it returned
   * (a function that stops reading early ends the partition; `chunks` is then closed).
   */
  foreachPartition(req: ForeachPartitionRequest, chunks: AsyncIterable<RowsChunk>, opts: RunOptions): Promise<void>;
  /** Stops every worker. */
  close(): Promise<void>;
}
