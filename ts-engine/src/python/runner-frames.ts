import type { Vector } from "../columnar/vector.js";
import { assertNever } from "../errors/assert-never.js";
import { InternalError } from "../errors/spark-exception.js";
import { decodeResultColumn, encodeArgColumn } from "./column-codec.js";
import type {
  EvalAggRequest,
  EvalUdfsRequest,
  EvalUdtfRequest,
  EvalUdtfResult,
  EvalUdtfStreamHead,
  PartitionInput,
  PythonMapStreamHead,
  PythonMapRequest,
  PythonMapResult,
  PythonMapSide,
  RunOptions,
  UdtfChunk,
} from "./python-runner.js";
import { typeJson } from "./type-json.js";
import { pythonExceptionFromFrame } from "./worker-errors.js";

/**
 * The request and reply frames of the Python worker protocol (python/tspark/worker/main.py's
 * HANDLERS), one home for both runners: the pipe workers (worker-process/) and the in-process
 * interpreter (in-process/) send the same maps and read the same replies.
 */
export type Frame = Readonly<Record<string, unknown>>;

/** An `evalUdfs` request: argument columns and the UDFs over them. */
export function evalUdfsFrame(req: EvalUdfsRequest): Frame {
  return {
    kind: "evalUdfs",
    numRows: req.numRows,
    maxRecordsPerBatch: req.maxRecordsPerBatch ?? 10000,
    argTypes: req.args.map((a) => typeJson(a.type)),
    columns: req.args.map(encodeArgColumn),
    udfs: req.udfs.map((u) => ({ func: u.func, returnType: typeJson(u.returnType), argOffsets: u.argOffsets, evalType: u.evalType })),
  };
}

/** The result vectors of an `evalUdfs` reply. */
export function evalUdfsResult(req: EvalUdfsRequest, reply: Frame): Vector[] {
  const cols = listOf(reply.columns, "columns");
  if (cols.length !== req.udfs.length) throw new InternalError("Python worker returned the wrong number of result columns");
  return cols.map((c, i) => decodeResultColumn(req.udfs[i]!.returnType, c, req.numRows));
}

/** An `aggPandas` request: grouped-aggregate pandas UDFs over the argument columns' groups [starts[g], ends[g]). */
export function evalAggFrame(req: EvalAggRequest): Frame {
  return {
    kind: "aggPandas",
    numRows: req.numRows,
    argTypes: req.args.map((a) => typeJson(a.type)),
    columns: req.args.map(encodeArgColumn),
    udfs: req.udfs.map((u) => ({ func: u.func, returnType: typeJson(u.returnType), argOffsets: u.argOffsets, evalType: u.evalType })),
    starts: int32Bytes(req.starts),
    ends: int32Bytes(req.ends),
  };
}

/** The result vectors of an `aggPandas` reply: one value per group. */
export function evalAggResult(req: EvalAggRequest, reply: Frame): Vector[] {
  const cols = listOf(reply.columns, "columns");
  if (cols.length !== req.udfs.length) throw new InternalError("Python worker returned the wrong number of result columns");
  return cols.map((c, i) => decodeResultColumn(req.udfs[i]!.returnType, c, req.starts.length));
}

/** An Int32Array as its little-endian bytes (the worker reads them with memoryview.cast("i")). */
function int32Bytes(a: Int32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** A `mapPartitions` request. */
export function mapPartitionsFrame(func: Uint8Array | null, splitIndex: number, input: PartitionInput): Frame {
  return { kind: "mapPartitions", func, splitIndex, ...inputFields(input) };
}

/** A `shuffleWrite` request. */
export function shuffleWriteFrame(func: Uint8Array | null, splitIndex: number, input: PartitionInput, numPartitions: number, partitionFunc: Uint8Array | null): Frame {
  return { kind: "shuffleWrite", func, splitIndex, numPartitions, partitionFunc, ...inputFields(input) };
}

/** A `barrierMapPartitions` request: every partition's input fields, in partition order. */
export function barrierMapPartitionsFrame(func: Uint8Array, inputs: readonly PartitionInput[]): Frame {
  return { kind: "barrierMapPartitions", func, partitions: inputs.map(inputFields) };
}

/** The blobs of a `mapPartitions` reply. */
export function blobsOf(reply: Frame): Uint8Array[] {
  return listOf(reply.blobs, "blobs") as Uint8Array[];
}

/** The buckets of a `shuffleWrite` reply. */
export function bucketsOf(reply: Frame): Uint8Array[][] {
  return listOf(reply.buckets, "buckets") as Uint8Array[][];
}

/**
 * A reply checked: an `error` frame (user code raised) becomes PythonException with the
 * worker's traceback; an `ok` (or `more`) frame's accumulator updates go to `opts.onAccumulators`.
 */
export function checkedReply(reply: unknown, opts: RunOptions): Frame {
  if (typeof reply !== "object" || reply === null) throw new InternalError("Python worker sent a non-map reply");
  const frame = reply as Frame;
  if (frame.kind === "error") {
    throw pythonExceptionFromFrame({
      exceptionName: String(frame.exceptionName ?? "Exception"),
      message: String(frame.message ?? ""),
      traceback: String(frame.traceback ?? ""),
    });
  }
  // "more": a streaming request (foreachPartition) asks for its next chunk
  if (frame.kind !== "ok" && frame.kind !== "more") throw new InternalError(`Python worker sent an unexpected reply ${String(frame.kind)}`);
  if (frame.accumulators instanceof Uint8Array) opts.onAccumulators?.(frame.accumulators);
  return frame;
}

function inputFields(input: PartitionInput): Frame {
  switch (input.kind) {
    case "blobs":
      return { blobs: input.blobs };
    case "strings":
      return { strings: input.strings };
    case "text":
      return { texts: input.chunks };
    case "wholeFiles":
      return { wholeFilePaths: input.paths, wholeFiles: input.contents, wholeFilesBinary: input.binary };
    default:
      return assertNever(input);
  }
}

function listOf(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new InternalError(`Python worker reply lacks ${what}`);
  return v;
}

/** A `pythonMap` request (grouped and cogrouped applyIn*): python/tspark/worker/python_map.py. */
export function pythonMapFrame(req: PythonMapRequest): Frame {
  const head = { kind: "pythonMap", func: req.func, evalType: req.evalType, returnType: typeJson(req.returnType), maxRecordsPerBatch: req.maxRecordsPerBatch ?? 10000 };
  switch (req.kind) {
    case "groups":
      return { ...head, ...sideFields("", req.input), starts: int32Bytes(req.starts), ends: int32Bytes(req.ends) };
    case "cogroups":
      return { ...head, ...sideFields("left", req.left), ...sideFields("right", req.right), pairs: int32Bytes(req.pairs) };
    default:
      return assertNever(req);
  }
}

/** A `pythonMap` reply: the output rows' columns in the declared return schema. */
export function pythonMapResult(req: PythonMapRequest, reply: Frame): PythonMapResult {
  const cols = listOf(reply.columns, "columns");
  const fields = req.returnType.fields;
  if (cols.length !== fields.length) throw new InternalError("Python worker returned the wrong number of result columns");
  const n = Number(reply.numRows);
  return { numRows: n, columns: cols.map((c, i) => decodeResultColumn(fields[i]!.dataType, c, n)) };
}

/** A pythonMap side's fields, named with `prefix` ("" for a one-sided request), as python_map.py reads them. */
function sideFields(prefix: string, side: PythonMapSide): Frame {
  return {
    [`${prefix}NumRows`]: side.numRows,
    [`${prefix}ArgNames`]: side.argNames,
    [`${prefix}ArgTypes`]: side.args.map((a) => typeJson(a.type)),
    [`${prefix}Columns`]: side.args.map(encodeArgColumn),
    [`${prefix}KeyTypes`]: side.keys.map((k) => typeJson(k.type)),
    [`${prefix}KeyColumns`]: side.keys.map(encodeArgColumn),
  };
}

/** A `udtf` request (python/tspark/worker/udtf.py). */
export function evalUdtfFrame(req: EvalUdtfRequest): Frame {
  return {
    kind: "udtf",
    func: req.func,
    evalType: req.evalType,
    name: req.name,
    returnType: typeJson(req.returnType),
    numRows: req.numRows,
    argTypes: req.args.map((a) => typeJson(a.type)),
    columns: req.args.map(encodeArgColumn),
    shapes: req.shapes.map((s) => ({ ...s })),
    starts: int32Bytes(req.starts),
    ends: int32Bytes(req.ends),
  };
}

/**
 * A frame of a streamed UDTF (python/tspark/worker/udtf.py udtf_stream): the first carries the
 * call, the later ones (`chunk`) only rows; `last` says no chunk follows.
 */
export function evalUdtfStreamFrame(head: EvalUdtfStreamHead, chunk: UdtfChunk, first: boolean, last: boolean): Frame {
  const start = first
    ? { kind: "udtfStream", func: head.func, evalType: head.evalType, name: head.name, returnType: typeJson(head.returnType), argTypes: chunk.args.map((a) => typeJson(a.type)), shapes: head.shapes.map((s) => ({ ...s })) }
    : { kind: "chunk" };
  return { ...start, numRows: chunk.numRows, columns: chunk.args.map(encodeArgColumn), last };
}

/** A `udtf` reply (or a streamed UDTF's `more`/`ok`): the rows' columns in the return schema and each row's input row index. */
export function evalUdtfResult(req: Pick<EvalUdtfRequest, "returnType">, reply: Frame): EvalUdtfResult {
  const cols = listOf(reply.columns, "columns");
  const fields = req.returnType.fields;
  if (cols.length !== fields.length) throw new InternalError("Python worker returned the wrong number of result columns");
  const n = Number(reply.numRows);
  const raw = reply.rowIndex;
  if (!(raw instanceof Uint8Array) || raw.byteLength !== n * 4) throw new InternalError("Python worker reply lacks rowIndex");
  // copied: the reply's bytes (a view into a pooled Buffer) need not be 4-byte aligned
  const rowIndex = new Int32Array(n);
  new Uint8Array(rowIndex.buffer).set(raw);
  return { numRows: n, columns: cols.map((c, i) => decodeResultColumn(fields[i]!.dataType, c, n)), rowIndex };
}

/**
 * A frame of a streamed pythonMap (python/tspark/worker/python_map.py python_map_stream): the
 * first carries the function, the later ones (`chunk`) only rows; `last` says no chunk follows.
 */
export function pythonMapStreamFrame(head: PythonMapStreamHead, side: PythonMapSide, first: boolean, last: boolean): Frame {
  const start = first
    ? { kind: "pythonMapStream", func: head.func, evalType: head.evalType, returnType: typeJson(head.returnType), maxRecordsPerBatch: head.maxRecordsPerBatch }
    : { kind: "chunk" };
  return { ...start, ...sideFields("", side), last };
}

/** The output rows a streamed pythonMap's `more` or `ok` reply carries. */
export function pythonMapStreamResult(head: PythonMapStreamHead, reply: Frame): PythonMapResult {
  const cols = listOf(reply.columns, "columns");
  const fields = head.returnType.fields;
  if (cols.length !== fields.length) throw new InternalError("Python worker returned the wrong number of result columns");
  const n = Number(reply.numRows);
  return { numRows: n, columns: cols.map((c, i) => decodeResultColumn(fields[i]!.dataType, c, n)) };
}
