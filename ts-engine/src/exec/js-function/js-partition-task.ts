import type { PartitionInput } from "../../python/python-runner.js";
import { ELEMENTS_PER_BLOB, encodeElements, inputElements } from "./js-elements.js";
import { partitionerOf, type JsPartitioner } from "./js-partitioner.js";
import { runSteps, type JsStep } from "./js-steps.js";

/** One partition's output: blobs tagged with their reduce partition (-1: not a shuffle). */
export interface JsTaskOutput {
  readonly bucket: number;
  readonly blobs: readonly Uint8Array[];
}

/** Gathers elements into blobs of ELEMENTS_PER_BLOB. */
class BlobWriter {
  readonly blobs: Uint8Array[] = [];
  private pending: unknown[] = [];

  add(x: unknown): void {
    this.pending.push(x);
    if (this.pending.length >= ELEMENTS_PER_BLOB) this.flush();
  }

  flush(): Uint8Array[] {
    if (this.pending.length > 0) this.blobs.push(encodeElements(this.pending));
    this.pending = [];
    return this.blobs;
  }
}

/** A JS RDD's partition through its fused `steps`: the new elements as blobs. */
export function runJsMapPartitions(steps: readonly JsStep[], splitIndex: number, input: PartitionInput): JsTaskOutput[] {
  const w = new BlobWriter();
  for (const x of runSteps(steps, splitIndex, inputElements(input))) w.add(x);
  return [{ bucket: -1, blobs: w.flush() }];
}

/**
 * Map side of a JS RDD's shuffle: `[key, value]` elements after `steps`, routed to their
 * reduce partition by `partitioner`, as blobs per bucket.
 */
export function runJsShuffleWrite(steps: readonly JsStep[], splitIndex: number, input: PartitionInput, numPartitions: number, partitioner: JsPartitioner): JsTaskOutput[] {
  const route = partitionerOf(partitioner, numPartitions);
  const writers = Array.from({ length: numPartitions }, () => new BlobWriter());
  for (const x of runSteps(steps, splitIndex, inputElements(input))) {
    if (!Array.isArray(x) || x.length !== 2) throw new TypeError(`a shuffle needs [key, value] pairs, got ${String(x)}`);
    writers[route(x[0])]!.add(x);
  }
  return writers.map((w, bucket) => ({ bucket, blobs: w.flush() })).filter((o) => o.blobs.length > 0);
}
