import type { Vector } from "../columnar/vector.js";
import type { EvalAggRequest, EvalUdfsRequest, EvalUdtfRequest, EvalUdtfResult, PartitionInput, PythonMapRequest, PythonMapResult, PythonRunner, RunOptions } from "./python-runner.js";
import {
  barrierMapPartitionsFrame,
  blobsOf,
  bucketsOf,
  evalAggFrame,
  evalAggResult,
  evalUdfsFrame,
  evalUdfsResult,
  evalUdtfFrame,
  evalUdtfResult,
  mapPartitionsFrame,
  pythonMapFrame,
  pythonMapResult,
  shuffleWriteFrame,
  type Frame,
} from "./runner-frames.js";

/** The PythonRunner methods that are one request frame and its reply. */
export type OneFrameMethods = "evalUdfs" | "evalAggPandas" | "pythonMap" | "evalUdtf" | "mapPartitions" | "barrierMapPartitions" | "shuffleWrite";

/**
 * The request handling both runners share: each one-frame method builds its request with
 * runner-frames.ts, sends it through the runner's `call` (a pipe worker's round trip, or the
 * embedded interpreter's), and reads the checked reply. A runner adds `call`, the
 * conversations of several frames (pythonMapStream, foreachPartition) and `close`.
 */
export abstract class FrameRunner implements Pick<PythonRunner, OneFrameMethods> {
  /** Sends one request frame and returns its reply, checked (runner-frames.ts checkedReply). */
  protected abstract call(opts: RunOptions, frame: Frame): Promise<Frame>;

  async evalUdfs(req: EvalUdfsRequest, opts: RunOptions): Promise<Vector[]> {
    return evalUdfsResult(req, await this.call(opts, evalUdfsFrame(req)));
  }

  async evalAggPandas(req: EvalAggRequest, opts: RunOptions): Promise<Vector[]> {
    return evalAggResult(req, await this.call(opts, evalAggFrame(req)));
  }

  async pythonMap(req: PythonMapRequest, opts: RunOptions): Promise<PythonMapResult> {
    return pythonMapResult(req, await this.call(opts, pythonMapFrame(req)));
  }

  async evalUdtf(req: EvalUdtfRequest, opts: RunOptions): Promise<EvalUdtfResult> {
    return evalUdtfResult(req, await this.call(opts, evalUdtfFrame(req)));
  }

  async mapPartitions(func: Uint8Array | null, splitIndex: number, input: PartitionInput, opts: RunOptions): Promise<Uint8Array[]> {
    return blobsOf(await this.call(opts, mapPartitionsFrame(func, splitIndex, input)));
  }

  async barrierMapPartitions(func: Uint8Array, inputs: readonly PartitionInput[], opts: RunOptions): Promise<Uint8Array[][]> {
    return bucketsOf(await this.call(opts, barrierMapPartitionsFrame(func, inputs)));
  }

  async shuffleWrite(
    func: Uint8Array | null,
    splitIndex: number,
    input: PartitionInput,
    numPartitions: number,
    partitionFunc: Uint8Array | null,
    opts: RunOptions,
  ): Promise<Uint8Array[][]> {
    return bucketsOf(await this.call(opts, shuffleWriteFrame(func, splitIndex, input, numPartitions, partitionFunc)));
  }
}
