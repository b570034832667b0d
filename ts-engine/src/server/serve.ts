import { isLoopbackHost } from "./auth.js";
import { defaultServerEngine } from "./default-engine.js";
import type { ServerEngine } from "./engine-port.js";
import { EngineServer } from "./zmq-server.js";

/** `tspark-engine serve` options (see cli.ts). */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly token?: string;
  readonly parentPid?: number;
  readonly engine?: ServerEngine;
  /** Idle-session timeout (EngineServerOptions.sessionTimeoutMs). */
  readonly sessionTimeoutMs?: number;
}

function logLine(line: string): void {
  process.stderr.write(`[tspark-engine] ${line}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return e instanceof Error && "code" in e && e.code === "EPERM";
  }
}

/**
 * `tspark-engine serve`: binds, prints exactly one stdout line
 * `TSPARK_ENGINE_READY tcp://host:port`, then logs to stderr only, until SIGTERM/SIGINT or
 * the parent process dies. Returns the exit code (non-zero when it refuses to start).
 */
export async function serve(opts: ServeOptions): Promise<number> {
  if (!isLoopbackHost(opts.host) && opts.token === undefined) {
    logLine(
      `refusing to bind non-loopback host ${opts.host} without an auth token: anyone who can reach the port could run code. ` +
        "Pass --token <secret> (or set TSPARK_AUTH_TOKEN), or bind 127.0.0.1.",
    );
    return 2;
  }
  const server = new EngineServer({
    host: opts.host,
    port: opts.port,
    engine: opts.engine ?? defaultServerEngine,
    log: logLine,
    ...(opts.token === undefined ? {} : { token: opts.token }),
    ...(opts.sessionTimeoutMs === undefined ? {} : { sessionTimeoutMs: opts.sessionTimeoutMs }),
  });
  // One failing query must not take every session down: a stray rejection or throw from
  // some operator's callback is logged, and the server keeps serving the other requests.
  process.on("unhandledRejection", (e) => logLine(`unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  process.on("uncaughtException", (e) => logLine(`uncaught exception: ${e.stack ?? e.message}`));
  let address: string;
  try {
    address = await server.start();
  } catch (e) {
    logLine(`cannot bind ${opts.host}:${opts.port}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  await new Promise<void>((resolve) => process.stdout.write(`TSPARK_ENGINE_READY ${address}\n`, () => resolve()));
  logLine(`serving on ${address}${opts.token === undefined ? "" : " (token required)"}`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (why: string): void => {
      if (stopping) return;
      stopping = true;
      logLine(`stopping: ${why}`);
      clearInterval(timer);
      const force = setTimeout(() => resolve(0), 3000);
      force.unref();
      void server.close().finally(() => {
        clearTimeout(force);
        resolve(0);
      });
    };
    const timer = setInterval(() => {
      if (opts.parentPid !== undefined && !isAlive(opts.parentPid)) stop(`parent process ${opts.parentPid} exited`);
      server.releaseDeadClients(isAlive);
    }, 500);
    if (opts.parentPid === undefined) timer.unref();
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
