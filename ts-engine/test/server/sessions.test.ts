import { afterEach, describe, expect, it } from "vitest";
import type { ExecContext } from "../../src/exec/exec-context.js";
import { EngineServer } from "../../src/server/zmq-server.js";
import { fakeEngine, RANGE_PLAN, startServer, TestClient, type Msg } from "./helpers.js";

describe("sessions and concurrent requests", () => {
  let server: EngineServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
  });

  it("runs a session's queries with the handshake's pythonExec and conf", async () => {
    const seen: ExecContext[] = [];
    const base = fakeEngine(1);
    const s = await startServer({ ...base, executeQuery: (p, ctx) => (seen.push(ctx), base.executeQuery(p, ctx)) });
    server = s.server;
    const c = new TestClient(s.address);
    clients.push(c);
    const r = await c.request({ kind: "handshake", id: "h", protocolVersion: 1, client: "x", pythonExec: "/opt/py/bin/python3.12", conf: { "spark.sql.session.timeZone": "UTC" } });
    await c.send({ kind: "execute", id: "e", sessionId: r["sessionId"], plan: RANGE_PLAN });
    while ((await c.recv())["kind"] !== "done");
    expect(seen[0]!.pythonExec).toBe("/opt/py/bin/python3.12");
    expect(seen[0]!.conf.get("spark.sql.session.timeZone")).toBe("UTC");
  });

  it("streams two requests of one connection at once, each with its own ack window", async () => {
    const s = await startServer(fakeEngine(4096 * 6));
    server = s.server;
    const c = new TestClient(s.address);
    clients.push(c);
    const sessionId = (await c.handshake())["sessionId"];
    await c.send({ kind: "execute", id: "a", sessionId, plan: RANGE_PLAN });
    await c.send({ kind: "execute", id: "b", sessionId, plan: RANGE_PLAN });
    const rows: Record<string, number> = { a: 0, b: 0 };
    const done = new Set<string>();
    while (done.size < 2) {
      const m: Msg = await c.recv();
      const id = m["id"] as string;
      if (m["kind"] === "batch") {
        rows[id]! += m["numRows"] as number;
        await c.send({ kind: "ack", id, sessionId, seq: m["seq"] });
      }
      if (m["kind"] === "done") done.add(id);
    }
    expect(rows).toEqual({ a: 4096 * 6, b: 4096 * 6 });
  });

  it("cancels a session's running queries on release", async () => {
    const s = await startServer(fakeEngine(0, { hang: true }));
    server = s.server;
    const c = new TestClient(s.address);
    clients.push(c);
    const sessionId = (await c.handshake())["sessionId"];
    await c.send({ kind: "execute", id: "e", sessionId, plan: RANGE_PLAN });
    expect((await c.recv())["kind"]).toBe("schema");
    await c.send({ kind: "release", id: "r", sessionId });
    const replies = [await c.recv(), await c.recv()];
    expect(replies.find((m) => m["id"] === "e")).toMatchObject({ kind: "error", errorClass: "OPERATION_CANCELED" });
    expect(replies.find((m) => m["id"] === "r")).toEqual({ kind: "done", id: "r" });
  });

  it("keeps sessions of different clients apart", async () => {
    const s = await startServer(fakeEngine(1));
    server = s.server;
    const a = new TestClient(s.address);
    const b = new TestClient(s.address);
    clients.push(a, b);
    const sa = (await a.handshake())["sessionId"];
    const sb = (await b.handshake())["sessionId"];
    expect(sa).not.toBe(sb);
    await a.request({ kind: "config", id: "1", sessionId: sa, op: "set", key: "k", value: "a" });
    expect(await b.request({ kind: "config", id: "2", sessionId: sb, op: "get", key: "k" })).toEqual({ kind: "configResult", id: "2" });
  });

  it("binds a session to the identity that created it: another client cannot drive it by its id", async () => {
    const s = await startServer(fakeEngine(1));
    server = s.server;
    const owner = new TestClient(s.address);
    const other = new TestClient(s.address);
    clients.push(owner, other);
    const sid = (await owner.handshake())["sessionId"];
    await other.handshake(); // authenticated, but not the owner
    const r = await other.request({ kind: "config", id: "x1", sessionId: sid, op: "set", key: "k", value: "stolen" });
    expect(r).toMatchObject({ kind: "error", id: "x1", errorClass: "INVALID_HANDLE.SESSION_NOT_FOUND" });
    expect(await other.request({ kind: "release", id: "x2", sessionId: sid })).toMatchObject({ kind: "error", errorClass: "INVALID_HANDLE.SESSION_NOT_FOUND" });
    expect(await owner.request({ kind: "config", id: "o1", sessionId: sid, op: "get", key: "k" })).toEqual({ kind: "configResult", id: "o1" });
  });

  it("releases the sessions of a client that went silent, and keeps those of a client that pings", async () => {
    const logs: string[] = [];
    const srv = new EngineServer({ host: "127.0.0.1", port: 0, engine: fakeEngine(1), log: (l) => logs.push(l), sessionTimeoutMs: 2_000 });
    server = srv;
    const address = await srv.start();
    const silent = new TestClient(address);
    const lively = new TestClient(address);
    clients.push(silent, lively);
    const gone = (await silent.handshake())["sessionId"];
    const kept = (await lively.handshake())["sessionId"];
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await lively.request({ kind: "ping", id: `p${i}` });
    }
    expect(srv.sessionCount).toBe(1);
    expect(logs.some((l) => l.includes(`session ${String(gone)} expired`))).toBe(true);
    expect(await silent.request({ kind: "config", id: "s1", sessionId: gone, op: "get", key: "k" })).toMatchObject({ errorClass: "INVALID_HANDLE.SESSION_NOT_FOUND" });
    expect(await lively.request({ kind: "config", id: "l1", sessionId: kept, op: "get", key: "k" })).toEqual({ kind: "configResult", id: "l1" });
  });

  it("cancels what a client whose connection closed was running, within the grace, and keeps a live client's", async () => {
    const logs: string[] = [];
    const srv = new EngineServer({ host: "127.0.0.1", port: 0, engine: fakeEngine(0, { hang: true }), log: (l) => logs.push(l), disconnectGraceMs: 400 });
    server = srv;
    const address = await srv.start();
    const killed = new TestClient(address);
    const lively = new TestClient(address, 10_000);
    clients.push(lively);
    const a = (await killed.handshake())["sessionId"];
    const b = (await lively.handshake())["sessionId"];
    await killed.send({ kind: "execute", id: "k", sessionId: a, plan: RANGE_PLAN });
    expect((await killed.recv())["kind"]).toBe("schema");
    await lively.send({ kind: "execute", id: "l", sessionId: b, plan: RANGE_PLAN });
    expect((await lively.recv())["kind"]).toBe("schema");
    const closedAt = Date.now();
    killed.close();
    // the live client keeps talking (as the Python client's keepalive does) while it waits
    for (let i = 0; i < 8 && !logs.some((l) => l.includes("disconnected")); i++) {
      await new Promise((r) => setTimeout(r, 150));
      await lively.send({ kind: "ping", id: `p${i}` });
      expect((await lively.recv())["kind"]).toBe("pong");
    }
    await new Promise((r) => setTimeout(r, 600));
    const line = logs.find((l) => l.includes("disconnected and stayed silent"));
    expect(line, logs.join("\n")).toMatch(/cancelled its 1 running request/);
    expect(Date.now() - closedAt).toBeLessThan(5000);
    // the live client's query still runs: its interrupt finds it
    await lively.send({ kind: "interrupt", id: "i", sessionId: b, targetId: "l" });
    const replies = [await lively.recv(), await lively.recv()];
    expect(replies.find((m) => m["id"] === "l")).toMatchObject({ kind: "error", errorClass: "OPERATION_CANCELED" });
    expect(logs.filter((l) => l.includes("disconnected and stayed silent")).length).toBe(1);
  });
});
