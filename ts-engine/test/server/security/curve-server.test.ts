import { afterEach, describe, expect, it } from "vitest";
import { curveKeyPair, Dealer } from "zeromq";
import { decodeMsgpack } from "../../../src/server/protocol/msgpack-decode.js";
import { encodeMsgpack } from "../../../src/server/protocol/msgpack-writer.js";
import { EngineServer } from "../../../src/server/zmq-server.js";
import { fakeEngine, type Msg } from "../helpers.js";

/** A DEALER with optional CURVE client keys, and a record of its handshake events. */
function dealer(address: string, keys?: { server: string; pub: string; sec: string }): { sock: Dealer; events: string[] } {
  const sock = new Dealer({
    linger: 0,
    receiveTimeout: 1500,
    ...(keys === undefined ? {} : { curveServerKey: keys.server, curvePublicKey: keys.pub, curveSecretKey: keys.sec }),
  });
  const events: string[] = [];
  void (async () => {
    try {
      for await (const e of sock.events) events.push(e.type);
    } catch {
      // closed
    }
  })();
  sock.connect(address);
  return { sock, events };
}

async function handshake(sock: Dealer): Promise<Msg> {
  await sock.send(encodeMsgpack({ kind: "handshake", id: "h", protocolVersion: 1, client: "vitest", pythonExec: "python3" }));
  const [frame] = await sock.receive();
  return decodeMsgpack(frame!) as Msg;
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!cond() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 20));
}

describe("CURVE on the engine socket", () => {
  const server = curveKeyPair();
  const alice = curveKeyPair();
  const mallory = curveKeyPair();
  let engine: EngineServer | undefined;
  const socks: Dealer[] = [];
  afterEach(async () => {
    for (const s of socks.splice(0)) s.close();
    await engine?.close();
  });

  async function start(): Promise<{ address: string; logs: string[] }> {
    const logs: string[] = [];
    engine = new EngineServer({ host: "127.0.0.1", port: 0, engine: fakeEngine(), log: (l) => logs.push(l), curve: { secretKey: server.secretKey, allowedClients: new Set([alice.publicKey]) } });
    return { address: await engine.start(), logs };
  }

  it("admits a client whose key is in the allow-list, encrypted", async () => {
    const { address } = await start();
    const c = dealer(address, { server: server.publicKey, pub: alice.publicKey, sec: alice.secretKey });
    socks.push(c.sock);
    expect((await handshake(c.sock))["kind"]).toBe("handshakeOk");
    expect(c.sock.securityMechanism).toBe("curve");
  });

  it("refuses an unlisted key at the ZAP handler: the client sees an auth failure, nothing is decoded", async () => {
    const { address, logs } = await start();
    const c = dealer(address, { server: server.publicKey, pub: mallory.publicKey, sec: mallory.secretKey });
    socks.push(c.sock);
    await expect(handshake(c.sock)).rejects.toThrow();
    await until(() => c.events.includes("handshake:error:auth"));
    expect(c.events).toContain("handshake:error:auth");
    expect(engine!.sessionCount).toBe(0);
    expect(logs.join("\n")).toContain(`public key ${mallory.publicKey} is not in the allow-list`);
  });

  it("refuses a plaintext client with a protocol error, not a hang", async () => {
    const { address } = await start();
    const c = dealer(address);
    socks.push(c.sock);
    await expect(handshake(c.sock)).rejects.toThrow();
    await until(() => c.events.some((e) => e.startsWith("handshake:error")));
    expect(c.events.some((e) => e.startsWith("handshake:error"))).toBe(true);
    expect(engine!.sessionCount).toBe(0);
  });
});

describe("frames before a handshake", () => {
  it("are refused past 64 KiB without being decoded, and the peer can still handshake", async () => {
    const logs: string[] = [];
    const engine = new EngineServer({ host: "127.0.0.1", port: 0, engine: fakeEngine(), log: (l) => logs.push(l) });
    const address = await engine.start();
    const c = dealer(address);
    try {
      await c.sock.send(new Uint8Array(1 << 20).fill(0x91));
      const [frame] = await c.sock.receive();
      const r = decodeMsgpack(frame!) as Msg;
      expect(r["errorClass"]).toBe("INVALID_PLAN_INPUT");
      expect(String(r["message"])).toContain("before a successful handshake");
      expect((await handshake(c.sock))["kind"]).toBe("handshakeOk");
    } finally {
      c.sock.close();
      await engine.close();
    }
  });
});
