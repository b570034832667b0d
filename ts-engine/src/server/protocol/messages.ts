import { StorageLevel } from "../../plan/storage-level.js";
import { asBool, asList, asMap, asSmallInt, asString, describe, fail, opt, req, type WireMap } from "./wire-reader.js";

/** The protocol version this engine speaks (bridge/PROTOCOL.md, Versioning). */
export const PROTOCOL_VERSION = 1;

/** First message of a connection (bridge/PROTOCOL.md, Handshake). */
export interface HandshakeRequest {
  readonly kind: "handshake";
  readonly id: string;
  readonly protocolVersion: number;
  readonly client: string;
  readonly pythonExec: string;
  readonly token?: string;
  readonly appName?: string;
  readonly conf: Readonly<Record<string, string>>;
  /** The client's process id, sent by a client on the engine's own host (loopback): its session ends when that process is gone. */
  readonly clientPid?: number;
}

/** Result chunks as msgpack rows (`batch`) or Arrow IPC (`arrowBatch`). */
export type ResultFormat = "rows" | "arrow";

/** Run a DataFrame plan and stream its result. */
export interface ExecuteRequest {
  readonly kind: "execute";
  readonly id: string;
  readonly sessionId: string;
  /** Raw wire plan; the handler decodes it so that errors carry this request's id. */
  readonly plan: unknown;
  readonly format: ResultFormat;
  /**
   * df.toLocalIterator: the result partitions run one at a time in order (two with
   * prefetchPartitions), so the engine holds no more than the consumer is about to read.
   */
  readonly localIterator?: { readonly prefetchPartitions: boolean };
}

/** Flow control: the client consumed chunks up to `seq` of request `id`. */
export interface AckRequest {
  readonly kind: "ack";
  readonly id: string;
  readonly sessionId: string;
  readonly seq: number;
}

/** What an `analyze` request asks for. */
export type AnalyzeMethod = "schema" | "treeString" | "explain" | "showString" | "persist" | "unpersist" | "storageLevel" | "sql" | "createView" | "numPartitions" | "writeTable" | "semanticHash" | "sameSemantics" | "inputFiles" | "isLocal" | "observation" | "foreach" | "checkpoint";

/** schema / printSchema / explain / show text of a plan, with defaults filled in. */
export interface AnalyzeRequest {
  readonly kind: "analyze";
  readonly id: string;
  readonly sessionId: string;
  readonly plan: unknown;
  readonly method: AnalyzeMethod;
  readonly mode: string;
  readonly numRows: number;
  readonly truncate: number;
  readonly vertical: boolean;
  /** persist: the level (PySpark's persist() default, MEMORY_AND_DISK_DESER, when absent). */
  readonly storageLevel: StorageLevel;
  /** unpersist: wait until the stored blocks are freed. */
  readonly blocking: boolean;
  /** createView: the view's name, whether it is global (global_temp) and may replace one. */
  readonly viewName: string;
  readonly global: boolean;
  readonly replace: boolean;
  /** writeTable: the table write (saveAsTable / insertInto / writeTo), decoded by decode-table-write.ts. */
  readonly write?: unknown;
  /** sameSemantics: the other frame's plan (decoded by the handler). */
  readonly other?: unknown;
  /** observation: the client Observation's id (its df.observe plan carries the same). */
  readonly observationId?: string;
  /** foreach: the cloudpickled function, called per row (`perRow`) or once per partition. */
  readonly func?: Uint8Array;
  readonly perRow: boolean;
  /** checkpoint: compute the rows now (else the first action that reads them does). */
  readonly eager: boolean;
}

/** Run an RDD plan (pickled blobs in, pickled blobs out). */
export interface ExecuteRddRequest {
  readonly kind: "executeRdd";
  readonly id: string;
  readonly sessionId: string;
  readonly rdd: unknown;
  readonly action: string;
}

/** spark.conf operations. */
export type ConfigOp = "set" | "get" | "unset" | "getAll";

/** spark.conf set/get/unset/getAll on the session. */
export interface ConfigRequest {
  readonly kind: "config";
  readonly id: string;
  readonly sessionId: string;
  readonly op: ConfigOp;
  readonly key?: string;
  readonly value?: string;
}

/** Cancel request `targetId` of the session. */
export interface InterruptRequest {
  readonly kind: "interrupt";
  readonly id: string;
  readonly sessionId: string;
  readonly targetId: string;
}

/** Drop the session. */
export interface ReleaseRequest {
  readonly kind: "release";
  readonly id: string;
  readonly sessionId: string;
}

/** Liveness probe. */
export interface PingRequest {
  readonly kind: "ping";
  readonly id: string;
}

/** A `spark.catalog` method (engine/catalog-api.ts) with its arguments. */
export interface CatalogRequest {
  readonly kind: "catalog";
  readonly id: string;
  readonly sessionId: string;
  readonly op: string;
  readonly args: readonly (string | StorageLevel | undefined)[];
}

/** What a `stream` request does (bridge/PROTOCOL.md, "Streaming queries"). */
export type StreamOp =
  | "start"
  | "describe"
  | "progress"
  | "awaitTermination"
  | "processAllAvailable"
  | "stop"
  | "explain"
  | "active"
  | "awaitAnyTermination"
  | "resetTerminated"
  | "eventDone";

/** The ops of a `stream` request, for the decoder. */
export const STREAM_OPS: readonly StreamOp[] = ["start", "describe", "progress", "awaitTermination", "processAllAvailable", "stop", "explain", "active", "awaitAnyTermination", "resetTerminated", "eventDone"];

/**
 * Structured Streaming: `start` runs `plan` into the sink `writer` describes and stays open
 * (streamStarted, then streamEvent per console batch or foreachBatch call, which the client
 * answers with `eventDone`, then done when the query ends); the other ops read or drive query
 * `queryId` (or the session's `spark.streams`) and answer one streamResult.
 */
export interface StreamRequest {
  readonly kind: "stream";
  readonly id: string;
  readonly sessionId: string;
  readonly op: StreamOp;
  readonly queryId?: string;
  /** start: the streaming DataFrame's plan and its writeStream settings (decoded by the handler). */
  readonly plan?: unknown;
  readonly writer?: unknown;
  /** awaitTermination / awaitAnyTermination: seconds to wait at most (absent: no limit). */
  readonly timeout?: number;
  /** explain: extended. */
  readonly extended: boolean;
  /** eventDone: the event's seq, and the client's error when handling it failed. */
  readonly seq?: number;
  readonly error?: string;
  readonly traceback?: string;
}

/** Every client → engine message. */
export type Request =
  | HandshakeRequest
  | ExecuteRequest
  | AckRequest
  | AnalyzeRequest
  | ExecuteRddRequest
  | ConfigRequest
  | InterruptRequest
  | ReleaseRequest
  | PingRequest
  | CatalogRequest
  | StreamRequest;

/** The `kind` of every request. */
export type RequestKind = Request["kind"];

/** Requests that need a session (everything but handshake and ping). */
export type SessionRequest = Exclude<Request, HandshakeRequest | PingRequest>;

const P = "message";

function sid(m: WireMap): string {
  return asString(req(m, "sessionId", P), `${P}.sessionId`);
}

/** An execute's optional `localIterator` map ({prefetchPartitions}). */
function localIteratorOf(v: unknown): Pick<ExecuteRequest, "localIterator"> {
  if (v === undefined) return {};
  const m = asMap(v, `${P}.localIterator`);
  return { localIterator: { prefetchPartitions: asBool(opt(m, "prefetchPartitions") ?? false, `${P}.localIterator.prefetchPartitions`) } };
}

/** A wire StorageLevel map ({useDisk, useMemory, useOffHeap, deserialized, replication}). */
function decodeStorageLevel(v: unknown, path: string): StorageLevel {
  if (v === undefined) return StorageLevel.MEMORY_AND_DISK_DESER;
  const m = asMap(v, path);
  const flag = (k: string): boolean => asBool(req(m, k, path), `${path}.${k}`);
  return {
    useDisk: flag("useDisk"),
    useMemory: flag("useMemory"),
    useOffHeap: flag("useOffHeap"),
    deserialized: flag("deserialized"),
    replication: asSmallInt(req(m, "replication", path), `${path}.replication`),
  };
}

function optStr(m: WireMap, key: string): string | undefined {
  const v = opt(m, key);
  return v === undefined ? undefined : asString(v, `${P}.${key}`);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  const s = asString(v, path);
  if (!(allowed as readonly string[]).includes(s)) fail(path, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(s)}`);
  return s as T;
}

type Decoder = (m: WireMap, id: string) => Request;

const DECODERS: Readonly<Record<RequestKind, Decoder>> = {
  handshake: (m, id) => {
    const confRaw = opt(m, "conf");
    const conf: Record<string, string> = {};
    if (confRaw !== undefined) {
      for (const [k, v] of Object.entries(asMap(confRaw, `${P}.conf`))) conf[k] = asString(v, `${P}.conf.${k}`);
    }
    const token = optStr(m, "token");
    const appName = optStr(m, "appName");
    const pid = opt(m, "clientPid");
    return {
      kind: "handshake",
      id,
      protocolVersion: asSmallInt(req(m, "protocolVersion", P), `${P}.protocolVersion`),
      client: optStr(m, "client") ?? "unknown",
      pythonExec: optStr(m, "pythonExec") ?? "python3",
      conf,
      ...(token === undefined ? {} : { token }),
      ...(appName === undefined ? {} : { appName }),
      ...(pid === undefined ? {} : { clientPid: asSmallInt(pid, `${P}.clientPid`) }),
    };
  },
  execute: (m, id) => ({
    kind: "execute",
    id,
    sessionId: sid(m),
    plan: req(m, "plan", P),
    format: oneOf(opt(m, "format") ?? "rows", ["rows", "arrow"], `${P}.format`),
    ...localIteratorOf(opt(m, "localIterator")),
  }),
  ack: (m, id) => ({ kind: "ack", id, sessionId: sid(m), seq: asSmallInt(req(m, "seq", P), `${P}.seq`) }),
  analyze: (m, id) => ({
    kind: "analyze",
    id,
    sessionId: sid(m),
    plan: req(m, "plan", P),
    method: oneOf(req(m, "method", P), ["schema", "treeString", "explain", "showString", "persist", "unpersist", "storageLevel", "sql", "createView", "numPartitions", "writeTable", "semanticHash", "sameSemantics", "inputFiles", "isLocal", "observation", "foreach", "checkpoint"], `${P}.method`),
    mode: optStr(m, "mode") ?? "simple",
    numRows: asSmallInt(opt(m, "numRows") ?? 20, `${P}.numRows`),
    truncate: asSmallInt(opt(m, "truncate") ?? 20, `${P}.truncate`),
    vertical: asBool(opt(m, "vertical") ?? false, `${P}.vertical`),
    storageLevel: decodeStorageLevel(opt(m, "storageLevel"), `${P}.storageLevel`),
    blocking: asBool(opt(m, "blocking") ?? false, `${P}.blocking`),
    viewName: optStr(m, "viewName") ?? "",
    global: asBool(opt(m, "global") ?? false, `${P}.global`),
    replace: asBool(opt(m, "replace") ?? false, `${P}.replace`),
    ...(opt(m, "write") === undefined ? {} : { write: opt(m, "write") }),
    ...(opt(m, "other") === undefined ? {} : { other: opt(m, "other") }),
    ...(optStr(m, "observationId") === undefined ? {} : { observationId: optStr(m, "observationId") }),
    ...funcField(opt(m, "func"), `${P}.func`),
    perRow: asBool(opt(m, "perRow") ?? false, `${P}.perRow`),
    eager: asBool(opt(m, "eager") ?? true, `${P}.eager`),
  }),
  executeRdd: (m, id) => ({
    kind: "executeRdd",
    id,
    sessionId: sid(m),
    rdd: req(m, "rdd", P),
    action: optStr(m, "action") ?? "collect",
  }),
  config: (m, id) => {
    const key = optStr(m, "key");
    const value = optStr(m, "value");
    return {
      kind: "config",
      id,
      sessionId: sid(m),
      op: oneOf(req(m, "op", P), ["set", "get", "unset", "getAll"], `${P}.op`),
      ...(key === undefined ? {} : { key }),
      ...(value === undefined ? {} : { value }),
    };
  },
  interrupt: (m, id) => ({
    kind: "interrupt",
    id,
    sessionId: sid(m),
    targetId: asString(req(m, "targetId", P), `${P}.targetId`),
  }),
  release: (m, id) => ({ kind: "release", id, sessionId: sid(m) }),
  ping: (_m, id) => ({ kind: "ping", id }),
  catalog: (m, id) => ({
    kind: "catalog",
    id,
    sessionId: sid(m),
    op: asString(req(m, "op", P), `${P}.op`),
    // strings, nil for an omitted optional argument, or a StorageLevel map (cacheTable)
    args: asList(opt(m, "args") ?? [], `${P}.args`).map((a, i) => (a === null || a === undefined ? undefined : typeof a === "string" ? a : decodeStorageLevel(a, `${P}.args[${i}]`))),
  }),
  stream: (m, id) => {
    const queryId = optStr(m, "queryId");
    const timeout = opt(m, "timeout");
    const seq = opt(m, "seq");
    const error = optStr(m, "error");
    const traceback = optStr(m, "traceback");
    return {
      kind: "stream",
      id,
      sessionId: sid(m),
      op: oneOf(req(m, "op", P), STREAM_OPS, `${P}.op`),
      ...(queryId === undefined ? {} : { queryId }),
      ...(opt(m, "plan") === undefined ? {} : { plan: opt(m, "plan") }),
      ...(opt(m, "writer") === undefined ? {} : { writer: opt(m, "writer") }),
      ...(timeout === undefined || timeout === null ? {} : { timeout: seconds(timeout, `${P}.timeout`) }),
      extended: asBool(opt(m, "extended") ?? false, `${P}.extended`),
      ...(seq === undefined ? {} : { seq: asSmallInt(seq, `${P}.seq`) }),
      ...(error === undefined ? {} : { error }),
      ...(traceback === undefined ? {} : { traceback }),
    };
  },
};

/** Every kind this decoder accepts (checked against bridge/schema/*.json). */
export const REQUEST_KINDS: readonly RequestKind[] = Object.keys(DECODERS) as RequestKind[];

/** The request id of a decoded frame, if it has a usable one (for error replies). */
export function peekId(raw: unknown): string {
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const id = (raw as WireMap)["id"];
    if (typeof id === "string") return id;
  }
  return "";
}

/** Validates a decoded frame as a request; throws InvalidPlanInput naming the bad field. */
export function decodeRequest(raw: unknown): Request {
  const m = asMap(raw, P);
  const kind = asString(req(m, "kind", P), `${P}.kind`);
  const id = asString(req(m, "id", P), `${P}.id`);
  const decoder = Object.hasOwn(DECODERS, kind) ? DECODERS[kind as RequestKind] : undefined;
  if (decoder === undefined) fail(`${P}.kind`, `unknown message kind ${JSON.stringify(kind)}`);
  return decoder(m, id);
}

/** A non-negative number of seconds (int or float). */
function seconds(v: unknown, path: string): number {
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
  if (typeof v === "bigint" && v >= 0n) return Number(v);
  return fail(path, `expected a number of seconds, got ${describe(v)}`);
}

/** An optional pickled function field (bytes). */
function funcField(v: unknown, path: string): { readonly func?: Uint8Array } {
  if (v === undefined || v === null) return {};
  if (!(v instanceof Uint8Array)) fail(path, "expected bytes");
  return { func: v };
}
