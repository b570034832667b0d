import { Context, Router } from "zeromq";
import { InvalidPlanInput, toSparkException } from "../errors/spark-exception.js";
import { dispatch } from "./dispatch.js";
import type { ServerEngine } from "./engine-port.js";
import { decodeRequest, peekId } from "./protocol/messages.js";
import { checkFrameDepth, decodeMsgpack, peekFrameId } from "./protocol/msgpack-decode.js";
import { encodeMsgpack } from "./protocol/msgpack-writer.js";
import { errorReply, type Reply } from "./protocol/replies.js";
import type { Logger, RequestContext, ServerState } from "./request-context.js";
import { LogThrottle } from "./log-throttle.js";
import { SessionStore } from "./sessions.js";
import type { PythonAllowList } from "./security/python-allow-list.js";
import { ZapHandler } from "./security/zap-handler.js";

/** CURVE for the server socket: its secret key and the client public keys (Z85) it admits. */
export interface CurveServerOptions {
  readonly secretKey: string;
  readonly allowedClients: ReadonlySet<string>;
}

/** Where to bind, the token handshakes must present, and the engine to serve. */
export interface EngineServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly token?: string;
  readonly engine: ServerEngine;
  readonly log?: Logger;
  /**
   * Sessions whose client sent nothing (not even a ping) for this long are released; default
   * 60 minutes, as Spark Connect's spark.connect.session.manager.defaultSessionTimeout.
   */
  readonly sessionTimeoutMs?: number;
  /** Encrypt and authenticate every connection with CURVE, admitting only the listed client keys. */
  readonly curve?: CurveServerOptions;
  /** The interpreters sessions may run Python with; without it the client's own (in-process tests). */
  readonly pythonAllowList?: PythonAllowList;
  /** Largest frame accepted at all (ZMQ_MAXMSGSIZE: the peer is disconnected); default 1 GiB. */
  readonly maxFrameBytes?: number;
  /** How long a client whose connection closed may stay silent before what it runs is cancelled; default DISCONNECT_GRACE_MS. */
  readonly disconnectGraceMs?: number;
}

/** Default ceiling on any one frame: larger local relations must go through files. */
export const DEFAULT_MAX_FRAME_BYTES = 1 << 30;

/**
 * The largest frame an identity may send before its handshake succeeded: a handshake or a ping is
 * a few hundred bytes, so an unauthenticated peer never gets a large frame decoded.
 */
export const PRE_HANDSHAKE_MAX_FRAME_BYTES = 64 * 1024;

/** Spark Connect's default idle-session timeout. */
export const DEFAULT_SESSION_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * How long a client whose connection closed may stay silent before its streams and jobs are
 * cancelled: a live client waiting on a request pings or acks every two seconds at most (the
 * Python client's keepalive), and a connection that only blinked comes back within a ZeroMQ
 * reconnect interval.
 */
export const DISCONNECT_GRACE_MS = 3000;

/** libzmq's ZMQ_ROUTER_NOTIFY socket option and its ZMQ_NOTIFY_DISCONNECT flag. */
const ZMQ_ROUTER_NOTIFY = 97;
const ZMQ_NOTIFY_DISCONNECT = 2;

/** A ROUTER that can report which peer disconnected. */
class NotifyingRouter extends Router {
  /**
   * Asks for ZMQ_ROUTER_NOTIFY: an empty message from a peer's routing id when its connection
   * closes. A libzmq built without its draft API refuses the option: false then.
   */
  notifyDisconnects(): boolean {
    try {
      this.setInt32Option(ZMQ_ROUTER_NOTIFY, ZMQ_NOTIFY_DISCONNECT);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The engine's ZeroMQ ROUTER (bridge/PROTOCOL.md): one frame per message after the
 * identity, msgpack maps. Every frame is handled on its own task, so pings and acks are
 * answered while queries stream; frames that cannot be decoded get an `error` reply with
 * id "" and the server keeps serving.
 */
export class EngineServer {
  private readonly router: NotifyingRouter;
  /** Whether the ROUTER names the peer of each closed connection (else the socket monitor says only that one closed). */
  private readonly notifies: boolean;
  private readonly zap: ZapHandler | undefined;
  private readonly state: ServerState;
  private sendChain: Promise<void> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private closed = false;
  private expiry: ReturnType<typeof setInterval> | undefined;
  private reaper: ReturnType<typeof setInterval> | undefined;
  /** Bad frames are logged, but a flood of them only a few lines per window. */
  private readonly badFrameLog: LogThrottle;

  constructor(private readonly opts: EngineServerOptions) {
    const log = opts.log ?? (() => undefined);
    this.state = {
      engine: opts.engine,
      services: opts.engine.createServices(),
      sessions: new SessionStore(),
      token: opts.token,
      pythonAllowList: opts.pythonAllowList,
      log,
    };
    this.badFrameLog = new LogThrottle(this.state.log);
    const maxMessageSize = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    if (opts.curve === undefined) {
      this.router = new NotifyingRouter({ linger: 0, maxMessageSize });
      this.zap = undefined;
    } else {
      // A context of its own: libzmq allows one ZAP handler per context, and this one must answer
      // for this socket only (tests run several servers in one process).
      const context = new Context();
      this.zap = new ZapHandler(context, opts.curve.allowedClients, log);
      this.router = new NotifyingRouter({ context, linger: 0, maxMessageSize, curveServer: true, curveSecretKey: opts.curve.secretKey, zapDomain: "tspark" });
    }
    this.notifies = this.router.notifyDisconnects();
  }

  /** Binds and starts serving; resolves to the bound address `tcp://host:port`. */
  async start(): Promise<string> {
    const host = this.opts.host.includes(":") ? `[${this.opts.host}]` : this.opts.host;
    // the ZAP handler first: a CURVE socket with no handler bound admits every client key
    await this.zap?.start();
    await this.router.bind(`tcp://${host}:${this.opts.port === 0 ? "*" : String(this.opts.port)}`);
    this.loop = this.receiveLoop();
    const idleMs = this.opts.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    this.expiry = setInterval(() => {
      for (const id of this.state.sessions.expireIdle(idleMs)) this.state.log(`session ${id} expired: its client was silent for more than ${Math.round(idleMs / 1000)} s`);
    }, Math.min(60_000, Math.max(50, idleMs / 4)));
    this.expiry.unref();
    if (!this.notifies) void this.watchDisconnects();
    const graceMs = this.opts.disconnectGraceMs ?? DISCONNECT_GRACE_MS;
    this.reaper = setInterval(() => {
      for (const [identity, n] of this.state.sessions.cancelClosed(graceMs)) {
        this.state.log(`client ${identity} disconnected and stayed silent for ${graceMs / 1000} s: cancelled its ${n} running request(s)`);
      }
    }, Math.max(50, Math.min(500, graceMs / 4)));
    this.reaper.unref();
    return this.address;
  }

  /** The bound endpoint, e.g. `tcp://127.0.0.1:40123`. */
  get address(): string {
    return this.router.lastEndpoint ?? "";
  }

  /** Ends the sessions of clients on this host whose process is gone (cancelling their queries); returns how many. */
  releaseDeadClients(isAlive: (pid: number) => boolean): number {
    const dead = this.state.sessions.releaseDeadClients(isAlive);
    for (const id of dead) this.state.log(`session ${id} released: its client process is gone`);
    return dead.length;
  }

  /** Number of open sessions (for tests and diagnostics). */
  get sessionCount(): number {
    return this.state.sessions.size;
  }

  /** Cancels all running requests and closes the socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.expiry !== undefined) clearInterval(this.expiry);
    if (this.reaper !== undefined) clearInterval(this.reaper);
    this.state.sessions.closeAll();
    await this.sendChain.catch(() => undefined);
    this.router.close();
    await this.loop?.catch(() => undefined);
    await this.zap?.close();
    // Python workers and worker threads are ours to stop; a stuck one must not hold up exit.
    const { python, workerPool } = this.state.services;
    await Promise.race([
      Promise.allSettled([python?.close(), workerPool?.close()]),
      new Promise((resolve) => setTimeout(resolve, 2000).unref()),
    ]);
  }

  /** zeromq allows one send in progress per socket: queue them. */
  private sendFrame(identity: Buffer, bytes: Uint8Array): Promise<void> {
    const p = this.sendChain.then(async () => {
      if (!this.closed) await this.router.send([identity, bytes]);
    });
    this.sendChain = p.catch((e: unknown) => this.state.log(`send failed: ${String(e)}`));
    return p;
  }

  /** Without ROUTER_NOTIFY: the socket monitor's disconnect events, which name no peer. */
  private async watchDisconnects(): Promise<void> {
    try {
      for await (const event of this.router.events) {
        if (event.type === "disconnect") this.state.sessions.connectionClosed(undefined);
      }
    } catch (e) {
      if (!this.closed) this.state.log(`socket monitor ended: ${String(e)}`);
    }
  }

  private async receiveLoop(): Promise<void> {
    try {
      for await (const frames of this.router) {
        const [identity, ...body] = frames;
        if (identity === undefined) continue;
        this.onFrames(identity, body);
      }
    } catch (e) {
      if (!this.closed) this.state.log(`receive loop ended: ${String(e)}`);
    }
  }

  private onFrames(identity: Buffer, body: readonly Buffer[]): void {
    const rc: RequestContext = {
      identity: identity.toString("hex"),
      state: this.state,
      send: (reply: Reply) => this.sendFrame(identity, encodeMsgpack(reply)),
      sendEncoded: (bytes: Uint8Array) => this.sendFrame(identity, bytes),
    };
    let id = "";
    if (this.notifies && body.length === 1 && body[0]!.length === 0) {
      // ROUTER_NOTIFY: this peer's connection closed. A live peer that sent an empty frame looks
      // the same: it gets the bad frame's error (a reply to a closed peer is dropped), unlogged.
      this.state.sessions.connectionClosed(rc.identity);
      rc.send(errorReply("", toSparkException(new InvalidPlanInput("undecodable frame: an empty frame")))).catch(() => undefined);
      return;
    }
    this.state.sessions.touch(rc.identity);
    try {
      if (body.length !== 1) throw new InvalidPlanInput(`expected one frame per message, got ${body.length}`);
      const frame = body[0]!;
      if (frame.length > PRE_HANDSHAKE_MAX_FRAME_BYTES && !this.state.sessions.isAuthenticated(rc.identity)) {
        throw new InvalidPlanInput(`a ${frame.length}-byte frame before a successful handshake; the limit before authentication is ${PRE_HANDSHAKE_MAX_FRAME_BYTES} bytes`);
      }
      try {
        checkFrameDepth(frame);
      } catch (e) {
        id = peekFrameId(frame);
        throw e;
      }
      const raw = decodeMsgpack(frame);
      id = peekId(raw);
      const req = decodeRequest(raw);
      void dispatch(req, rc);
    } catch (e) {
      const err = e instanceof InvalidPlanInput ? e : new InvalidPlanInput(`undecodable frame: ${e instanceof Error ? e.message : String(e)}`);
      this.badFrameLog.write(`bad frame from ${rc.identity}: ${err.message}`);
      rc.send(errorReply(id, toSparkException(err))).catch(() => undefined);
    }
  }
}
