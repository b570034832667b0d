import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultServerEngine } from "../../src/server/default-engine.js";
import type { EngineServer } from "../../src/server/zmq-server.js";
import { startServer, TestClient, type Msg } from "./helpers.js";

/** The real engine behind the real socket: nothing mocked between the DEALER and the operators. */
describe("end to end: DEALER → server → query engine", () => {
  let server: EngineServer;
  let c: TestClient;
  let sessionId: unknown;

  beforeAll(async () => {
    ({ server } = await startServer(defaultServerEngine));
    c = new TestClient(server.address);
    sessionId = (await c.handshake())["sessionId"];
  });

  afterAll(async () => {
    c.close();
    await server.close();
  });

  async function run(id: string, plan: unknown, ackEvery = true): Promise<Msg[]> {
    await c.send({ kind: "execute", id, sessionId, plan, format: "rows" });
    const out: Msg[] = [];
    for (;;) {
      const m = await c.recv();
      out.push(m);
      if (m["kind"] === "batch" && ackEvery) await c.send({ kind: "ack", id, sessionId, seq: m["seq"] });
      if (m["kind"] === "done" || m["kind"] === "error") return out;
    }
  }

  it("executes Filter(Range) and streams acknowledged batches then done", async () => {
    const plan = {
      kind: "Filter",
      input: { kind: "Range", start: 0, end: 20_000, step: 1, numPartitions: 2 },
      condition: {
        kind: "UnresolvedFunction",
        name: ">=",
        args: [{ kind: "UnresolvedAttribute", nameParts: ["id"] }, { kind: "Literal", value: 5_000, dataType: "long" }],
        isDistinct: false,
      },
    };
    const msgs = await run("e1", plan);
    expect(msgs[0]).toMatchObject({ kind: "schema", schema: { fields: [{ name: "id", type: "long" }] } });
    const batches = msgs.filter((m) => m["kind"] === "batch");
    expect(batches.length).toBeGreaterThanOrEqual(4);
    for (const b of batches) expect(b["numRows"] as number).toBeLessThanOrEqual(4096);
    const ids = batches.flatMap((b) => (b["columns"] as number[][])[0]!);
    expect(ids.length).toBe(15_000);
    expect(new Set(ids).size).toBe(15_000);
    expect(Math.min(...ids)).toBe(5_000);
    expect(Math.max(...ids)).toBe(19_999);
    expect(msgs.at(-1)).toEqual({ kind: "done", id: "e1", numRows: 15_000 });
  });

  it("keeps longs past 2^53 exact from LocalRelation to the reply", async () => {
    const plan = {
      kind: "LocalRelation",
      schema: { type: "struct", fields: [{ name: "big", type: "long", nullable: true, metadata: {} }, { name: "x", type: "double", nullable: true, metadata: {} }] },
      rows: [[2n ** 53n + 1n, 1.5], [null, null]],
    };
    const msgs = await run("e2", plan);
    const batch = msgs.find((m) => m["kind"] === "batch")!;
    expect(batch["columns"]).toEqual([[2n ** 53n + 1n, null], [1.5, null]]);
  });

  it("reports an unresolved column as AnalysisException and keeps the session usable", async () => {
    const bad = await run("e3", { kind: "Project", input: { kind: "Range", start: 0, end: 3, step: 1 }, exprs: [{ kind: "UnresolvedAttribute", nameParts: ["nope"] }] });
    expect(bad.at(-1)).toMatchObject({ kind: "error", id: "e3", exceptionName: "AnalysisException", errorClass: "UNRESOLVED_COLUMN.WITH_SUGGESTION" });
    const ok = await run("e4", { kind: "Range", start: 0, end: 3, step: 1 });
    expect(ok.at(-1)).toEqual({ kind: "done", id: "e4", numRows: 3 });
  });

  it("answers analyze(schema) from the analyzer", async () => {
    const r = await c.request({ kind: "analyze", id: "a1", sessionId, plan: { kind: "Range", start: 0, end: 3, step: 1 }, method: "schema" });
    expect(r).toEqual({
      kind: "analyzeResult",
      id: "a1",
      schema: { type: "struct", fields: [{ name: "id", type: "long", nullable: false, metadata: {} }] },
    });
  });

  it("answers ping while a long query runs, and interrupts it", async () => {
    const plan = {
      kind: "Aggregate",
      input: { kind: "Range", start: 0, end: 5_000_000_000, step: 1 },
      groupBy: [],
      aggs: [{ kind: "UnresolvedFunction", name: "count", args: [{ kind: "Literal", value: 1, dataType: "integer" }], isDistinct: false }],
    };
    await c.send({ kind: "execute", id: "long", sessionId, plan, format: "rows" });
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await c.send({ kind: "ping", id: "p" });
    const seen: Msg[] = [];
    while (!seen.some((m) => m["kind"] === "pong")) seen.push(await c.recv());
    expect(Date.now() - t0).toBeLessThan(1000);
    await c.send({ kind: "interrupt", id: "i", sessionId, targetId: "long" });
    while (!seen.some((m) => m["id"] === "long" && m["kind"] === "error")) seen.push(await c.recv());
    expect(seen.find((m) => m["id"] === "long" && m["kind"] === "error")).toMatchObject({ errorClass: "OPERATION_CANCELED" });
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
