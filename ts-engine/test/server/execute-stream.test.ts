import { tableFromIPC } from "apache-arrow";
import { afterEach, describe, expect, it } from "vitest";
import type { ServerEngine } from "../../src/server/engine-port.js";
import type { EngineServer } from "../../src/server/zmq-server.js";
import { fakeEngine, RANGE_PLAN, startServer, TestClient, type Msg } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("execute streaming", () => {
  let server: EngineServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
  });

  async function setup(engine: ServerEngine): Promise<{ c: TestClient; sessionId: unknown }> {
    const s = await startServer(engine);
    server = s.server;
    const c = new TestClient(s.address);
    clients.push(c);
    const sessionId = (await c.handshake())["sessionId"];
    return { c, sessionId };
  }

  /** Receives until a terminal reply, acking every chunk. */
  async function collect(c: TestClient, sessionId: unknown, id: string): Promise<Msg[]> {
    const out: Msg[] = [];
    for (;;) {
      const m = await c.recv();
      out.push(m);
      if (m["kind"] === "batch" || m["kind"] === "arrowBatch" || m["kind"] === "rddBatch") await c.send({ kind: "ack", id, sessionId, seq: m["seq"] });
      if (m["kind"] === "done" || m["kind"] === "error") return out;
    }
  }

  it("streams schema, chunks of at most 4096 rows in order, then done", async () => {
    const { c, sessionId } = await setup(fakeEngine(10_000, { batchRows: 3000 }));
    await c.send({ kind: "execute", id: "e", sessionId, plan: RANGE_PLAN, format: "rows" });
    const msgs = await collect(c, sessionId, "e");
    expect(msgs[0]).toEqual({
      kind: "schema",
      id: "e",
      schema: { type: "struct", fields: [{ name: "id", type: "long", nullable: false, metadata: {} }] },
    });
    const batches = msgs.filter((m) => m["kind"] === "batch");
    expect(batches.map((b) => b["numRows"])).toEqual([4096, 4096, 1808]);
    expect(batches.map((b) => b["seq"])).toEqual([0, 1, 2]);
    const ids = batches.flatMap((b) => (b["columns"] as unknown[][])[0]!);
    expect(ids).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(msgs.at(-1)).toEqual({ kind: "done", id: "e", numRows: 10_000 });
  });

  it("keeps at most 4 chunks unacknowledged, and answers ping meanwhile", async () => {
    const { c, sessionId } = await setup(fakeEngine(4096 * 10));
    await c.send({ kind: "execute", id: "e", sessionId, plan: RANGE_PLAN });
    expect((await c.recv())["kind"]).toBe("schema");
    const got: Msg[] = [];
    for (let i = 0; i < 4; i++) got.push(await c.recv());
    await sleep(300);
    await c.send({ kind: "ping", id: "p" });
    // The 5th chunk must not have been sent: the next message is the pong.
    expect(await c.recv()).toEqual({ kind: "pong", id: "p" });
    expect(got.map((m) => m["seq"])).toEqual([0, 1, 2, 3]);
    await c.send({ kind: "ack", id: "e", sessionId, seq: 1 }); // cumulative: frees two slots
    expect((await c.recv())["seq"]).toBe(4);
    expect((await c.recv())["seq"]).toBe(5);
    await c.send({ kind: "ping", id: "p2" });
    expect(await c.recv()).toEqual({ kind: "pong", id: "p2" });
    await c.send({ kind: "ack", id: "e", sessionId, seq: 5 });
    const rest = await collect(c, sessionId, "e");
    expect(rest.at(-1)).toEqual({ kind: "done", id: "e", numRows: 4096 * 10 });
  });

  it("interrupts a running query with OPERATION_CANCELED", async () => {
    const { c, sessionId } = await setup(fakeEngine(0, { hang: true }));
    await c.send({ kind: "execute", id: "e", sessionId, plan: RANGE_PLAN });
    expect((await c.recv())["kind"]).toBe("schema");
    await c.send({ kind: "interrupt", id: "i", sessionId, targetId: "e" });
    const replies = [await c.recv(), await c.recv()];
    const err = replies.find((m) => m["id"] === "e");
    expect(err).toMatchObject({ kind: "error", errorClass: "OPERATION_CANCELED", sqlState: "HY008" });
    expect(replies.find((m) => m["id"] === "i")).toEqual({ kind: "done", id: "i" });
    expect(await c.request({ kind: "ping", id: "p" })).toEqual({ kind: "pong", id: "p" });
  });

  it("turns a throwing engine into an error reply and keeps serving", async () => {
    const { c, sessionId } = await setup(fakeEngine(5));
    const r = await c.request({ kind: "execute", id: "boom", sessionId, plan: { kind: "Limit", input: RANGE_PLAN, n: 13 } });
    expect(r).toMatchObject({ kind: "error", id: "boom", errorClass: "INTERNAL_ERROR", exceptionName: "SparkRuntimeException" });
    expect(String(r["message"])).toContain("boom from a handler");
    await c.send({ kind: "execute", id: "ok", sessionId, plan: RANGE_PLAN });
    expect((await collect(c, sessionId, "ok")).at(-1)).toEqual({ kind: "done", id: "ok", numRows: 5 });
  });

  it("sends Arrow IPC chunks for format arrow", async () => {
    const { c, sessionId } = await setup(fakeEngine(70000));
    await c.send({ kind: "execute", id: "a", sessionId, plan: RANGE_PLAN, format: "arrow" });
    const msgs = await collect(c, sessionId, "a");
    const chunks = msgs.filter((m) => m["kind"] === "arrowBatch");
    // Arrow chunks are larger than row chunks (65536 rows) to cut per-stream overhead.
    expect(chunks.map((m) => m["numRows"])).toEqual([65536, 4464]);
    const ids = chunks.flatMap((m) => [...tableFromIPC(m["ipc"] as Uint8Array).getChild("id")!.toArray()] as bigint[]);
    expect(ids.length).toBe(70000);
    expect(ids[69999]).toBe(69999n);
  });

  it("streams RDD blobs and ends with done", async () => {
    const { c, sessionId } = await setup(fakeEngine());
    await c.send({ kind: "executeRdd", id: "r", sessionId, rdd: { kind: "Parallelize", partitions: [] }, action: "collect" });
    const msgs = await collect(c, sessionId, "r");
    expect(msgs.map((m) => m["kind"])).toEqual(["rddBatch", "rddBatch", "done"]);
    expect([...(msgs[0]!["blob"] as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it("answers analyze methods", async () => {
    const { c, sessionId } = await setup(fakeEngine());
    const schema = await c.request({ kind: "analyze", id: "s", sessionId, plan: RANGE_PLAN, method: "schema" });
    expect(schema).toMatchObject({ kind: "analyzeResult", id: "s", schema: { type: "struct" } });
    const tree = await c.request({ kind: "analyze", id: "t", sessionId, plan: RANGE_PLAN, method: "treeString" });
    expect(tree["text"]).toContain("|-- id: long");
    const ex = await c.request({ kind: "analyze", id: "x", sessionId, plan: RANGE_PLAN, method: "explain", mode: "extended" });
    expect(ex["text"]).toContain("(extended)");
    const bad = await c.request({ kind: "analyze", id: "y", sessionId, plan: RANGE_PLAN, method: "explain", mode: "weird" });
    expect(bad["errorClass"]).toBe("INVALID_PLAN_INPUT");
    const show = await c.request({ kind: "analyze", id: "z", sessionId, plan: RANGE_PLAN, method: "showString", numRows: 5 });
    expect(show["text"]).toContain("| id|");
  });
});
