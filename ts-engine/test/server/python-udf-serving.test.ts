import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskEvent } from "../../src/exec/exec-context.js";
import { WorkerPool } from "../../src/exec/scheduler/worker-pool.js";
import { defaultServerEngine } from "../../src/server/default-engine.js";
import type { EngineServer } from "../../src/server/zmq-server.js";
import { pickled, testPython } from "../python/python-env.js";
import { startServer, TestClient, type Msg } from "./helpers.js";

const script = fileURLToPath(new URL("../../dist/exec/scheduler/worker-main.js", import.meta.url));
const skip = !existsSync(script) ? "needs `npm run build` (dist/exec/scheduler/worker-main.js)" : testPython.skipReason;

const attr = (name: string): unknown => ({ kind: "UnresolvedAttribute", nameParts: [name] });
const call = (name: string, ...args: unknown[]): unknown => ({ kind: "UnresolvedFunction", name, args, isDistinct: false });

/**
 * The server's main thread serves ZeroMQ while a Python UDF query runs: the client here
 * lives on that same thread, so a ping's round trip is exactly how long the thread was
 * busy elsewhere. Its UDF tasks must have run on worker threads.
 */
describe.skipIf(skip !== null)(`serving while Python UDFs run (${skip ?? testPython.exe})`, () => {
  const pool = new WorkerPool({ size: 2, script });
  const tasks: TaskEvent[] = [];
  let server: EngineServer;
  let c: TestClient;
  let sessionId: unknown;

  beforeAll(async () => {
    ({ server } = await startServer({ ...defaultServerEngine, createServices: () => ({ parallelism: 2, workerPool: pool, onTask: (e) => tasks.push(e) }) }));
    // The query takes seconds on a loaded machine; a recv waits for it rather than timing out.
    c = new TestClient(server.address, 120_000);
    const hs = await c.request({ kind: "handshake", id: "h", protocolVersion: 1, client: "vitest", pythonExec: testPython.exe });
    sessionId = hs["sessionId"];
  });

  afterAll(async () => {
    c.close();
    await server.close();
  });

  it("answers pings within milliseconds, and the BatchEvalPython tasks ran on worker threads", async () => {
    const n = 2_000_000;
    // strings both ways, so every batch costs real encoding work, all of it off this thread
    const tag = { kind: "PythonUDF", name: "tag", func: pickled("lambda s: s + '!'"), returnType: "string", args: [{ kind: "Cast", child: attr("id"), dataType: "string" }], evalType: 100, deterministic: true };
    const plan = {
      kind: "Aggregate",
      input: { kind: "Range", start: 0, end: n, step: 1, numPartitions: 2 },
      groupBy: [],
      aggs: [{ kind: "Alias", child: call("sum", call("length", tag)), name: "s" }],
    };
    await c.send({ kind: "execute", id: "q", sessionId, plan, format: "rows" });
    const seen: Msg[] = [];
    const until = async (pred: (m: Msg) => boolean): Promise<Msg> => {
      for (;;) {
        const hit = seen.find(pred);
        if (hit !== undefined) return hit;
        seen.push(await c.recv());
      }
    };
    // Ping from the moment the query is sent: starting the Python processes is worker-thread
    // work too, and on a quiet machine the whole query can finish within a second or two.
    const rtts: number[] = [];
    let i = 0;
    while (!seen.some((m) => m["id"] === "q" && (m["kind"] === "done" || m["kind"] === "error")) && rtts.length < 40) {
      const t0 = performance.now();
      await c.send({ kind: "ping", id: `p${i}` });
      await until((m) => m["kind"] === "pong" && m["id"] === `p${i}`);
      const rtt = performance.now() - t0;
      if (!seen.some((m) => m["id"] === "q" && m["kind"] !== "schema")) rtts.push(rtt);
      i++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const batch = await until((m) => m["id"] === "q" && (m["kind"] === "batch" || m["kind"] === "error"));
    expect(batch["kind"]).toBe("batch");
    let expected = 0;
    for (let k = 0; k < n; k++) expected += String(k).length + 1;
    expect(batch["columns"]).toEqual([[expected]]);
    expect(rtts.length).toBeGreaterThanOrEqual(5);
    const sorted = [...rtts].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]!, JSON.stringify(sorted)).toBeLessThan(10);
    const udfTasks = tasks.filter((t) => t.kinds.includes("BatchEvalPython"));
    expect(udfTasks.length).toBe(2);
    expect(udfTasks.every((t) => t.threadId !== 0)).toBe(true);
  }, 120_000);
});
