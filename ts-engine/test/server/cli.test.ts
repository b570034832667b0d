import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./helpers.js";

const ENGINE_DIR = fileURLToPath(new URL("../..", import.meta.url));
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** Runs the built CLI (`npm test` builds first; a bare vitest run builds it here). */
beforeAll(() => {
  if (!existsSync(CLI)) spawnSync(process.execPath, [fileURLToPath(new URL("../../../node_modules/typescript/bin/tsc", import.meta.url)), "-p", "tsconfig.json"], { cwd: ENGINE_DIR });
  expect(existsSync(CLI), `${CLI} missing: run npm run build`).toBe(true);
}, 120_000);

interface Started {
  readonly proc: ChildProcess;
  readonly address: string;
  readonly stdout: string[];
  readonly exited: Promise<number | null>;
}

/** Where these tests' engines write generated tokens (never the user's ~/.tspark/run). */
const RUNTIME_DIR = join(mkdtempSync(join(tmpdir(), "tspark-cli-test-")), "run");

/** The token a loopback serve generated for the engine at `address`. */
function generatedToken(address: string): string {
  return readFileSync(join(RUNTIME_DIR, `engine-${/:(\d+)$/.exec(address)![1]}.token`), "utf8").trim();
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const proc = spawn(process.execPath, [CLI, "serve", "--host", "127.0.0.1", "--port", "0", ...args], {
    env: { ...process.env, TSPARK_RUNTIME_DIR: RUNTIME_DIR, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buf = "";
    proc.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const l of lines) {
        stdout.push(l);
        const m = /^TSPARK_ENGINE_READY (tcp:\/\/\S+)$/.exec(l);
        if (m) resolve({ proc, address: m[1]!, stdout, exited });
      }
    });
    proc.on("exit", (code) => reject(new Error(`engine exited early with ${code}`)));
  });
}

describe("tspark-engine CLI", () => {
  const procs: ChildProcess[] = [];
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    for (const p of procs.splice(0)) if (p.exitCode === null) p.kill("SIGKILL");
  });

  it("prints its version", () => {
    const r = spawnSync(process.execPath, [CLI, "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const sub = spawnSync(process.execPath, [CLI, "version"], { encoding: "utf8" });
    expect(sub.stdout).toBe(r.stdout);
  });

  it("refuses a non-loopback host without a token, saying why", () => {
    const r = spawnSync(process.execPath, [CLI, "serve", "--host", "0.0.0.0", "--port", "0"], { encoding: "utf8", env: { ...process.env, TSPARK_AUTH_TOKEN: "" } });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.toLowerCase()).toContain("token");
  });

  it("prints exactly one READY line on stdout, serves, and exits on SIGTERM", async () => {
    const s = await start([]);
    procs.push(s.proc);
    const c = new TestClient(s.address);
    clients.push(c);
    expect((await c.handshake(generatedToken(s.address)))["kind"]).toBe("handshakeOk");
    s.proc.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    expect(s.stdout).toEqual([`TSPARK_ENGINE_READY ${s.address}`]);
  });

  it("exits when its parent process dies", async () => {
    const parent = spawn("sleep", ["1"]);
    const s = await start(["--parent-pid", String(parent.pid)]);
    procs.push(s.proc, parent);
    const t0 = Date.now();
    expect(await s.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("takes the token from TSPARK_AUTH_TOKEN", async () => {
    const s = await start([], { TSPARK_AUTH_TOKEN: "envtok" });
    procs.push(s.proc);
    const c = new TestClient(s.address);
    clients.push(c);
    expect((await c.handshake())["errorClass"]).toBe("AUTHENTICATION_FAILED");
    expect((await c.handshake("envtok"))["kind"]).toBe("handshakeOk");
  });

  it("refuses a non-loopback bind with a token but no CURVE: the token would travel in clear", () => {
    const r = spawnSync(process.execPath, [CLI, "serve", "--host", "0.0.0.0", "--port", "0"], { encoding: "utf8", env: { ...process.env, TSPARK_AUTH_TOKEN: "envtok" } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--curve-keys");
  });

  it("generates a token on loopback into a 0600 file in a 0700 directory, and removes it at exit", async () => {
    const s = await start([]);
    procs.push(s.proc);
    const path = join(RUNTIME_DIR, `engine-${/:(\d+)$/.exec(s.address)![1]}.token`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(RUNTIME_DIR).mode & 0o777).toBe(0o700);
    const token = generatedToken(s.address);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const c = new TestClient(s.address);
    clients.push(c);
    expect((await c.handshake())["errorClass"]).toBe("AUTHENTICATION_FAILED");
    expect((await c.handshake(token))["kind"]).toBe("handshakeOk");
    s.proc.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    expect(existsSync(path)).toBe(false);
  });

  it("reads --token-file, refusing one other users can read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tspark-token-"));
    const file = join(dir, "tok");
    const { writeFileSync, chmodSync } = await import("node:fs");
    writeFileSync(file, "filetok\n", { mode: 0o644 });
    chmodSync(file, 0o644);
    const loose = spawnSync(process.execPath, [CLI, "serve", "--port", "0", "--token-file", file], { encoding: "utf8" });
    expect(loose.status).toBe(2);
    expect(loose.stderr).toContain("chmod 600");
    chmodSync(file, 0o600);
    const s = await start(["--token-file", file]);
    procs.push(s.proc);
    const c = new TestClient(s.address);
    clients.push(c);
    expect((await c.handshake("nope"))["errorClass"]).toBe("AUTHENTICATION_FAILED");
    expect((await c.handshake("filetok"))["kind"]).toBe("handshakeOk");
  });

  it("keys generate writes a 0600 pair and a public file; keys list shows it", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "tspark-keys-")), "keys");
    const g = spawnSync(process.execPath, [CLI, "keys", "generate", dir, "--name", "alice"], { encoding: "utf8" });
    expect(g.status).toBe(0);
    const pub = /^public-key = (\S{40})$/m.exec(g.stdout)![1]!;
    expect(statSync(join(dir, "alice.key")).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(dir, "alice.pub"), "utf8")).toContain(pub);
    expect(readFileSync(join(dir, "alice.key"), "utf8")).toMatch(/secret-key = \S{40}/);
    const again = spawnSync(process.execPath, [CLI, "keys", "generate", dir, "--name", "alice"], { encoding: "utf8" });
    expect(again.status).not.toBe(0);
    const l = spawnSync(process.execPath, [CLI, "keys", "list", dir], { encoding: "utf8" });
    expect(l.stdout.trim()).toBe(`alice\t${pub}\tpair`);
  });
});
