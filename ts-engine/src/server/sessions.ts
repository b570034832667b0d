import { randomUUID } from "node:crypto";
import { newSharedCatalog, SessionCatalog } from "../catalog/session-catalog.js";
import { SqlConf } from "../conf/sql-conf.js";
import { SparkException } from "../errors/spark-exception.js";
import { CacheManager } from "../exec/cache/cache-manager.js";
import { ObservationStore } from "../exec/observation-store.js";
import { SessionCheckpoints } from "../exec/cache/session-checkpoints.js";
import { ProfileStore } from "../exec/metrics/profile-store.js";
import { StreamingQueryManager } from "../stream/query-manager.js";

/** A request in flight: cancelled through its AbortController (interrupt, release, shutdown). */
export interface RunningRequest {
  readonly id: string;
  readonly controller: AbortController;
  /** Wakes the chunk sender when the client acknowledges `seq`. */
  ack(seq: number): void;
}

/** One client session: its conf, the interpreter for its Python code, its running requests. */
export interface Session {
  readonly id: string;
  /** The ROUTER identity (hex) that created the session. */
  readonly owner: string;
  readonly conf: SqlConf;
  readonly pythonExec: string;
  readonly running: Map<string, RunningRequest>;
  /** Its temp views and current database; the global temp views are the store's. */
  readonly catalog: SessionCatalog;
  /** Metrics its actions observed (df.observe), read by the client's Observation.get. */
  readonly observations: ObservationStore;
  /** Its checkpoints' saved rows, freed when it is released. */
  readonly checkpoints: SessionCheckpoints;
  /** Its frames' last profiled runs (explain formatted after an action shows their metrics). */
  readonly profiles: ProfileStore;
  /**
   * Its cached queries (df.cache/persist), freed when it is released. Per session, not per engine:
   * cache entries match on client plans, which name temp views, and one session's view `t` must
   * never answer another's query over its own `t`; clearCache and unpersist stay in the session.
   */
  readonly cache: CacheManager;
  /** The client process on this host that owns the session (handshake clientPid), when it said. */
  readonly clientPid?: number;
  /** Its streaming queries (`spark.streams`), stopped when it is released. */
  readonly streams: StreamingQueryManager;
}

/** The error a cancelled request ends with (Spark's OPERATION_CANCELED). */
export function operationCanceled(): SparkException {
  return new SparkException("SparkException", "OPERATION_CANCELED", { message: "Operation has been canceled." }, { sqlState: "HY008" });
}

/** The error a request ends with when its client's connection closed and it did not come back. */
export function clientGone(): SparkException {
  return new SparkException("SparkException", "OPERATION_CANCELED", {
    message: "The client's connection closed and it did not reconnect; its running operations were canceled.",
  }, { sqlState: "HY008" });
}

/**
 * All sessions of the engine, and which client identities passed the handshake.
 * With a token configured, only authenticated identities may run anything.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly authenticated = new Set<string>();
  /** When each identity was last heard from (any frame, pings included). */
  private readonly lastSeen = new Map<string, number>();
  /** When each identity's connection was seen to close (the ROUTER's disconnect notification). */
  private readonly droppedAt = new Map<string, number>();
  /** When some connection was last seen to close, which one unknown (the socket monitor's event). */
  private anyDroppedAt = Number.NEGATIVE_INFINITY;
  /** The engine's global temp views (global_temp) and databases, shared by its sessions. */
  private readonly sharedCatalog = newSharedCatalog();

  create(owner: string, pythonExec: string, conf: Readonly<Record<string, string>>, clientPid?: number): Session {
    const sqlConf = new SqlConf();
    for (const [k, v] of Object.entries(conf)) sqlConf.set(k, v);
    const session: Session = {
      id: randomUUID(),
      owner,
      conf: sqlConf,
      pythonExec,
      running: new Map(),
      catalog: new SessionCatalog(this.sharedCatalog, sqlConf),
      observations: new ObservationStore(),
      checkpoints: new SessionCheckpoints(),
      profiles: new ProfileStore(),
      cache: new CacheManager(),
      streams: new StreamingQueryManager(),
      ...(clientPid === undefined ? {} : { clientPid }),
    };
    this.sessions.set(session.id, session);
    this.authenticated.add(owner);
    this.lastSeen.set(owner, Date.now());
    return session;
  }

  /** Records that `identity` sent a frame: its sessions are not idle. */
  touch(identity: string, now = Date.now()): void {
    if (this.lastSeen.has(identity)) this.lastSeen.set(identity, now);
  }

  /** Milliseconds since `identity` last sent a frame; undefined for an identity without a session. */
  silentFor(identity: string, now = Date.now()): number | undefined {
    const t = this.lastSeen.get(identity);
    return t === undefined ? undefined : now - t;
  }

  /**
   * Releases the sessions of every identity silent for longer than `idleMs` (cancelling what
   * they run) and forgets the identity; returns the released session ids. A live client pings
   * every few seconds, so only clients that vanished without a release expire (Spark Connect's
   * spark.connect.session.manager.defaultSessionTimeout, 60 min by default, plays this part).
   */
  expireIdle(idleMs: number, now = Date.now()): string[] {
    const gone = new Set<string>();
    for (const [identity, t] of this.lastSeen) if (now - t > idleMs) gone.add(identity);
    if (gone.size === 0) return [];
    const released: string[] = [];
    for (const s of [...this.sessions.values()]) {
      if (gone.has(s.owner) && this.release(s.id)) released.push(s.id);
    }
    for (const identity of gone) {
      this.lastSeen.delete(identity);
      this.droppedAt.delete(identity);
      this.authenticated.delete(identity);
    }
    return released;
  }

  /** Records that `identity`'s connection closed (undefined: some connection closed, which one unknown). */
  connectionClosed(identity: string | undefined, now = Date.now()): void {
    if (identity === undefined) this.anyDroppedAt = now;
    else if (this.lastSeen.has(identity)) this.droppedAt.set(identity, now);
  }

  /**
   * Cancels what each client whose connection closed still runs, once it has sent nothing for
   * `graceMs` since (a client waiting on a request pings or acks every two seconds or so, and one
   * whose connection only blinked reconnects with the same identity and is heard from again);
   * returns those clients' identities with how many requests each lost. This frees a killed
   * remote client's streams and jobs within seconds. The sessions stay until they expire (their
   * client may reconnect).
   */
  cancelClosed(graceMs: number, now = Date.now()): [string, number][] {
    const out: [string, number][] = [];
    for (const s of this.sessions.values()) {
      if (s.running.size === 0) continue;
      const seen = this.lastSeen.get(s.owner) ?? 0;
      // a client on this host is watched by its pid instead: "some connection closed" is not about it
      const closed = Math.max(this.droppedAt.get(s.owner) ?? Number.NEGATIVE_INFINITY, s.clientPid === undefined ? this.anyDroppedAt : Number.NEGATIVE_INFINITY);
      if (closed < seen || now - closed < graceMs) continue;
      const n = s.running.size;
      for (const r of s.running.values()) r.controller.abort(clientGone());
      out.push([s.owner, n]);
    }
    for (const [identity, t] of this.droppedAt) if (now - t >= graceMs) this.droppedAt.delete(identity);
    return out;
  }

  get(sessionId: string): Session | undefined {
    return this.sessions.get(sessionId);
  }

  isAuthenticated(identity: string): boolean {
    return this.authenticated.has(identity);
  }

  /** A failed handshake revokes the identity until it presents a good token. */
  revoke(identity: string): void {
    this.authenticated.delete(identity);
  }

  /** Drops a session, cancelling whatever it still runs. */
  release(sessionId: string): boolean {
    const s = this.sessions.get(sessionId);
    if (s === undefined) return false;
    for (const r of s.running.values()) r.controller.abort(operationCanceled());
    this.sessions.delete(sessionId);
    void s.streams.stopAll();
    void s.checkpoints.freeAll().then(() => s.cache.clear());
    return true;
  }

  /**
   * Releases the sessions whose client process is gone (killed, crashed), sooner than the
   * closed connection (cancelClosed) says so, and sessions and all: a dead client's queries
   * would otherwise keep their Python workers (a never-returning UDF). Returns the released ids.
   */
  releaseDeadClients(isAlive: (pid: number) => boolean): string[] {
    const dead = [...this.sessions.values()].filter((s) => s.clientPid !== undefined && !isAlive(s.clientPid)).map((s) => s.id);
    for (const id of dead) this.release(id);
    return dead;
  }

  /** Cancels everything (engine shutdown). */
  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.release(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
