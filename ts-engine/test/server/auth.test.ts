import { afterEach, describe, expect, it } from "vitest";
import { isLoopbackHost, tokenMatches } from "../../src/server/auth.js";
import type { EngineServer } from "../../src/server/zmq-server.js";
import { fakeEngine, RANGE_PLAN, startServer, TestClient } from "./helpers.js";

describe("auth helpers", () => {
  it("knows loopback hosts", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["0.0.0.0", "10.0.0.1", "::", "example.com", "128.0.0.1"]) expect(isLoopbackHost(h)).toBe(false);
  });

  it("compares tokens", () => {
    expect(tokenMatches(undefined, undefined)).toBe(true);
    expect(tokenMatches(undefined, "x")).toBe(true);
    expect(tokenMatches("s3cret", "s3cret")).toBe(true);
    expect(tokenMatches("s3cret", "s3cre")).toBe(false);
    expect(tokenMatches("s3cret", undefined)).toBe(false);
    expect(tokenMatches("s3cret", "")).toBe(false);
  });
});

describe("token-protected server", () => {
  let server: EngineServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
  });

  async function setup() {
    const engine = fakeEngine(3);
    const s = await startServer(engine, "s3cret");
    server = s.server;
    const c = new TestClient(s.address);
    clients.push(c);
    return { engine, c, address: s.address };
  }

  it("refuses a wrong token with AUTHENTICATION_FAILED and never reveals it", async () => {
    const { c } = await setup();
    const r = await c.handshake("wrong");
    expect(r).toMatchObject({ kind: "error", id: "h", errorClass: "AUTHENTICATION_FAILED", sqlState: "28000" });
    expect(JSON.stringify(r)).not.toContain("s3cret");
  });

  it("refuses a missing token", async () => {
    const { c } = await setup();
    expect((await c.handshake())["errorClass"]).toBe("AUTHENTICATION_FAILED");
  });

  it("executes nothing for an identity without a good handshake", async () => {
    const { c, engine, address } = await setup();
    await c.handshake("wrong");
    const r = await c.request({ kind: "execute", id: "e", sessionId: "whatever", plan: RANGE_PLAN });
    expect(r).toMatchObject({ kind: "error", id: "e", errorClass: "AUTHENTICATION_FAILED" });
    // Even a real session id stolen from another client does not help.
    const good = new TestClient(address);
    clients.push(good);
    const sessionId = (await good.handshake("s3cret"))["sessionId"];
    const stolen = await c.request({ kind: "execute", id: "e2", sessionId, plan: RANGE_PLAN });
    expect(stolen["errorClass"]).toBe("AUTHENTICATION_FAILED");
    const rdd = await c.request({ kind: "executeRdd", id: "e3", sessionId, rdd: { kind: "Parallelize", partitions: [] } });
    expect(rdd["errorClass"]).toBe("AUTHENTICATION_FAILED");
    expect(engine.executed).toHaveLength(0);
  });

  it("runs requests after a good handshake, and refuses again after a bad one", async () => {
    const { c, engine } = await setup();
    const sessionId = (await c.handshake("s3cret"))["sessionId"];
    expect((await c.request({ kind: "config", id: "c", sessionId, op: "getAll" }))["kind"]).toBe("configResult");
    await c.send({ kind: "execute", id: "e", sessionId, plan: RANGE_PLAN });
    expect((await c.recv())["kind"]).toBe("schema");
    expect((await c.recv())["kind"]).toBe("batch");
    expect(await c.recv()).toEqual({ kind: "done", id: "e", numRows: 3 });
    expect(engine.executed).toHaveLength(1);
    await c.handshake("wrong");
    expect((await c.request({ kind: "config", id: "c2", sessionId, op: "getAll" }))["errorClass"]).toBe("AUTHENTICATION_FAILED");
  });
});
