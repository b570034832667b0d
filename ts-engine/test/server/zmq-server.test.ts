import { afterEach, describe, expect, it } from "vitest";
import type { EngineServer } from "../../src/server/zmq-server.js";
import { fakeEngine, startServer, TestClient } from "./helpers.js";

describe("EngineServer basics", () => {
  let server: EngineServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
  });

  async function setup(): Promise<TestClient> {
    const s = await startServer(fakeEngine());
    server = s.server;
    const c = new TestClient(s.address);
    clients.push(c);
    return c;
  }

  it("binds an ephemeral loopback port", async () => {
    await setup();
    expect(server!.address).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers a handshake with a session", async () => {
    const c = await setup();
    const r = await c.handshake();
    expect(r).toMatchObject({ kind: "handshakeOk", id: "h", sparkVersion: "4.0.1" });
    expect(typeof r["sessionId"]).toBe("string");
    expect(server!.sessionCount).toBe(1);
  });

  it("refuses a protocol version it does not speak, naming both", async () => {
    const c = await setup();
    const r = await c.request({ kind: "handshake", id: "h", protocolVersion: 99, client: "x", pythonExec: "python3" });
    expect(r).toMatchObject({ kind: "error", id: "h", errorClass: "INVALID_PLAN_INPUT" });
    expect(String(r["message"])).toContain("99");
    expect(String(r["message"])).toContain("version 1");
  });

  it("answers ping with pong before and after a handshake", async () => {
    const c = await setup();
    expect(await c.request({ kind: "ping", id: "p1" })).toEqual({ kind: "pong", id: "p1" });
    await c.handshake();
    expect(await c.request({ kind: "ping", id: "p2" })).toEqual({ kind: "pong", id: "p2" });
  });

  it("refuses session requests with an unknown session id", async () => {
    const c = await setup();
    const r = await c.request({ kind: "config", id: "c", sessionId: "nope", op: "getAll" });
    expect(r).toMatchObject({ kind: "error", id: "c", errorClass: "INVALID_HANDLE.SESSION_NOT_FOUND" });
  });

  it("sets, gets, lists and unsets session conf", async () => {
    const c = await setup();
    const sessionId = (await c.handshake())["sessionId"];
    expect(await c.request({ kind: "config", id: "1", sessionId, op: "get", key: "spark.sql.ansi.enabled" })).toEqual({
      kind: "configResult",
      id: "1",
      value: "true",
    });
    await c.request({ kind: "config", id: "2", sessionId, op: "set", key: "spark.sql.shuffle.partitions", value: "4" });
    expect((await c.request({ kind: "config", id: "3", sessionId, op: "get", key: "spark.sql.shuffle.partitions" }))["value"]).toBe("4");
    expect((await c.request({ kind: "config", id: "4", sessionId, op: "getAll" }))["pairs"]).toEqual([["spark.sql.shuffle.partitions", "4"]]);
    await c.request({ kind: "config", id: "5", sessionId, op: "unset", key: "spark.sql.shuffle.partitions" });
    expect((await c.request({ kind: "config", id: "6", sessionId, op: "get", key: "spark.sql.shuffle.partitions" }))["value"]).toBe("200");
    expect(await c.request({ kind: "config", id: "7", sessionId, op: "get", key: "no.such.key" })).toEqual({ kind: "configResult", id: "7" });
  });

  it("releases a session", async () => {
    const c = await setup();
    const sessionId = (await c.handshake())["sessionId"];
    expect(await c.request({ kind: "release", id: "r", sessionId })).toEqual({ kind: "done", id: "r" });
    expect(server!.sessionCount).toBe(0);
    expect((await c.request({ kind: "config", id: "c", sessionId, op: "getAll" }))["errorClass"]).toBe("INVALID_HANDLE.SESSION_NOT_FOUND");
  });

  it("applies handshake conf and appName to the session", async () => {
    const c = await setup();
    const r = await c.request({ kind: "handshake", id: "h", protocolVersion: 1, client: "x", pythonExec: "python3", appName: "etl", conf: { "spark.sql.ansi.enabled": "false" } });
    const sessionId = r["sessionId"];
    expect((await c.request({ kind: "config", id: "1", sessionId, op: "get", key: "spark.app.name" }))["value"]).toBe("etl");
    expect((await c.request({ kind: "config", id: "2", sessionId, op: "get", key: "spark.sql.ansi.enabled" }))["value"]).toBe("false");
  });
});
