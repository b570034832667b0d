import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WorkerPool } from "../../../src/exec/scheduler/worker-pool.js";
import { WORKER_NICE, WORKER_NICE_ENV, workerNice } from "../../../src/exec/scheduler/worker-nice.js";

const script = fileURLToPath(new URL("../../../dist/exec/scheduler/worker-main.js", import.meta.url));

/** The nice value of each of this process's threads (Linux /proc), by thread id. */
function threadNices(): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of readdirSync("/proc/self/task")) {
    const st = readFileSync(`/proc/self/task/${t}/stat`, "utf8");
    // fields after the command name: state is field 3, nice field 19
    out.set(t, Number(st.slice(st.lastIndexOf(")") + 2).split(" ")[16]));
  }
  return out;
}

describe("worker threads' nice value", () => {
  it("is TSPARK_WORKER_NICE when it is an integer in 0–19, else the default", () => {
    expect(workerNice({})).toBe(WORKER_NICE);
    expect(workerNice({ [WORKER_NICE_ENV]: "0" })).toBe(0);
    expect(workerNice({ [WORKER_NICE_ENV]: " 19 " })).toBe(19);
    for (const bad of ["", "-1", "20", "2.5", "high"]) expect(workerNice({ [WORKER_NICE_ENV]: bad })).toBe(WORKER_NICE);
  });

  it.skipIf(!existsSync(script) || !existsSync("/proc/self/task"))("is what each worker thread of a pool runs at (needs `npm run build`)", async () => {
    const before = new Set(threadNices().keys());
    const saved = process.env[WORKER_NICE_ENV];
    // a value no other thread of the test process has
    process.env[WORKER_NICE_ENV] = "17";
    const pool = new WorkerPool({ size: 2, script });
    try {
      pool.warm();
      const deadline = Date.now() + 30_000;
      let niced: number[] = [];
      while (Date.now() < deadline) {
        niced = [...threadNices()].filter(([t, n]) => !before.has(t) && n === 17).map(([, n]) => n);
        if (niced.length >= 2) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(niced.length).toBe(2);
    } finally {
      if (saved === undefined) delete process.env[WORKER_NICE_ENV];
      else process.env[WORKER_NICE_ENV] = saved;
      await pool.close();
    }
  });
});
