import { afterEach, describe, expect, it } from "vitest";
import type { ExecContext } from "../../../src/exec/exec-context.js";
import { PythonAllowList } from "../../../src/server/security/python-allow-list.js";
import { EngineServer } from "../../../src/server/zmq-server.js";
import { fakeEngine, RANGE_PLAN, TestClient } from "../helpers.js";

describe("the interpreter a session runs is the engine's choice", () => {
  let server: EngineServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
  });

  async function pythonExecOf(handshake: Record<string, unknown>): Promise<{ exec: string; logs: string[] }> {
    const seen: ExecContext[] = [];
    const logs: string[] = [];
    const base = fakeEngine(1);
    server = new EngineServer({
      host: "127.0.0.1",
      port: 0,
      log: (l) => logs.push(l),
      pythonAllowList: new PythonAllowList(["/opt/engine/python3", "/usr/bin/python3"]),
      engine: { ...base, executeQuery: (p, ctx) => (seen.push(ctx), base.executeQuery(p, ctx)) },
    });
    const c = new TestClient(await server.start());
    clients.push(c);
    const r = await c.request({ kind: "handshake", id: "h", protocolVersion: 1, client: "x", ...handshake });
    await c.send({ kind: "execute", id: "e", sessionId: r["sessionId"], plan: RANGE_PLAN });
    while ((await c.recv())["kind"] !== "done");
    return { exec: seen[0]!.pythonExec, logs };
  }

  it("runs a listed interpreter the client asks for", async () => {
    expect((await pythonExecOf({ pythonExec: "/usr/bin/python3" })).exec).toBe("/usr/bin/python3");
  });

  it("prefers spark.pyspark.python from the client's conf when listed", async () => {
    expect((await pythonExecOf({ pythonExec: "/usr/bin/python3", conf: { "spark.pyspark.python": "/opt/engine/python3" } })).exec).toBe("/opt/engine/python3");
  });

  it("never runs a binary the client names that is not listed: the engine's default instead, logged", async () => {
    const { exec, logs } = await pythonExecOf({ pythonExec: "/tmp/evil", conf: { "spark.pyspark.python": "/bin/sh" } });
    expect(exec).toBe("/opt/engine/python3");
    expect(logs.join("\n")).toContain("not in the engine's allow-list");
  });
});
