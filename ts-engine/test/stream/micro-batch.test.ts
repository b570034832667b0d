import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SqlConf } from "../../src/conf/sql-conf.js";
import type { ExecContext } from "../../src/exec/exec-context.js";
import type { ParsedPlan } from "../../src/plan/parsed-plan.js";
import { StreamCheckpoint } from "../../src/stream/checkpoint/stream-checkpoint.js";
import { MicroBatchExecution, type StreamQuerySpec } from "../../src/stream/micro-batch.js";
import type { StreamSink } from "../../src/stream/sinks/stream-sink.js";
import type { StreamSource } from "../../src/stream/sources/stream-source.js";
import type { Trigger } from "../../src/stream/trigger.js";
import { LongType, structField, structType } from "../../src/types/data-type.js";

const schema = structType([structField("value", LongType)]);

/** A source whose data is `available` rows 0..n-1; offsets are row counts, capped at `cap` a batch. */
class CountingSource implements StreamSource {
  readonly description = "Counting";
  readonly schema = schema;
  readonly endless = false;
  available = 0;
  private frozen: number | undefined;
  constructor(private readonly cap: number) {}
  async nextOffset(start: string | undefined, capped: boolean): Promise<string | undefined> {
    const from = start === undefined ? 0 : Number(start);
    const limit = this.frozen ?? this.available;
    const to = capped ? Math.min(limit, from + this.cap) : limit;
    return to === from ? start : String(to);
  }
  async freezeAvailable(): Promise<void> {
    this.frozen = this.available;
  }
  async planBatch(start: string | undefined, end: string): Promise<ParsedPlan> {
    const rows: unknown[][] = [];
    for (let v = start === undefined ? 0 : Number(start); v < Number(end); v++) rows.push([v]);
    return { kind: "LocalRelation", schema, rows };
  }
}

/** A sink that keeps each batch's rows (straight from the LocalRelation the source planned). */
class CollectSink implements StreamSink {
  readonly description = "Collect";
  readonly batches: [number, unknown[]][] = [];
  supports(): boolean {
    return true;
  }
  async addBatch(batchId: number, plan: ParsedPlan): Promise<number> {
    const rows = plan.kind === "Project" && plan.input.kind === "LocalRelation" ? plan.input.rows.map((r) => r[0]) : [];
    this.batches.push([batchId, rows]);
    return rows.length;
  }
}

function context(signal: AbortSignal): ExecContext {
  return { conf: new SqlConf(), pythonExec: "python3", signal, services: { parallelism: 1 } };
}

async function query(source: CountingSource, sink: StreamSink, trigger: Trigger, dir?: string): Promise<MicroBatchExecution> {
  const ck = new StreamCheckpoint(dir ?? (await mkdtemp(path.join(tmpdir(), "mb-test-"))));
  const plan: ParsedPlan = { kind: "Project", input: { kind: "DataSource", format: "counting", paths: [], options: [], isStreaming: true }, exprs: [] };
  const spec: StreamQuerySpec = {
    id: "q",
    runId: "r",
    name: "n",
    plan,
    sources: [source],
    sink,
    mode: "append",
    trigger,
    checkpoint: ck,
    context,
    countRows: async (p) => (p.kind === "LocalRelation" ? p.rows.length : 0),
    collectRows: async () => ({ schema, rows: [] }),
    conf: {},
    onTerminated: () => undefined,
  };
  return new MicroBatchExecution(spec);
}

describe("MicroBatchExecution", () => {
  it("availableNow runs capped batches up to what was there at the start, then ends", async () => {
    const src = new CountingSource(2);
    src.available = 5;
    const sink = new CollectSink();
    const q = await query(src, sink, { kind: "availableNow" });
    await q.terminated;
    expect(sink.batches).toEqual([[0, [0, 1]], [1, [2, 3]], [2, [4]]]);
    expect(q.recentProgress.map((p) => [p.batchId, p.numInputRows, p.sink.numOutputRows])).toEqual([[0, 2, 2], [1, 2, 2], [2, 1, 1]]);
    expect(q.recentProgress[1]!.sources[0]).toMatchObject({ startOffset: 2, endOffset: 4, description: "Counting" });
    expect(q.isActive).toBe(false);
    expect(q.status.message).toBe("Stopped");
  });

  it("once runs a single uncapped batch", async () => {
    const src = new CountingSource(2);
    src.available = 5;
    const sink = new CollectSink();
    await (await query(src, sink, { kind: "once" })).terminated;
    expect(sink.batches).toEqual([[0, [0, 1, 2, 3, 4]]]);
  });

  it("a restarted query goes on after its last committed batch", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mb-test-"));
    const src = new CountingSource(10);
    src.available = 3;
    await (await query(src, new CollectSink(), { kind: "availableNow" }, dir)).terminated;
    src.available = 4;
    const sink = new CollectSink();
    const again = new CountingSource(10);
    again.available = 4;
    await (await query(again, sink, { kind: "availableNow" }, dir)).terminated;
    expect(sink.batches).toEqual([[1, [3]]]);
  });

  it("the default trigger waits for new data until stopped; processAllAvailable sees it through", async () => {
    const src = new CountingSource(100);
    const sink = new CollectSink();
    const q = await query(src, sink, { kind: "default" });
    src.available = 2;
    await q.processAllAvailable();
    expect(sink.batches).toEqual([[0, [0, 1]]]);
    src.available = 3;
    await q.processAllAvailable();
    expect(sink.batches).toEqual([[0, [0, 1]], [1, [2]]]);
    await q.stop();
    expect(q.isActive).toBe(false);
    expect(q.exception).toBeUndefined();
  });

  it("a failing sink ends the query with StreamingQueryException (STREAM_FAILED)", async () => {
    const src = new CountingSource(100);
    src.available = 1;
    const failing: StreamSink = { description: "Bad", supports: () => true, addBatch: async () => Promise.reject(new Error("disk full")) };
    const q = await query(src, failing, { kind: "availableNow" });
    await q.terminated;
    expect(q.exception?.exceptionName).toBe("StreamingQueryException");
    expect(q.exception?.message).toBe("[STREAM_FAILED] Query [id = q, runId = r] terminated with exception: [INTERNAL_ERROR] disk full SQLSTATE: XX000 SQLSTATE: XXKST");
  });
});
