import { afterAll, describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { PythonException } from "../../src/errors/spark-exception.js";
import type { RowsChunk } from "../../src/python/python-runner.js";
import { ProcessPythonRunner } from "../../src/python/worker-process/process-runner.js";
import { LongType, StringType } from "../../src/types/data-type.js";
import { pickled, testPython } from "./python-env.js";

// df.foreach / foreachPartition's worker conversation: the rows reach Python chunk by chunk,
// each chunk made only when the function asks for more (bounded memory on both sides).
describe.skipIf(testPython.skipReason !== null)(`foreachPartition (${testPython.skipReason ?? testPython.exe})`, () => {
  const runner = new ProcessPythonRunner(2);
  const opts = { pythonExec: testPython.exe };
  afterAll(() => runner.close());

  /** `count` chunks of `size` rows (id, "s<id>"), recording how many were made. */
  function chunks(count: number, size: number): { made: number; source: AsyncGenerator<RowsChunk> } {
    const state = { made: 0, source: undefined as unknown as AsyncGenerator<RowsChunk> };
    state.source = (async function* () {
      for (let c = 0; c < count; c++) {
        state.made++;
        const ids = Array.from({ length: size }, (_, i) => c * size + i);
        yield { columns: [vectorFromValues(LongType, ids), vectorFromValues(StringType, ids.map((i) => `s${i}`))], numRows: size };
      }
    })();
    return state;
  }
  const req = (func: string, perRow: boolean) => ({ func: pickled(func), perRow, splitIndex: 3, names: ["id", "s"], types: [LongType, StringType] });

  it("runs f over every row as a Row and reads each chunk once", async () => {
    const src = chunks(5, 1000);
    // raising at the last row proves every row came through, in order, as a Row with fields
    const f = "lambda r: (_ for _ in ()).throw(ValueError(f'last {r.id} {r.s} {r[\"id\"]}')) if r.id == 4999 else None";
    await expect(runner.foreachPartition(req(f, true), src.source, opts)).rejects.toThrow(/ValueError: last 4999 s4999 4999/);
    expect(src.made).toBe(5);
  });

  it("makes no more chunks than the function reads", async () => {
    const src = chunks(50, 100);
    // reads 150 rows of 5000, then returns: only two chunks are ever made
    await runner.foreachPartition(req("lambda it: [next(it) for _ in range(150)] and None", false), src.source, opts);
    expect(src.made).toBe(2);
  });

  it("calls f once on an empty partition", async () => {
    const src = chunks(0, 0);
    await expect(runner.foreachPartition(req("lambda it: (_ for _ in ()).throw(RuntimeError(f'rows {len(list(it))}'))", false), src.source, opts)).rejects.toThrow(
      PythonException,
    );
  });

  it("serves other requests after a conversation that failed", async () => {
    await expect(runner.foreachPartition(req("lambda r: 1 / 0", true), chunks(3, 10).source, opts)).rejects.toThrow(/ZeroDivisionError/);
    await runner.foreachPartition(req("lambda it: sum(1 for _ in it)", false), chunks(3, 10).source, opts);
  });

  it("leaves no worker waiting for a chunk when the partition fails between chunks", async () => {
    // the second chunk fails to be made (a cancel, a failed scan) while Python waits for it
    async function* failing(): AsyncGenerator<RowsChunk> {
      yield* chunks(1, 10).source;
      throw new Error("scan failed");
    }
    for (let i = 0; i < 4; i++) await expect(runner.foreachPartition(req("lambda r: None", true), failing(), opts)).rejects.toThrow(/scan failed/);
    // every worker of the pool serves a fresh conversation from its start
    await Promise.all([0, 1, 2].map(() => runner.foreachPartition(req("lambda it: sum(1 for _ in it)", false), chunks(3, 10).source, opts)));
  });
});
