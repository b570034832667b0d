import type { ExecContext } from "../exec/exec-context.js";
import { pythonRunnerOf } from "../python/default-runner.js";
import type { PartitionInput, PythonRunner, RunOptions } from "../python/python-runner.js";
import { assertNever } from "../errors/assert-never.js";
import type { RddPlan } from "./rdd-plan.js";
import { readTextPartitions } from "./text-file.js";

interface RddRun {
  readonly runner: PythonRunner;
  readonly opts: RunOptions;
}

/**
 * Runs an RDD plan and yields the pickled blobs of its final partitions, in partition
 * order. Partitions of a stage run in parallel on the Python worker pool; a shuffle's
 * map side fuses the PythonMapPartitions right below it into the same worker call.
 */
export async function* executeRdd(plan: RddPlan, ctx: ExecContext): AsyncIterable<Uint8Array> {
  const run: RddRun = { runner: pythonRunnerOf(ctx.services), opts: { pythonExec: ctx.pythonExec, signal: ctx.signal } };
  const parts = await computePartitions(plan, run);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    // Text lines are not pickled yet: a worker pickles them (no function applied).
    const blobs = p.kind === "blobs" ? p.blobs : await run.runner.mapPartitions(null, i, p, run.opts);
    yield* blobs;
  }
}

/** Every partition of `plan`, materialized. */
async function computePartitions(plan: RddPlan, run: RddRun): Promise<PartitionInput[]> {
  switch (plan.kind) {
    case "Parallelize":
      return plan.partitions.map((b) => ({ kind: "blobs", blobs: [b] }));
    case "TextFile":
      return (await readTextPartitions(plan.path, plan.minPartitions)).map((strings) => ({ kind: "strings", strings }));
    case "PythonMapPartitions": {
      const inputs = await computePartitions(plan.input, run);
      const outs = await Promise.all(inputs.map((p, i) => run.runner.mapPartitions(plan.func, i, p, run.opts)));
      return outs.map((blobs) => ({ kind: "blobs", blobs }));
    }
    case "PythonShuffle":
      return shuffle(plan.input, plan.numPartitions, run);
    default:
      return assertNever(plan);
  }
}

/** Map side per input partition (shuffleWrite), then reduce partition j = bucket j of every map output, in map order. */
async function shuffle(input: RddPlan, n: number, run: RddRun): Promise<PartitionInput[]> {
  const fused = input.kind === "PythonMapPartitions" ? input : null;
  const source = fused !== null ? await computePartitions(fused.input, run) : await computePartitions(input, run);
  const func = fused !== null ? fused.func : null;
  const mapOutputs = await Promise.all(source.map((p, i) => run.runner.shuffleWrite(func, i, p, n, run.opts)));
  const reduce: Uint8Array[][] = Array.from({ length: n }, () => []);
  for (const buckets of mapOutputs) {
    for (let j = 0; j < n; j++) {
      // A loop, not push(...bucket): a bucket has one blob per batch, unbounded.
      for (const blob of buckets[j] ?? []) reduce[j]!.push(blob);
    }
  }
  return reduce.map((blobs) => ({ kind: "blobs", blobs }));
}
