import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
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

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const proc = spawn(process.execPath, [CLI, "serve", "--host", "127.0.0.1", "--port", "0", ...args], {
    env: { ...process.env, ...env },
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
    expect((await c.handshake())["kind"]).toBe("handshakeOk");
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

  it("takes the token from TSPARK_AUTH_TOKEN and then allows a non-loopback bind", async () => {
    const s = await start(["--host", "0.0.0.0"], { TSPARK_AUTH_TOKEN: "envtok" });
    procs.push(s.proc);
    const c = new TestClient(s.address.replace("0.0.0.0", "127.0.0.1"));
    clients.push(c);
    expect((await c.handshake())["errorClass"]).toBe("AUTHENTICATION_FAILED");
    expect((await c.handshake("envtok"))["kind"]).toBe("handshakeOk");
  });
});
