import type { ExecContext } from "../exec/exec-context.js";
import { pythonRunnerOf } from "../python/default-runner.js";
import { batchBlobs, runPythonPartitionTask, type PythonPartitionTask, type PythonTaskOutput, type TaskInput } from "../exec/python-partition-task.js";
import { assertNever } from "../errors/assert-never.js";
import type { RddPlan } from "./rdd-plan.js";
import { hadoopTextSplits, listHadoopInputs, wholeFileGroups } from "../io/hadoop-input-splits.js";

/** Operator kinds an RDD task reports to EngineServices.onTask (traces and placement tests). */
const TASK_KINDS: Readonly<Record<PythonPartitionTask["kind"], readonly string[]>> = {
  mapPartitions: ["PythonMapPartitions"],
  shuffleWrite: ["PythonShuffleWrite"],
};

/** One RDD run: its context and a counter that numbers its Python steps as stages. */
class RddRun {
  private nextStage = 0;

  constructor(readonly ctx: ExecContext) {}

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
    const { ctx } = this;
    const report = (threadId: number): void => ctx.services.onTask?.({ stageId, partition: task.splitIndex, kinds: TASK_KINDS[task.kind], threadId });
    const pool = ctx.services.workerPool;
    if (pool === undefined || !pool.available) {
      const out = await runPythonPartitionTask(task, pythonRunnerOf(ctx.services), { pythonExec: ctx.pythonExec, signal: ctx.signal });
      report(0);
      return out;
    }
    const out: PythonTaskOutput[] = [];
    for await (const item of pool.runPython(task, ctx, report)) out.push({ bucket: item.bucket, blobs: batchBlobs(item.batch) });
    return out;
  }
}

/**
 * Runs an RDD plan and yields the pickled blobs of its final partitions, in partition
 * order. Each Python step runs one task per partition on the worker threads (in parallel,
 * as many at once as there are threads); a shuffle's map side fuses the
 * PythonMapPartitions right below it into the same task.
 */
export async function* executeRdd(plan: RddPlan, ctx: ExecContext): AsyncIterable<Uint8Array> {
  const run = new RddRun(ctx);
  const parts = await computePartitions(plan, run);
  const pickleStage = run.stage();
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    // A text split is not read yet: a task reads and pickles it (no function applied).
    const blobs = p.kind === "blobs" ? p.blobs : (await run.task(pickleStage, { kind: "mapPartitions", func: null, splitIndex: i, input: p }))[0]!.blobs;
    yield* blobs;
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
    default:
      return assertNever(plan);
  }
}

/** The blobs of a mapPartitions task's output (one item, or none when a worker sent nothing). */
function mapped(out: readonly PythonTaskOutput[]): TaskInput {
  const blobs: Uint8Array[] = [];
  for (const o of out) for (const b of o.blobs) blobs.push(b); // not push(...): unbounded
  return { kind: "blobs", blobs };
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
      return wholeFileGroups(await listHadoopInputs(plan.path), plan.minPartitions).map((files) => ({ kind: "wholeTextFiles", files }));
    case "PythonMapPartitions": {
      const inputs = await computePartitions(plan.input, run);
      const stage = run.stage();
      const outs = await Promise.all(inputs.map((input, i) => run.task(stage, { kind: "mapPartitions", func: plan.func, splitIndex: i, input })));
      return outs.map(mapped);
    }
    case "PythonShuffle":
      return shuffle(plan.input, plan.numPartitions, run);
    default:
      return assertNever(plan);
  }
}

/** Map side per input partition (shuffleWrite), then reduce partition j = bucket j of every map output, in map order. */
async function shuffle(input: RddPlan, n: number, run: RddRun): Promise<TaskInput[]> {
  const fused = input.kind === "PythonMapPartitions" ? input : null;
  const source = fused !== null ? await computePartitions(fused.input, run) : await computePartitions(input, run);
  const func = fused !== null ? fused.func : null;
  const stage = run.stage();
  const mapOutputs = await Promise.all(source.map((input, i) => run.task(stage, { kind: "shuffleWrite", func, splitIndex: i, input, numPartitions: n })));
  const reduce: Uint8Array[][] = Array.from({ length: n }, () => []);
  for (const buckets of mapOutputs) {
    for (const { bucket, blobs } of buckets) {
      // A loop, not push(...blobs): a bucket has one blob per batch, unbounded.
      for (const blob of blobs) reduce[bucket]!.push(blob);
    }
  }
  return reduce.map((blobs) => ({ kind: "blobs", blobs }));
}
