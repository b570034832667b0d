import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { makeVector } from "../columnar/vector.js";
import { assertNever } from "../errors/assert-never.js";
import { InternalError } from "../errors/spark-exception.js";
import { BinaryType, structField, structType } from "../types/data-type.js";
import type { PartitionInput, PythonRunner, RunOptions } from "../python/python-runner.js";
import { qualified } from "../io/file-index.js";
import type { FileSplit, FileStatus } from "../io/file-split.js";
import { lineChunkText, readWholeFile, splitLines } from "../io/line-reader.js";
import type { JsPartitioner } from "./js-function/js-partitioner.js";
import { runJsMapPartitions, runJsShuffleWrite } from "./js-function/js-partition-task.js";
import type { JsStep } from "./js-function/js-steps.js";
import { SpillFile } from "./memory/spill-file.js";

/**
 * A partition task's input: what a runner takes, or files the task reads itself (on its
 * worker thread, so the main thread never reads a file): a textFile split (its lines, read
 * by the text source's line reader) or whole files (wholeTextFiles' decoded, binaryFiles' as bytes).
 */
export type TaskInput =
  | PartitionInput
  | { readonly kind: "textSplit"; readonly split: FileSplit }
  | { readonly kind: "wholeTextFiles"; readonly files: readonly FileStatus[]; readonly binary: boolean }
  /** A partition's blobs spilled by the main thread (rdd/rdd-spill.ts): binary batches in a spill file. */
  | { readonly kind: "spilledBlobs"; readonly path: string };

/**
 * One Python step of an RDD over one partition, as plain structured-clonable data, so it
 * runs as a task on a worker thread (whose own Python worker process does the work), as
 * PySpark runs each partition of a PythonRDD as a task: `mapPartitions` yields the
 * partition's new elements, `shuffleWrite` the map side of a shuffle, bucketed by
 * `portable_hash(key) % numPartitions`. The `js…` kinds are the same two steps of a Node
 * API RDD, whose functions are JavaScript (exec/js-function/) run on the worker thread itself.
 */
export type PythonPartitionTask =
  | {
      readonly kind: "mapPartitions";
      readonly func: Uint8Array | null;
      readonly splitIndex: number;
      readonly input: TaskInput;
    }
  | {
      readonly kind: "shuffleWrite";
      readonly func: Uint8Array | null;
      readonly splitIndex: number;
      readonly input: TaskInput;
      readonly numPartitions: number;
      /** cloudpickled `partitionFunc(key)` (null: portable_hash). */
      readonly partitionFunc: Uint8Array | null;
    }
  | {
      /** A barrier stage's partitions, all in one task (their functions run at once, python/tspark/worker/barrier.py). */
      readonly kind: "barrierMapPartitions";
      readonly func: Uint8Array;
      /** 0: the stage's first partition (a failure names it). */
      readonly splitIndex: number;
      readonly inputs: readonly TaskInput[];
    }
  | {
      readonly kind: "jsMapPartitions";
      readonly steps: readonly JsStep[];
      readonly splitIndex: number;
      readonly input: TaskInput;
    }
  | {
      readonly kind: "jsShuffleWrite";
      readonly steps: readonly JsStep[];
      readonly splitIndex: number;
      readonly input: TaskInput;
      readonly numPartitions: number;
      readonly partitioner: JsPartitioner;
    };

/** The bucket of a task output that holds the task's accumulator updates, not elements. */
export const ACCUMULATOR_BUCKET = -2;

/**
 * A task's output: pickled blobs, tagged with their reduce partition (-1 for mapPartitions,
 * ACCUMULATOR_BUCKET for the accumulator updates of the successful task).
 */
export interface PythonTaskOutput {
  readonly bucket: number;
  readonly blobs: readonly Uint8Array[];
}

/** Runs a partition task on `runner` (the calling thread's Python workers). */
export async function runPythonPartitionTask(task: PythonPartitionTask, runner: PythonRunner, opts: RunOptions): Promise<PythonTaskOutput[]> {
  const updates: Uint8Array[] = [];
  const withUpdates: RunOptions = { ...opts, onAccumulators: (b) => updates.push(b) };
  const out =
    task.kind === "barrierMapPartitions"
      ? (await runner.barrierMapPartitions(task.func, await Promise.all(task.inputs.map(resolveInput)), withUpdates)).map((blobs, bucket) => ({ bucket, blobs }))
      : await runTask(task, await resolveInput(task.input), runner, withUpdates);
  if (updates.length > 0) out.push({ bucket: ACCUMULATOR_BUCKET, blobs: updates });
  return out;
}

async function runTask(task: Exclude<PythonPartitionTask, { kind: "barrierMapPartitions" }>, input: PartitionInput, runner: PythonRunner, opts: RunOptions): Promise<PythonTaskOutput[]> {
  switch (task.kind) {
    case "mapPartitions":
      return [{ bucket: -1, blobs: await runner.mapPartitions(task.func, task.splitIndex, input, opts) }];
    case "shuffleWrite": {
      const buckets = await runner.shuffleWrite(task.func, task.splitIndex, input, task.numPartitions, task.partitionFunc, opts);
      return buckets.map((blobs, bucket) => ({ bucket, blobs })).filter((o) => o.blobs.length > 0);
    }
    case "jsMapPartitions":
      return runJsMapPartitions(task.steps, task.splitIndex, input);
    case "jsShuffleWrite":
      return runJsShuffleWrite(task.steps, task.splitIndex, input, task.numPartitions, task.partitioner);
    default:
      return assertNever(task);
  }
}

/**
 * A text split read into chunks of whole lines (Hadoop's LineRecordReader rules: io/line-reader.ts,
 * compressed files decompressed by extension); whole files as (qualified path, bytes); other
 * inputs as they are.
 */
async function resolveInput(input: TaskInput): Promise<PartitionInput> {
  switch (input.kind) {
    case "textSplit": {
      const chunks: Uint8Array[] = [];
      for await (const c of splitLines(input.split, null)) chunks.push(lineChunkText(c));
      return { kind: "text", chunks };
    }
    case "wholeTextFiles": {
      const contents: Uint8Array[] = [];
      for (const f of input.files) contents.push(await readWholeFile(f.path));
      return { kind: "wholeFiles", paths: input.files.map((f) => qualified(f.path)), contents, binary: input.binary };
    }
    case "spilledBlobs": {
      const blobs: Uint8Array[] = [];
      for (const b of await SpillFile.readAll(input.path, BLOBS_SCHEMA)) for (const x of batchBlobs(b)) blobs.push(x);
      return { kind: "blobs", blobs };
    }
    default:
      return input;
  }
}

/** The one-column schema blobs travel in between threads (the task pool streams column batches). */
export const BLOBS_SCHEMA = structType([structField("blob", BinaryType, false)]);

/** Blobs as a batch of one binary column, the form a pool task streams back. */
export function blobsBatch(blobs: readonly Uint8Array[]): ColumnBatch {
  return makeBatch(BLOBS_SCHEMA, [makeVector(BinaryType, [...blobs], null, blobs.length)], blobs.length);
}

/** The blobs of a batch made by blobsBatch. */
export function batchBlobs(b: ColumnBatch): Uint8Array[] {
  const c = b.columns[0];
  if (c === undefined || c.storage !== "binary") throw new InternalError("a Python task's output batch must hold one binary column");
  return c.data.slice(0, b.numRows);
}
