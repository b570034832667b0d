import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { capability, Router } from "zeromq";
import { venvPython } from "./python-side.js";

/** `npm run bench -- --transport [--round-trips N]`: usage of the transport run. */
export const TRANSPORT_USAGE = "--transport [--round-trips N]";

/**
 * The Python side: a DEALER (pyzmq, as the client) sends a small frame and waits for its echo, N
 * times after a warm-up, and prints its round-trip times and its own CPU per round trip. "begin"
 * and "end" frames bracket the timed part so the server measures its CPU over the same span.
 */
const CLIENT = String.raw`
import json, sys, time, zmq
addr, n = sys.argv[1], int(sys.argv[2])
s = zmq.Context.instance().socket(zmq.DEALER)
s.setsockopt(zmq.LINGER, 0)
s.connect(addr)
msg = b"\x82\xa4kind\xa4ping\xa2id\xa3p17"
for _ in range(500):
    s.send(msg); s.recv()
s.send(b"begin"); s.recv()
rtts = []
c0 = time.process_time()
w0 = time.perf_counter()
for _ in range(n):
    t = time.perf_counter(); s.send(msg); s.recv(); rtts.append(time.perf_counter() - t)
wall = time.perf_counter() - w0
cpu = time.process_time() - c0
s.send(b"end"); server = json.loads(s.recv())
rtts.sort()
q = lambda p: rtts[min(len(rtts) - 1, int(p * len(rtts)))] * 1e6
print(json.dumps({"min": q(0), "p50": q(0.5), "p99": q(0.99), "wall": wall / n * 1e6, "clientCpu": cpu / n * 1e6, "serverCpu": (server["user"] + server["system"]) / n}))
`;

interface TransportFigures {
  readonly min: number;
  readonly p50: number;
  readonly p99: number;
  readonly wall: number;
  readonly clientCpu: number;
  readonly serverCpu: number;
}

/** An echo ROUTER on `endpoint` (in this process, as the engine's) against one Python DEALER. */
async function measure(endpoint: string, n: number): Promise<TransportFigures> {
  const router = new Router({ linger: 0 });
  await router.bind(endpoint);
  const bound = router.lastEndpoint ?? endpoint;
  let started = process.cpuUsage();
  const serve = (async () => {
    for await (const [id, m] of router) {
      if (id === undefined || m === undefined) continue;
      const text = m.length <= 5 ? m.toString() : "";
      if (text === "begin") started = process.cpuUsage();
      if (text === "end") {
        await router.send([id, JSON.stringify(process.cpuUsage(started))]);
        return;
      }
      await router.send([id, m]);
    }
  })();
  // the client runs while this thread serves: never spawnSync here
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(venvPython(), ["-c", CLIENT, bound, String(n)], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`transport client failed: ${stderr}`))));
  }).catch((e: unknown) => {
    router.close();
    throw e;
  });
  await serve;
  router.close();
  return JSON.parse(out) as TransportFigures;
}

/**
 * Round trips of a small frame between a Python DEALER and a Node ROUTER over tcp:// on loopback
 * and over ipc:// in a 0700 directory (issue 11: which the embedded engine should use). Prints
 * the RTT (min, p50, p99) and each side's CPU per round trip, which a busy machine distorts far
 * less than wall time.
 */
export async function runTransportBench(argv: readonly string[]): Promise<number> {
  const i = argv.indexOf("--round-trips");
  const n = i >= 0 ? Number(argv[i + 1]) : 20_000;
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--round-trips needs a positive integer\nUsage: npm run bench -- ${TRANSPORT_USAGE}`);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), "tspark-rtt-"));
  try {
    const endpoints: [string, string][] = [["tcp", "tcp://127.0.0.1:*"]];
    if (capability.ipc === true) endpoints.push(["ipc", `ipc://${join(dir, "engine.sock")}`]);
    console.log(`transport round trips: ${n} per endpoint, small frame, Python DEALER <-> Node ROUTER echo (µs)`);
    console.log("endpoint   min     p50     p99    wall/rt  client cpu/rt  server cpu/rt");
    // interleaved, twice each, so that a change in load hits both alike
    for (const round of [1, 2]) {
      for (const [name, ep] of endpoints) {
        const f = await measure(ep, n);
        const c = (x: number, w = 7): string => x.toFixed(1).padStart(w);
        console.log(`${`${name} #${round}`.padEnd(8)} ${c(f.min)} ${c(f.p50)} ${c(f.p99)} ${c(f.wall, 9)} ${c(f.clientCpu, 14)} ${c(f.serverCpu, 14)}`);
      }
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
