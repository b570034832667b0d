import { isLoopbackHost } from "./auth.js";
import { defaultServerEngine } from "./default-engine.js";
import type { ServerEngine } from "./engine-port.js";
import { startParentWatchdog } from "./parent-watchdog.js";
import { readAllowList, readKeyPair, secretKeyPath } from "./security/curve-keys.js";
import { PythonAllowList } from "./security/python-allow-list.js";
import { generateToken, removeTokenFile, tokenFilePath, writeTokenFile } from "./security/token-file.js";
import { configureDecodeLimits, type DecodeLimits } from "./protocol/decode-limits.js";
import { EngineServer, type CurveServerOptions } from "./zmq-server.js";

/** `tspark-engine serve` options (see cli.ts). */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** The auth token; none on loopback without CURVE generates one into a 0600 file. */
  readonly token?: string;
  readonly parentPid?: number;
  readonly engine?: ServerEngine;
  /** Idle-session timeout (EngineServerOptions.sessionTimeoutMs). */
  readonly sessionTimeoutMs?: number;
  /** A key directory holding the server's pair as `server.key` (tspark-engine keys generate). */
  readonly curveKeys?: string;
  /** The file of client public keys CURVE admits (with curveKeys). */
  readonly allow?: string;
  /** Interpreters sessions may run Python with, the first the default (else PYSPARK_PYTHON, else python3). */
  readonly python?: readonly string[];
  /** Largest frame in bytes (EngineServerOptions.maxFrameBytes). */
  readonly maxFrameBytes?: number;
  /** Decode-time ceilings for partitions, local rows and nesting (protocol/decode-limits.ts). */
  readonly limits?: Partial<DecodeLimits>;
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

/** The CURVE settings of `--curve-keys DIR --allow FILE`, or a reason to refuse to start. */
function curveOptions(opts: ServeOptions): CurveServerOptions | string | undefined {
  if (opts.curveKeys === undefined) return opts.allow === undefined ? undefined : "--allow needs --curve-keys DIR (the server's key pair)";
  if (opts.allow === undefined) return "--curve-keys needs --allow FILE: the client public keys to admit (one per line; see tspark-engine keys)";
  try {
    const pair = readKeyPair(secretKeyPath(opts.curveKeys, "server"));
    const allowedClients = readAllowList(opts.allow);
    if (allowedClients.size === 0) return `${opts.allow} lists no client keys: no client could connect`;
    return { secretKey: pair.secretKey, allowedClients };
  } catch (e) {
    return `cannot load CURVE keys: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * `tspark-engine serve`: binds, prints exactly one stdout line
 * `TSPARK_ENGINE_READY tcp://host:port`, then logs to stderr only, until SIGTERM/SIGINT or
 * the parent process dies. Returns the exit code (non-zero when it refuses to start).
 * Anyone who can send a plan can run code as the engine's user, so: off loopback CURVE is required
 * (a token alone would travel in clear); on loopback without a token or CURVE a token is generated
 * and written to a 0600 file the same user's clients read (security/token-file.ts).
 */
export async function serve(opts: ServeOptions): Promise<number> {
  const curve = curveOptions(opts);
  if (typeof curve === "string") {
    logLine(curve);
    return 2;
  }
  if (!isLoopbackHost(opts.host) && curve === undefined) {
    logLine(
      `refusing to bind non-loopback host ${opts.host} without CURVE: anyone who can reach the port could run code, and an auth token would travel in clear. ` +
        "Generate keys with `tspark-engine keys generate DIR`, then pass --curve-keys DIR --allow FILE (a token may be added with TSPARK_AUTH_TOKEN), or bind 127.0.0.1.",
    );
    return 2;
  }
  if (opts.limits !== undefined) {
    try {
      configureDecodeLimits(opts.limits);
    } catch (e) {
      logLine(e instanceof Error ? e.message : String(e));
      return 2;
    }
  }
  const generated = opts.token === undefined && curve === undefined;
  const token = opts.token ?? (generated ? generateToken() : undefined);
  const python = new PythonAllowList(opts.python !== undefined && opts.python.length > 0 ? opts.python : [process.env["PYSPARK_PYTHON"] ?? "python3"]);
  const server = new EngineServer({
    host: opts.host,
    port: opts.port,
    engine: opts.engine ?? defaultServerEngine,
    log: logLine,
    pythonAllowList: python,
    ...(token === undefined ? {} : { token }),
    ...(curve === undefined ? {} : { curve }),
    ...(opts.sessionTimeoutMs === undefined ? {} : { sessionTimeoutMs: opts.sessionTimeoutMs }),
    ...(opts.maxFrameBytes === undefined ? {} : { maxFrameBytes: opts.maxFrameBytes }),
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
  let tokenFile: string | undefined;
  if (generated && token !== undefined) {
    tokenFile = tokenFilePath(Number(/:(\d+)$/.exec(address)?.[1] ?? opts.port));
    try {
      writeTokenFile(tokenFile, token);
    } catch (e) {
      logLine(`cannot write the token file ${tokenFile}: ${e instanceof Error ? e.message : String(e)}`);
      await server.close();
      return 1;
    }
  }
  await new Promise<void>((resolve) => process.stdout.write(`TSPARK_ENGINE_READY ${address}\n`, () => resolve()));
  const auth = [curve === undefined ? "" : `CURVE, ${curve.allowedClients.size} client key(s) allowed`, tokenFile !== undefined ? `token in ${tokenFile}` : token !== undefined ? "token required" : ""].filter((s) => s !== "");
  logLine(`serving on ${address}${auth.length === 0 ? "" : ` (${auth.join("; ")})`}; Python: ${python.interpreters.join(", ")}`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (why: string): void => {
      if (stopping) return;
      stopping = true;
      logLine(`stopping: ${why}`);
      clearInterval(timer);
      if (tokenFile !== undefined) removeTokenFile(tokenFile);
      const force = setTimeout(() => resolve(0), 3000);
      force.unref();
      void server.close().finally(() => {
        clearTimeout(force);
        resolve(0);
      });
    };
    const timer = setInterval(() => server.releaseDeadClients(isAlive), 500);
    timer.unref();
    if (opts.parentPid !== undefined) {
      const parentPid = opts.parentPid;
      startParentWatchdog(parentPid, () => stop(`parent process ${parentPid} exited`));
    }
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
