import { Dealer } from "zeromq";
import { makeBatch, type ColumnBatch } from "../../src/columnar/batch.js";
import { makeVector } from "../../src/columnar/vector.js";
import type { ExecContext } from "../../src/exec/exec-context.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import type { QueryResultLike, ServerEngine } from "../../src/server/engine-port.js";
import { decodeMsgpack } from "../../src/server/protocol/msgpack-decode.js";
import { encodeMsgpack } from "../../src/server/protocol/msgpack-writer.js";
import { EngineServer } from "../../src/server/zmq-server.js";
import { LongType, structField, structType, type StructType } from "../../src/types/data-type.js";

/** A decoded reply map. */
export type Msg = Record<string, unknown>;

export const ID_SCHEMA: StructType = structType([structField("id", LongType, false)]);

/** Batches of `id` values [0, n) in batches of `batchRows`, like a Range scan. */
export async function* rangeBatches(n: number, batchRows: number, signal?: AbortSignal): AsyncGenerator<ColumnBatch> {
  for (let start = 0; start < n; start += batchRows) {
    if (signal?.aborted) return;
    const len = Math.min(batchRows, n - start);
    const data = new Float64Array(len);
    for (let i = 0; i < len; i++) data[i] = start + i;
    yield makeBatch(ID_SCHEMA, [makeVector(LongType, data, null)]);
    await Promise.resolve();
  }
}

/** Records which plans reached the engine, so tests can prove that nothing executed. */
export interface FakeEngine extends ServerEngine {
  readonly executed: LogicalPlan[];
}

/** A stand-in engine: execute yields `rows` ids; `throwOn` plans make it throw. */
export function fakeEngine(rows = 10, opts: { hang?: boolean; batchRows?: number } = {}): FakeEngine {
  const executed: LogicalPlan[] = [];
  return {
    executed,
    executeQuery(plan: LogicalPlan, ctx: ExecContext): Promise<QueryResultLike> {
      executed.push(plan);
      if (plan.kind === "Limit" && plan.n === 13) throw new Error("boom from a handler");
      const batches = opts.hang === true ? hanging(ctx.signal) : rangeBatches(rows, opts.batchRows ?? 1000, ctx.signal);
      return Promise.resolve({ schema: ID_SCHEMA, batches });
    },
    analyzeSchema: () => ID_SCHEMA,
    explainQuery: (_p, mode) => `== Physical Plan ==\n(${mode})`,
    showQuery: () => Promise.resolve("+---+\n| id|\n+---+\n+---+"),
    treeStringQuery: () => "root\n |-- id: long (nullable = false)\n",
    async *runRdd() {
      yield new Uint8Array([1, 2, 3]);
      yield new Uint8Array([4]);
    },
    createServices: () => ({ parallelism: 1 }),
  };
}

async function* hanging(signal: AbortSignal): AsyncGenerator<ColumnBatch> {
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  yield* [];
}

/** Starts a server on an ephemeral loopback port. */
export async function startServer(engine: ServerEngine, token?: string): Promise<{ server: EngineServer; address: string; logs: string[] }> {
  const logs: string[] = [];
  const server = new EngineServer({ host: "127.0.0.1", port: 0, engine, log: (l) => logs.push(l), ...(token === undefined ? {} : { token }) });
  const address = await server.start();
  return { server, address, logs };
}

/**
 * A test client: a real zmq DEALER speaking msgpack. `receiveTimeoutMs` bounds each recv();
 * a test that waits on a long query passes a larger one, so that a loaded machine slows it
 * down instead of failing it.
 */
export class TestClient {
  readonly sock: Dealer;

  constructor(address: string, receiveTimeoutMs = 3000) {
    this.sock = new Dealer({ linger: 0, receiveTimeout: receiveTimeoutMs });
    this.sock.connect(address);
  }

  async send(msg: unknown): Promise<void> {
    await this.sock.send(encodeMsgpack(msg));
  }

  async sendRaw(...frames: Uint8Array[]): Promise<void> {
    await this.sock.send(frames);
  }

  async recv(): Promise<Msg> {
    const [frame] = await this.sock.receive();
    return decodeMsgpack(frame!) as Msg;
  }

  async request(msg: unknown): Promise<Msg> {
    await this.send(msg);
    return this.recv();
  }

  async handshake(token?: string): Promise<Msg> {
    return this.request({
      kind: "handshake",
      id: "h",
      protocolVersion: 1,
      client: "vitest",
      pythonExec: "/usr/bin/python3",
      ...(token === undefined ? {} : { token }),
    });
  }

  close(): void {
    this.sock.close();
  }
}

export const RANGE_PLAN = { kind: "Range", start: 0, end: 10, step: 1 };
