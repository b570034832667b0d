import type { EngineServices } from "../exec/exec-context.js";
import type { ServerEngine } from "./engine-port.js";
import type { PythonAllowList } from "./security/python-allow-list.js";
import type { Reply } from "./protocol/replies.js";
import type { SessionStore } from "./sessions.js";

/** Writes one diagnostic line (to stderr in the CLI). */
export type Logger = (line: string) => void;

/** Process-wide state every handler may use. */
export interface ServerState {
  readonly engine: ServerEngine;
  readonly services: EngineServices;
  readonly sessions: SessionStore;
  /** Auth token the handshake must present; undefined = none required. */
  readonly token: string | undefined;
  /** Interpreters sessions may run Python with; undefined = the client's own (in-process tests only). */
  readonly pythonAllowList: PythonAllowList | undefined;
  readonly log: Logger;
}

/** What a handler gets for one incoming request: who sent it and how to answer. */
export interface RequestContext {
  /** The sender's ROUTER identity, hex. */
  readonly identity: string;
  readonly state: ServerState;
  /** Sends a reply map to the sender. */
  send(reply: Reply): Promise<void>;
  /** Sends an already encoded reply (result chunks encoded straight from vectors). */
  sendEncoded(bytes: Uint8Array): Promise<void>;
}
