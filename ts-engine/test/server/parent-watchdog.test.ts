import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WATCHDOG = fileURLToPath(new URL("../../dist/server/parent-watchdog.js", import.meta.url));

describe("the parent-pid watchdog runs off the event loop", () => {
  it("kills an engine whose event loop is blocked once its parent is gone", async () => {
    expect(existsSync(WATCHDOG), `${WATCHDOG} missing: run npm run build`).toBe(true);
    const parent = spawn("sleep", ["0.5"]);
    // the "engine": starts the watchdog, then blocks its own event loop for good
    const script = `
      const { startParentWatchdog } = await import(${JSON.stringify(WATCHDOG)});
      startParentWatchdog(${parent.pid}, () => process.stdout.write("message\\n"), 100, 1000);
      setTimeout(() => { for (;;) {} }, 50);
    `;
    const engine = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    const t0 = Date.now();
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => engine.on("exit", (_code, sig) => resolve(sig)));
    expect(signal).toBe("SIGKILL");
    // parent exits at 0.5 s, the check runs every 0.1 s, the grace is 1 s
    expect(Date.now() - t0).toBeLessThan(5000);
  }, 20_000);

  it("tells a responsive main thread, which stops cleanly before the grace period ends", async () => {
    const parent = spawn("sleep", ["0.3"]);
    const script = `
      const { startParentWatchdog } = await import(${JSON.stringify(WATCHDOG)});
      startParentWatchdog(${parent.pid}, () => { process.stdout.write("parent gone\\n"); process.exit(0); }, 100, 5000);
      setInterval(() => {}, 1000);
    `;
    const engine = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    engine.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => engine.on("exit", (c) => resolve(c)));
    expect(code).toBe(0);
    expect(out).toContain("parent gone");
  }, 20_000);
});
