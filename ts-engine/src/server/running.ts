import type { ExecContext } from "../exec/exec-context.js";
import { toSparkException } from "../errors/spark-exception.js";
import { abortReason, ACK_TIMEOUT_MS, AckWindow, MAX_UNACKED, STREAM_SILENCE_MS } from "./flow-control.js";
import { errorReply } from "./protocol/replies.js";
import type { RequestContext } from "./request-context.js";
import type { Session } from "./sessions.js";

/** What a streaming handler body gets: the query's ExecContext and its ack window. */
export interface RunScope {
  readonly ctx: ExecContext;
  readonly window: AckWindow;
  readonly signal: AbortSignal;
}

/** An ExecContext of `session` whose work `signal` cancels (a request's, or a streaming query's batch). */
export function sessionContext(session: Session, rc: RequestContext, signal: AbortSignal): ExecContext {
  return {
    conf: session.conf,
    pythonExec: session.pythonExec,
    signal,
    // the engine's threads and Python workers, but this session's own cache (sessions.ts)
    services: rc.state.services.cache === undefined ? rc.state.services : { ...rc.state.services, cache: session.cache },
    catalog: session.catalog,
    observations: session.observations,
    checkpoints: session.checkpoints,
    profiles: session.profiles,
  };
}

/**
 * Runs `body` as a cancellable request of `session`: registers it (for interrupt and ack),
 * gives it an ExecContext with its own AbortSignal, and turns any throw into an `error`
 * reply carrying the request id. Never rejects.
 */
export async function runRequest(
  id: string,
  session: Session,
  rc: RequestContext,
  body: (scope: RunScope) => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  // a stream whose client went silent (killed, unreachable) is dropped within seconds
  let logged = false;
  const silentFor = (): number | undefined => {
    const ms = rc.state.sessions.silentFor(rc.identity);
    if (ms !== undefined && ms > STREAM_SILENCE_MS && !logged) {
      logged = true;
      rc.state.log(`request ${id}: client ${rc.identity} sent nothing for ${Math.round(ms / 1000)} s; dropping its result stream`);
    }
    return ms;
  };
  const window = new AckWindow(controller.signal, MAX_UNACKED, ACK_TIMEOUT_MS, silentFor);
  if (session.running.has(id)) {
    session.running.get(id)?.controller.abort();
  }
  session.running.set(id, { id, controller, ack: (seq) => window.ack(seq) });
  const ctx = sessionContext(session, rc, controller.signal);
  try {
    await body({ ctx, window, signal: controller.signal });
  } catch (e) {
    const err = toSparkException(controller.signal.aborted ? abortReason(controller.signal) : e);
    await rc.send(errorReply(id, err)).catch(() => undefined);
  } finally {
    if (session.running.get(id)?.controller === controller) session.running.delete(id);
    controller.abort();
  }
}

/**
 * Iterates `source`, but stops as soon as `signal` aborts even if the source is stuck
 * waiting (a long partition); the source's `return()` is called so it can clean up.
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let aborted: (() => void) | undefined;
  const abortP = new Promise<"aborted">((resolve) => {
    aborted = () => resolve("aborted");
    signal.addEventListener("abort", aborted, { once: true });
  });
  try {
    for (;;) {
      if (signal.aborted) throw abortReason(signal);
      const next = await Promise.race([it.next(), abortP]);
      if (next === "aborted") throw abortReason(signal);
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    if (aborted !== undefined) signal.removeEventListener("abort", aborted);
    void Promise.resolve(it.return?.()).catch(() => undefined);
  }
}
