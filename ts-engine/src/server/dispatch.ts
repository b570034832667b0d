import { SparkException, toSparkException } from "../errors/spark-exception.js";
import { handleAck } from "./handlers/ack.js";
import { handleAnalyze } from "./handlers/analyze.js";
import { handleConfig } from "./handlers/config.js";
import { handleExecuteRdd } from "./handlers/execute-rdd.js";
import { handleExecute } from "./handlers/execute.js";
import { authenticationFailed, handleHandshake } from "./handlers/handshake.js";
import { handleInterrupt } from "./handlers/interrupt.js";
import { handlePing } from "./handlers/ping.js";
import { handleRelease } from "./handlers/release.js";
import { handleCatalog } from "./handlers/catalog.js";
import { handleStream } from "./handlers/stream.js";
import type { Request, SessionRequest } from "./protocol/messages.js";
import { errorReply } from "./protocol/replies.js";
import type { RequestContext } from "./request-context.js";
import type { Session } from "./sessions.js";

type SessionHandlers = {
  readonly [K in SessionRequest["kind"]]: (req: Extract<SessionRequest, { kind: K }>, s: Session, rc: RequestContext) => Promise<void>;
};

const SESSION_HANDLERS: SessionHandlers = {
  execute: handleExecute,
  ack: (req, s) => handleAck(req, s),
  analyze: handleAnalyze,
  executeRdd: handleExecuteRdd,
  config: handleConfig,
  interrupt: handleInterrupt,
  release: handleRelease,
  catalog: handleCatalog,
  stream: handleStream,
};

function sessionNotFound(handle: string): SparkException {
  return new SparkException("SparkConnectGrpcException", "INVALID_HANDLE.SESSION_NOT_FOUND", { handle: `\`${handle}\`` });
}

function runSessionRequest<K extends SessionRequest["kind"]>(req: Extract<SessionRequest, { kind: K }>, s: Session, rc: RequestContext): Promise<void> {
  const handler = SESSION_HANDLERS[req.kind as K];
  return handler(req, s, rc);
}

async function route(req: Request, rc: RequestContext): Promise<void> {
  switch (req.kind) {
    case "handshake":
      return handleHandshake(req, rc);
    case "ping":
      return handlePing(req, rc);
    default: {
      const { sessions, token } = rc.state;
      // With a token, nothing runs for an identity that has not passed a good handshake.
      if (token !== undefined && !sessions.isAuthenticated(rc.identity)) throw authenticationFailed();
      const session = sessions.get(req.sessionId);
      // a session belongs to the identity that created it: another client, authenticated or not,
      // cannot drive it by its id (Spark Connect binds sessions to their user the same way)
      if (session === undefined || session.owner !== rc.identity) {
        if (req.kind === "ack") return; // a late ack after release is harmless
        throw sessionNotFound(req.sessionId);
      }
      return runSessionRequest(req, session, rc);
    }
  }
}

/**
 * Routes one decoded request to its handler. Whatever a handler throws becomes an `error`
 * reply carrying the request id; dispatch itself never rejects, so one bad request can
 * never take the server down.
 */
export async function dispatch(req: Request, rc: RequestContext): Promise<void> {
  try {
    await route(req, rc);
  } catch (e) {
    const err = toSparkException(e);
    if (err.errorClass === "INTERNAL_ERROR") rc.state.log(`request ${req.id} (${req.kind}) failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    await rc.send(errorReply(req.id, err)).catch((sendErr: unknown) => rc.state.log(`could not send error reply: ${String(sendErr)}`));
  }
}
