import { assertNever } from "../../errors/assert-never.js";
import { InvalidPlanInput, type SparkException } from "../../errors/spark-exception.js";
import { explainQuery, resolveSources } from "../../engine/query-engine.js";
import type { MicroBatchExecution } from "../../stream/micro-batch.js";
import type { ClientChannel, ClientEvent } from "../../stream/sinks/stream-sink.js";
import { foreachBatchFailed, startStreamingQuery, type WriteStreamSpec } from "../../stream/start-query.js";
import { decodePlan } from "../protocol/decode-plan.js";
import type { StreamRequest } from "../protocol/messages.js";
import { doneReply, errorReply } from "../protocol/replies.js";
import { asList, asMap, asString, opt, req } from "../protocol/wire-reader.js";
import type { RequestContext } from "../request-context.js";
import { runRequest, sessionContext } from "../running.js";
import type { Session } from "../sessions.js";

const P = "message.writer";

/** The wire `writer` map: {format, outputMode?, trigger{kind, interval?}, options{}, queryName?, partitionBy[]}. */
function decodeWriter(raw: unknown): WriteStreamSpec {
  const m = asMap(raw, P);
  const trig = asMap(opt(m, "trigger") ?? { kind: "default" }, `${P}.trigger`);
  const interval = opt(trig, "interval");
  const optionsRaw = asMap(opt(m, "options") ?? {}, `${P}.options`);
  const mode = opt(m, "outputMode");
  const name = opt(m, "queryName");
  return {
    format: asString(req(m, "format", P), `${P}.format`),
    outputMode: mode === undefined || mode === null ? undefined : asString(mode, `${P}.outputMode`),
    trigger: { kind: asString(req(trig, "kind", `${P}.trigger`), `${P}.trigger.kind`), ...(interval === undefined ? {} : { interval: asString(interval, `${P}.trigger.interval`) }) },
    options: Object.entries(optionsRaw).map(([k, v]) => [k, asString(v, `${P}.options.${k}`)] as const),
    queryName: name === undefined || name === null ? undefined : asString(name, `${P}.queryName`),
    partitionBy: asList(opt(m, "partitionBy") ?? [], `${P}.partitionBy`).map((c, i) => asString(c, `${P}.partitionBy[${i}]`)),
  };
}

/** A query's identity, state and last report, as the client's StreamingQuery reads them. */
function describeQuery(q: MicroBatchExecution): Record<string, unknown> {
  const recent = q.recentProgress;
  const failure = q.exception;
  return {
    id: q.id,
    runId: q.runId,
    name: q.name ?? null,
    isActive: q.isActive,
    status: failure === undefined ? q.status : { ...q.status, message: `Terminated with exception: ${failure.messageParameters["message"] ?? failure.message}` },
    lastProgress: recent[recent.length - 1] ?? null,
    exception: failure === undefined ? null : errorFields(failure),
  };
}

/** An error's wire fields (as an error reply carries them). */
function errorFields(e: SparkException): Record<string, unknown> {
  const { kind: _k, id: _i, ...fields } = errorReply("", e);
  return fields;
}

/** The events a query's client must handle, each waiting on its eventDone. */
class QueryChannel implements ClientChannel {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();

  constructor(private readonly startId: string, private readonly rc: RequestContext, private readonly signal: AbortSignal) {}

  async deliver(event: ClientEvent, batchSignal: AbortSignal): Promise<void> {
    const seq = this.seq++;
    const done = new Promise<void>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      const signal = AbortSignal.any([this.signal, batchSignal]);
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
    await this.rc.send({ kind: "streamEvent", id: this.startId, seq, event });
    try {
      await done;
    } finally {
      this.pending.delete(seq);
    }
  }

  /** The client handled event `seq` (with `error` when its function raised). */
  answer(seq: number, error: string | undefined, traceback: string | undefined): void {
    const p = this.pending.get(seq);
    if (p === undefined) return;
    if (error === undefined) p.resolve();
    else p.reject(foreachBatchFailed(error, traceback));
  }
}

/** The client ends of the session's running queries, by query id. */
const CHANNELS = new WeakMap<Session, Map<string, QueryChannel>>();

function channelsOf(session: Session): Map<string, QueryChannel> {
  let m = CHANNELS.get(session);
  if (m === undefined) {
    m = new Map();
    CHANNELS.set(session, m);
  }
  return m;
}

function queryOf(session: Session, req: StreamRequest): MicroBatchExecution {
  const id = req.queryId;
  if (id === undefined) throw new InvalidPlanInput(`stream ${req.op} needs a queryId`);
  const q = session.streams.lookup(id);
  if (q === undefined) throw new InvalidPlanInput(`no streaming query ${id} in this session`);
  return q;
}

/** Waits for `p` at most `timeout` seconds (undefined: no limit); whether it settled. */
async function within(p: Promise<void>, timeout: number | undefined, signal: AbortSignal): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<false>((resolve) => {
    if (timeout !== undefined) timer = setTimeout(() => resolve(false), timeout * 1000);
    signal.addEventListener("abort", () => resolve(false), { once: true });
  });
  try {
    return await Promise.race([p.then(() => true as const), limit]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** `start`: the query runs in the background; this request stays open as its client channel. */
async function start(req: StreamRequest, session: Session, rc: RequestContext): Promise<void> {
  await runRequest(req.id, session, rc, async ({ ctx, signal }) => {
    if (req.plan === undefined || req.writer === undefined) throw new InvalidPlanInput("stream start needs a plan and a writer");
    const plan = decodePlan(req.plan);
    const writer = decodeWriter(req.writer);
    const channel = new QueryChannel(req.id, rc, signal);
    const q = await startStreamingQuery(plan, writer, {
      ctx,
      context: (s) => sessionContext(session, rc, AbortSignal.any([s, signal])),
      channel,
      manager: session.streams,
    });
    channelsOf(session).set(q.id, channel);
    // the client going away (release, interrupt, a dead connection) stops the query
    signal.addEventListener("abort", () => void q.stop(), { once: true });
    await rc.send({ kind: "streamStarted", id: req.id, queryId: q.id, runId: q.runId, name: q.name ?? null });
    await q.terminated;
    if (channelsOf(session).get(q.id) === channel) channelsOf(session).delete(q.id);
    await rc.send(doneReply(req.id));
  });
}

function result(rc: RequestContext, id: string, value?: unknown): Promise<void> {
  return rc.send(value === undefined ? { kind: "streamResult", id } : { kind: "streamResult", id, value });
}

/** One `stream` request (see StreamRequest). */
export async function handleStream(req: StreamRequest, session: Session, rc: RequestContext): Promise<void> {
  switch (req.op) {
    case "start":
      return start(req, session, rc);
    case "describe":
      return result(rc, req.id, describeQuery(queryOf(session, req)));
    case "progress":
      return result(rc, req.id, [...queryOf(session, req).recentProgress]);
    case "awaitTermination":
      return runRequest(req.id, session, rc, async ({ signal }) => {
        const q = queryOf(session, req);
        const ended = await within(q.terminated, req.timeout, signal);
        if (ended && q.exception !== undefined) throw q.exception;
        return result(rc, req.id, ended);
      });
    case "processAllAvailable":
      return runRequest(req.id, session, rc, async ({ signal }) => {
        const q = queryOf(session, req);
        await within(q.processAllAvailable(), undefined, signal);
        if (q.exception !== undefined) throw q.exception;
        return result(rc, req.id);
      });
    case "stop":
      return runRequest(req.id, session, rc, async () => {
        await queryOf(session, req).stop();
        return result(rc, req.id);
      });
    case "explain":
      return runRequest(req.id, session, rc, async ({ ctx }) => {
        const q = queryOf(session, req);
        return result(rc, req.id, explainQuery(await resolveSources(q.explainPlan, ctx), req.extended ? "extended" : "simple", ctx));
      });
    case "active":
      return result(rc, req.id, session.streams.list().map(describeQuery));
    case "awaitAnyTermination":
      return runRequest(req.id, session, rc, async ({ signal }) => result(rc, req.id, await session.streams.awaitAny(req.timeout === undefined ? undefined : req.timeout * 1000, signal)));
    case "resetTerminated":
      session.streams.resetTerminated();
      return result(rc, req.id);
    case "eventDone": {
      const q = queryOf(session, req);
      channelsOf(session).get(q.id)?.answer(req.seq ?? -1, req.error, req.traceback);
      return result(rc, req.id);
    }
    default:
      return assertNever(req.op);
  }
}
