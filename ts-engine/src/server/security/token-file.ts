import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The per-user directory where a standalone `serve` leaves its generated token
 * (TSPARK_RUNTIME_DIR, else ~/.tspark/run), created 0700: other local users can neither read a
 * token nor plant one. The Python client looks here for a loopback engine's token
 * (python/tspark/_bridge/token_file.py uses the same rule).
 */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env["TSPARK_RUNTIME_DIR"];
  return dir !== undefined && dir !== "" ? dir : join(homedir(), ".tspark", "run");
}

/** Where the engine on loopback port `port` keeps its token. */
export function tokenFilePath(port: number, env: NodeJS.ProcessEnv = process.env): string {
  return join(runtimeDir(env), `engine-${port}.token`);
}

/** A fresh random token: 32 bytes, hex. */
export function generateToken(): string {
  return randomBytes(32).toString("hex");
}

/** Writes `token` to `path` readable by its owner only (0600), in a 0700 directory. */
export function writeTokenFile(path: string, token: string): void {
  const dir = join(path, "..");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // replace, never append: a stale file from a killed engine on the same port is overwritten
  rmSync(path, { force: true });
  writeFileSync(path, `${token}\n`, { mode: 0o600, flag: "wx" });
}

/**
 * Reads a token from a file (`serve --token-file`), refusing one that group or others may read:
 * the point of a file is that the secret stays out of `ps` and out of other users' reach.
 */
export function readTokenFile(path: string): string {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new Error(`${path} is readable by other users (mode ${mode.toString(8).padStart(3, "0")}); run chmod 600 ${path}`);
  const token = readFileSync(path, "utf8").trim();
  if (token === "") throw new Error(`${path} is empty`);
  return token;
}

/** Removes the token file at shutdown (best effort: a SIGKILLed engine leaves it, and the next engine on the port replaces it). */
export function removeTokenFile(path: string): void {
  rmSync(path, { force: true });
}
