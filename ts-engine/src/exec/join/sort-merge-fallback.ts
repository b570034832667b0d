import type { ColumnBatch } from "../../columnar/batch.js";
import type { Expr, SortOrder } from "../../expr/expr.js";
import type { ExecContext } from "../exec-context.js";
import { executionMemory } from "../memory/memory-size.js";
import { MEMORY_POOL, type MemoryReservation } from "../memory/memory-pool.js";
import { ExternalSorter } from "../sort/external-sorter.js";
import { throwIfAborted } from "../util.js";
import { MergeJoinStream, type MergeJoinSpec } from "./merge-join-stream.js";

let fallbacks = 0;

/** Partitions of shuffled hash joins on this thread that ran as sort-merge joins (for tests and metrics). */
export function sortMergeFallbacks(): number {
  return fallbacks;
}

const ascending = (keys: readonly Expr[]): SortOrder[] => keys.map((child) => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true }));

/** Feeds `first` and then the rest of `rest` into an external sort of the given side. */
async function sortSide(first: readonly ColumnBatch[], rest: AsyncIterable<ColumnBatch>, ctx: ExecContext, sorter: ExternalSorter): Promise<void> {
  for (const b of first) await sorter.insert(b);
  for await (const b of rest) {
    throwIfAborted(ctx);
    await sorter.insert(b);
  }
}

/**
 * One partition of a shuffled hash join whose build side turned out not to fit the task's
 * memory budget: instead of failing, both sides go through external sorts (which spill to
 * `spark.local.dir`) and are merged as a sort-merge join would (Spark plans a sort-merge
 * join up front for inputs it does not expect to fit; a run-time estimate can be wrong).
 * `buildRead` are the build batches read so far and `buildRest` the rest of that side;
 * the merge's buffers are accounted in the hash join's own reservation `mergeMem`.
 */
export async function* sortMergeFallback(
  spec: MergeJoinSpec,
  build: "left" | "right",
  buildRead: readonly ColumnBatch[],
  buildRest: AsyncIterator<ColumnBatch>,
  stream: AsyncIterable<ColumnBatch>,
  ctx: ExecContext,
  mergeMem: MemoryReservation,
): AsyncIterable<ColumnBatch> {
  fallbacks++;
  const budget = executionMemory(ctx.conf);
  const buildMem = MEMORY_POOL.register("SortMergeJoin fallback sort", budget);
  const streamMem = MEMORY_POOL.register("SortMergeJoin fallback sort", budget);
  const br = build === "right";
  const buildSchema = br ? spec.rightSchema : spec.leftSchema;
  const streamSchema = br ? spec.leftSchema : spec.rightSchema;
  const buildKeys = br ? spec.rightKeys : spec.leftKeys;
  const streamKeys = br ? spec.leftKeys : spec.rightKeys;
  const buildSorter = new ExternalSorter(buildSchema, ascending(buildKeys), ctx, buildMem);
  const streamSorter = new ExternalSorter(streamSchema, ascending(streamKeys), ctx, streamMem);
  try {
    // the build side's iterator goes on where the hash join's build stopped
    await sortSide(buildRead, { [Symbol.asyncIterator]: () => buildRest }, ctx, buildSorter);
    await sortSide([], stream, ctx, streamSorter);
    const b = buildSorter.sorted();
    const s = streamSorter.sorted();
    yield* new MergeJoinStream(spec, br ? s : b, br ? b : s, ctx, mergeMem).run();
  } finally {
    await buildRest.return?.();
    await buildSorter.close();
    await streamSorter.close();
    buildMem.close();
    streamMem.close();
  }
}
