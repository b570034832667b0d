import { randomUUID } from "node:crypto";
import { newSharedCatalog, SessionCatalog } from "../catalog/session-catalog.js";
import { SqlConf } from "../conf/sql-conf.js";
import { SparkException } from "../errors/spark-exception.js";
import { ObservationStore } from "../exec/observation-store.js";
import { SessionCheckpoints } from "../exec/cache/session-checkpoints.js";

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
}

/** The error a cancelled request ends with (Spark's OPERATION_CANCELED). */
export function operationCanceled(): SparkException {
  return new SparkException("SparkException", "OPERATION_CANCELED", { message: "Operation has been canceled." }, { sqlState: "HY008" });
}

/**
 * All sessions of the engine, and which client identities passed the handshake.
 * With a token configured, only authenticated identities may run anything.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly authenticated = new Set<string>();
  /** The engine's global temp views (global_temp) and databases, shared by its sessions. */
  private readonly sharedCatalog = newSharedCatalog();

  create(owner: string, pythonExec: string, conf: Readonly<Record<string, string>>): Session {
    const sqlConf = new SqlConf();
    for (const [k, v] of Object.entries(conf)) sqlConf.set(k, v);
    const session: Session = { id: randomUUID(), owner, conf: sqlConf, pythonExec, running: new Map(), catalog: new SessionCatalog(this.sharedCatalog, sqlConf), observations: new ObservationStore(), checkpoints: new SessionCheckpoints() };
    this.sessions.set(session.id, session);
    this.authenticated.add(owner);
    return session;
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
    void s.checkpoints.freeAll();
    return true;
  }

  /** Cancels everything (engine shutdown). */
  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.release(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
