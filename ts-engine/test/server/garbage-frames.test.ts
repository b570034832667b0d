import { afterEach, describe, expect, it } from "vitest";
import { encodeMsgpack } from "../../src/server/protocol/msgpack-writer.js";
import type { EngineServer } from "../../src/server/zmq-server.js";
import { FuzzRandom, FUZZ_SEED, withFuzzSeed } from "../fuzz-seed.js";
import { fakeEngine, startServer, TestClient } from "./helpers.js";

describe("garbage frames", () => {
  let server: EngineServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
  });

  async function setup(): Promise<{ bad: TestClient; good: TestClient; engine: ReturnType<typeof fakeEngine> }> {
    const engine = fakeEngine();
    const s = await startServer(engine);
    server = s.server;
    const bad = new TestClient(s.address);
    const good = new TestClient(s.address);
    clients.push(bad, good);
    return { bad, good, engine };
  }

  const cases: readonly [string, Uint8Array[]][] = [
    // Seeded (a failing case name carries the seed): replay with TSPARK_FUZZ_SEED.
    [`random bytes (TSPARK_FUZZ_SEED=${FUZZ_SEED})`, [new FuzzRandom(FUZZ_SEED + 3).bytes(64)]],
    ["truncated msgpack", [Uint8Array.from([0x81, 0xa4, 0x6b, 0x69])]],
    ["the never-used byte 0xc1", [Uint8Array.from([0xc1])]],
    ["a list instead of a map", [encodeMsgpack([1, 2, 3])]],
    ["a map without kind", [encodeMsgpack({ id: "x" })]],
    ["an unknown message kind", [encodeMsgpack({ kind: "nope", id: "x" })]],
    ["extra frames", [Uint8Array.from([1]), Uint8Array.from([2])]],
    ["an empty frame", [new Uint8Array(0)]],
  ];

  for (const [name, frames] of cases) {
    it(`answers ${name} with INVALID_PLAN_INPUT and keeps serving`, async () => {
      const { bad, good } = await setup();
      await bad.sendRaw(...frames);
      const r = await bad.recv();
      expect(r).toMatchObject({ kind: "error", errorClass: "INVALID_PLAN_INPUT", exceptionName: "SparkConnectGrpcException" });
      expect(await good.request({ kind: "ping", id: "p" })).toEqual({ kind: "pong", id: "p" });
      expect(await bad.request({ kind: "ping", id: "p2" })).toEqual({ kind: "pong", id: "p2" });
    });
  }

  it("names the request id when the frame had one", async () => {
    const { bad } = await setup();
    const r = await bad.request({ kind: "nope", id: "x7" });
    expect(r["id"]).toBe("x7");
    expect(String(r["message"])).toContain("unknown message kind");
  });

  it("answers an unknown plan node with the path, and executes nothing", async () => {
    const { bad, engine } = await setup();
    const sessionId = (await bad.handshake())["sessionId"];
    const r = await bad.request({
      kind: "execute",
      id: "e1",
      sessionId,
      plan: { kind: "Filter", input: { kind: "Teleport" }, condition: { kind: "Literal", value: true, dataType: "boolean" } },
    });
    expect(r).toMatchObject({ kind: "error", id: "e1", errorClass: "INVALID_PLAN_INPUT" });
    expect(String(r["message"])).toContain("root.input.kind");
    expect(engine.executed).toHaveLength(0);
  });

  it("survives a flood of random frames from many clients", async () => {
    const { good } = await setup();
    const floods = Array.from({ length: 5 }, () => new TestClient(server!.address));
    clients.push(...floods);
    await withFuzzSeed(4, async (rng) => {
      for (const f of floods) for (let i = 0; i < 40; i++) await f.sendRaw(rng.bytes(1 + (i % 97)));
    });
    expect(await good.request({ kind: "ping", id: "alive" })).toEqual({ kind: "pong", id: "alive" });
    const sessionId = (await good.handshake())["sessionId"];
    expect(typeof sessionId).toBe("string");
  });
});
