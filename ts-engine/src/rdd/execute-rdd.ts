import { setMaxListeners } from "node:events";
import type { ExecContext } from "../exec/exec-context.js";
import { pythonRunnerOf } from "../python/default-runner.js";
import { ACCUMULATOR_BUCKET, batchBlobs, BLOBS_SCHEMA, runPythonPartitionTask, type PythonPartitionTask, type PythonTaskOutput, type TaskInput } from "../exec/python-partition-task.js";
import { SpillFile } from "../exec/memory/spill-file.js";
import { RddMemory } from "./rdd-spill.js";
import { assertNever } from "../errors/assert-never.js";
import { InvalidPlanInput } from "../errors/spark-exception.js";
import { maxTaskFailures, stageFailure, workerExited } from "../python/worker-errors.js";
import type { RddPlan } from "./rdd-plan.js";
import type { JsPartitioner } from "../exec/js-function/js-partitioner.js";
import { hadoopTextSplits, listHadoopInputs, wholeFileGroups } from "../io/hadoop-input-splits.js";
import { binaryFileGroups } from "./binary-file-groups.js";
import { cachedPartitions, dropPartitions, keepPartitions } from "./rdd-cache.js";
import { pythonRunOptions } from "../exec/python/python-run-options.js";

/** Operator kinds an RDD task reports to EngineServices.onTask (traces and placement tests). */
const TASK_KINDS: Readonly<Record<PythonPartitionTask["kind"], readonly string[]>> = {
  mapPartitions: ["PythonMapPartitions"],
  barrierMapPartitions: ["PythonBarrierMapPartitions"],
  shuffleWrite: ["PythonShuffleWrite"],
  jsMapPartitions: ["JsMapPartitions"],
  jsShuffleWrite: ["JsShuffleWrite"],
};

/**
 * Whose elements a plan's blobs hold: pickled Python lists (the Python client's RDDs) or
 * V8-serialized JS arrays (the Node API's). It decides how a partition not read yet (a text
 * split, whole files) is turned into blobs.
 */
export type RddFamily = "python" | "js";

/** Whether `e` says the Python worker running the task died (not that user code raised). */
/** One RDD run: its context and a counter that numbers its Python steps as stages. */
class RddRun {
  private nextStage = 0;
  /** The partitions held between stages, spilled past the execution memory. */
  readonly memory: RddMemory;

  constructor(
    readonly ctx: ExecContext,
    private readonly onAccumulators: ((blob: Uint8Array) => void) | undefined,
    readonly family: RddFamily = "python",
  ) {
    // every running task of the job listens for the job's abort: one per partition, not a leak
    setMaxListeners(0, ctx.signal);
    this.memory = new RddMemory(ctx.conf);
  }

  /** A partition's blobs in memory: as held, read back from its spill file, or read and pickled by a task (a text split, whole files). */
  async blobsOf(stage: number, splitIndex: number, p: TaskInput): Promise<Uint8Array[]> {
    if (p.kind === "blobs") return [...p.blobs];
    if (p.kind === "spilledBlobs") return spilledBlobs(p.path);
    return mapped(await this.task(stage, this.readTask(splitIndex, p)));
  }

  /** The task that turns a partition not read yet into blobs of its elements, unchanged. */
  readTask(splitIndex: number, input: TaskInput): PythonPartitionTask {
    return this.family === "js" ? { kind: "jsMapPartitions", steps: [], splitIndex, input } : { kind: "mapPartitions", func: null, splitIndex, input };
  }

  /** A new stage id for one Python step over all partitions. */
  stage(): number {
    return this.nextStage++;
  }

  /**
   * Runs one partition's Python step as a task: on a worker thread of the pool (whose own
   * Python process runs it) when there is one, else on this thread's runner. The main
   * thread only schedules; the partition's blobs go to the worker and back.
   */
  async task(stageId: number, task: PythonPartitionTask): Promise<PythonTaskOutput[]> {
    const maxFailures = maxTaskFailures(this.ctx.conf.get("spark.task.maxFailures"));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(stageId, task);
      } catch (e) {
        // A Python worker that died (crash, os._exit, OOM kill) is replaced and the task runs
        // again, up to spark.task.maxFailures attempts, as Spark retries a lost task; an
        // exception raised by user code fails the job at once (it would raise again).
        if (!workerExited(e) || this.ctx.signal.aborted) throw e;
        if (attempt >= maxFailures) throw stageFailure(e, task.splitIndex, stageId, attempt);
      }
    }
  }

  /** One attempt of a task; its accumulator updates are passed on only when it succeeds. */
  private async attempt(stageId: number, task: PythonPartitionTask): Promise<PythonTaskOutput[]> {
    const { ctx } = this;
    const report = (threadId: number): void => ctx.services.onTask?.({ stageId, partition: task.splitIndex, kinds: TASK_KINDS[task.kind], threadId });
    const pool = ctx.services.workerPool;
    let out: PythonTaskOutput[];
    if (pool === undefined || !pool.available) {
      out = await runPythonPartitionTask(task, pythonRunnerOf(ctx.services), pythonRunOptions(ctx));
      report(0);
    } else {
      out = [];
      for await (const item of pool.runPython(task, { ...ctx, ...pythonRunOptions(ctx), signal: ctx.signal }, report)) out.push({ bucket: item.bucket, blobs: batchBlobs(item.batch) });
    }
    // The task succeeded: its accumulator updates go to the client now, once; the rest are elements.
    const elements: PythonTaskOutput[] = [];
    for (const o of out) {
      if (o.bucket !== ACCUMULATOR_BUCKET) elements.push(o);
      else for (const b of o.blobs) this.onAccumulators?.(b);
    }
    return elements;
  }
}

/**
 * Runs an RDD plan and yields the pickled blobs of its final partitions, in partition
 * order. Each Python step runs one task per partition on the worker threads (in parallel,
 * as many at once as there are threads); a shuffle's map side fuses the
 * PythonMapPartitions right below it into the same task. `onAccumulators` receives each
 * successful task's accumulator updates (never a failed attempt's).
 */
export async function* executeRdd(
  plan: RddPlan,
  ctx: ExecContext,
  onAccumulators?: (blob: Uint8Array) => void,
  family: RddFamily = "python",
): AsyncIterable<Uint8Array> {
  const run = new RddRun(ctx, onAccumulators, family);
  try {
    const parts = await computePartitions(plan, run);
    const pickleStage = run.stage();
    for (let i = 0; i < parts.length; i++) {
      // A text split is not read yet: a task reads and pickles it (no function applied).
      yield* await run.blobsOf(pickleStage, i, parts[i]!);
      await run.memory.release([parts[i]!]);
    }
  } finally {
    await run.memory.close();
  }
}

/**
 * How many partitions `plan` has (`rdd.getNumPartitions()`), planned without running
 * anything: a textFile's Hadoop splits, wholeTextFiles' file groups, a shuffle's count.
 */
export async function rddNumPartitions(plan: RddPlan): Promise<number> {
  switch (plan.kind) {
    case "Parallelize":
      return plan.partitions.length;
    case "TextFile":
      return hadoopTextSplits(await listHadoopInputs(plan.path), plan.minPartitions).length;
    case "WholeTextFiles":
      return wholeFileGroups(await listHadoopInputs(plan.path), plan.minPartitions).length;
    case "PythonMapPartitions":
      return rddNumPartitions(plan.input);
    case "PythonShuffle":
      return plan.numPartitions;
    case "Union": {
      let n = 0;
      for (const input of plan.inputs) n += await rddNumPartitions(input);
      return n;
    }
    case "CoalescePartitions":
      return plan.groups.length;
    case "BinaryFiles":
      return binaryFileGroups(await listHadoopInputs(plan.path), plan.minPartitions, plan.parallelism).length;
    case "HadoopSplits":
      return hadoopTextSplits(await listHadoopInputs(plan.path), plan.minPartitions, plan.minSplitSize).length;
    case "Cached":
      return cachedPartitions(plan.id)?.length ?? rddNumPartitions(plan.input);
    case "JsMapPartitions":
      return rddNumPartitions(plan.input);
    case "JsShuffle":
      return plan.numPartitions;
    default:
      return assertNever(plan);
  }
}

/** `rdd.unpersist()`: drops the kept partitions of a Cached plan node (nothing else is one). */
export function unpersistRdd(plan: RddPlan): boolean {
  return plan.kind === "Cached" && dropPartitions(plan.id);
}

/** The blobs of a mapPartitions task's output (one item, or none when a worker sent nothing). */
function mapped(out: readonly PythonTaskOutput[]): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  for (const o of out) for (const b of o.blobs) blobs.push(b); // not push(...): unbounded
  return blobs;
}

/** The blobs of a partition the main thread spilled (rdd-spill.ts). */
async function spilledBlobs(file: string): Promise<Uint8Array[]> {
  const blobs: Uint8Array[] = [];
  for (const b of await SpillFile.readAll(file, BLOBS_SCHEMA)) for (const x of batchBlobs(b)) blobs.push(x);
  return blobs;
}

/** One step's outputs kept for the next (their inputs released: the step has read them). */
async function stepOutputs(inputs: readonly TaskInput[], outs: readonly (readonly PythonTaskOutput[])[], run: RddRun): Promise<TaskInput[]> {
  await run.memory.release(inputs);
  const kept: TaskInput[] = [];
  for (const o of outs) kept.push(await run.memory.keep(mapped(o)));
  return kept;
}

/** Every partition of `plan`, materialized. */
async function computePartitions(plan: RddPlan, run: RddRun): Promise<TaskInput[]> {
  switch (plan.kind) {
    case "Parallelize":
      return plan.partitions.map((b) => ({ kind: "blobs", blobs: [b] }));
    case "TextFile":
      // Only the split plan is made here (file sizes); each task reads its own byte range.
      return hadoopTextSplits(await listHadoopInputs(plan.path), plan.minPartitions).map((split) => ({ kind: "textSplit", split }));
    case "WholeTextFiles":
      return wholeFileGroups(await listHadoopInputs(plan.path), plan.minPartitions).map((files) => ({ kind: "wholeTextFiles", files, binary: false }));
    case "PythonMapPartitions": {
      const inputs = await computePartitions(plan.input, run);
      const stage = run.stage();
      if (plan.barrier === true) {
        // a barrier stage: every partition in one task, so that all of them run at once
        const out = await run.task(stage, { kind: "barrierMapPartitions", func: plan.func, splitIndex: 0, inputs });
        const parts: PythonTaskOutput[][] = inputs.map(() => []);
        for (const o of out) parts[o.bucket]?.push(o);
        return stepOutputs(inputs, parts, run);
      }
      const outs = await Promise.all(inputs.map((input, i) => run.task(stage, { kind: "mapPartitions", func: plan.func, splitIndex: i, input })));
      return stepOutputs(inputs, outs, run);
    }
    case "PythonShuffle":
      return shuffle(plan.input, plan.numPartitions, plan.partitionFunc, run);
    case "Union": {
      // Each input's steps run as their own stages; the partitions follow one another.
      const out: TaskInput[] = [];
      for (const input of plan.inputs) for (const p of await computePartitions(input, run)) out.push(p);
      return out;
    }
    case "CoalescePartitions":
      return coalesced(await computePartitions(plan.input, run), plan.groups, run);
    case "Cached": {
      const hit = cachedPartitions(plan.id);
      if (hit !== undefined) return hit.map((blobs) => ({ kind: "blobs", blobs }));
      const parts = await computePartitions(plan.input, run);
      const all = Array.from({ length: parts.length }, (_, i) => i);
      // a cached RDD's partitions live in memory (the RDD cache), never in the run's spill files
      const stage = run.stage();
      const kept = await Promise.all(parts.map((p, i) => run.blobsOf(stage, i, p)));
      await run.memory.release(parts);
      keepPartitions(plan.id, kept);
      return kept.map((blobs) => ({ kind: "blobs", blobs }));
    }
    case "BinaryFiles":
      return binaryFileGroups(await listHadoopInputs(plan.path), plan.minPartitions, plan.parallelism).map((files) => ({
        kind: "wholeTextFiles",
        files,
        binary: true,
      }));
    case "HadoopSplits":
      // only the split plan (file sizes): the partition function reads its split's records
      return hadoopTextSplits(await listHadoopInputs(plan.path), plan.minPartitions, plan.minSplitSize).map((split) => ({
        kind: "strings",
        strings: [`${split.file.path}\t${split.start}\t${split.length}`],
      }));
    case "JsMapPartitions": {
      const inputs = await computePartitions(plan.input, run);
      const stage = run.stage();
      const outs = await Promise.all(inputs.map((input, i) => run.task(stage, { kind: "jsMapPartitions", steps: plan.steps, splitIndex: i, input })));
      return stepOutputs(inputs, outs, run);
    }
    case "JsShuffle":
      return jsShuffle(plan.input, plan.numPartitions, plan.partitioner, run);
    default:
      return assertNever(plan);
  }
}

/**
 * Output partition j = the blobs of input partitions `groups[j]` in order. A partition not
 * read yet (a text split, whole files) is read and pickled by a task first, once.
 */
async function coalesced(inputs: readonly TaskInput[], groups: readonly (readonly number[])[], run: RddRun): Promise<TaskInput[]> {
  const used = new Set<number>();
  for (const g of groups) {
    for (const i of g) {
      if (i >= inputs.length) throw new InvalidPlanInput(`rdd.groups: partition ${i} of an RDD with ${inputs.length} partitions`);
      used.add(i);
    }
  }
  const stage = run.stage();
  const blobsOf = new Map<number, readonly Uint8Array[]>();
  await Promise.all(
    [...used].map(async (i) => {
      blobsOf.set(i, await run.blobsOf(stage, i, inputs[i]!));
    }),
  );
  await run.memory.release(inputs);
  const out: TaskInput[] = [];
  for (const g of groups) {
    const blobs: Uint8Array[] = [];
    for (const i of g) for (const b of blobsOf.get(i)!) blobs.push(b);
    out.push(await run.memory.keep(blobs));
  }
  return out;
}

/** A JS shuffle: as `shuffle`, the JsMapPartitions right below fused into its map side. */
async function jsShuffle(input: RddPlan, n: number, partitioner: JsPartitioner, run: RddRun): Promise<TaskInput[]> {
  const fused = input.kind === "JsMapPartitions" ? input : null;
  const source = await computePartitions(fused !== null ? fused.input : input, run);
  const steps = fused !== null ? fused.steps : [];
  const stage = run.stage();
  const mapOutputs = await Promise.all(source.map((input, i) => run.task(stage, { kind: "jsShuffleWrite", steps, splitIndex: i, input, numPartitions: n, partitioner })));
  await run.memory.release(source);
  return reducePartitions(mapOutputs, n, run);
}

/** Reduce partition j = bucket j of every map output, in map order (kept in memory or spilled, rdd-spill.ts). */
async function reducePartitions(mapOutputs: readonly (readonly PythonTaskOutput[])[], n: number, run: RddRun): Promise<TaskInput[]> {
  const reduce: Uint8Array[][] = Array.from({ length: n }, () => []);
  for (const buckets of mapOutputs) {
    for (const { bucket, blobs } of buckets) {
      // A loop, not push(...blobs): a bucket has one blob per batch, unbounded.
      for (const blob of blobs) reduce[bucket]!.push(blob);
    }
  }
  const out: TaskInput[] = [];
  for (let j = 0; j < n; j++) {
    out.push(await run.memory.keep(reduce[j]!));
    reduce[j] = [];
  }
  return out;
}

/** Map side per input partition (shuffleWrite), then reduce partition j = bucket j of every map output, in map order. */
async function shuffle(input: RddPlan, n: number, partitionFunc: Uint8Array | null, run: RddRun): Promise<TaskInput[]> {
  const fused = input.kind === "PythonMapPartitions" ? input : null;
  const source = fused !== null ? await computePartitions(fused.input, run) : await computePartitions(input, run);
  const func = fused !== null ? fused.func : null;
  const stage = run.stage();
  const mapOutputs = await Promise.all(source.map((input, i) => run.task(stage, { kind: "shuffleWrite", func, splitIndex: i, input, numPartitions: n, partitionFunc })));
  await run.memory.release(source);
  return reducePartitions(mapOutputs, n, run);
}
