import { afterAll, describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { valueAt } from "../../src/expr/eval/vectors.js";
import type { PythonMapResult, PythonMapSide } from "../../src/python/python-runner.js";
import { ProcessPythonRunner } from "../../src/python/worker-process/process-runner.js";
import { LongType, structField, structType } from "../../src/types/data-type.js";
import { pickled, testPython } from "./python-env.js";

// mapInPandas / mapInArrow's worker conversation: the partition reaches Python chunk by chunk,
// each chunk made only when the function's iterator reads past the last one, and the output
// comes back with each request for more (neither side holds the partition).
describe.skipIf(testPython.skipReason !== null)(`pythonMapStream (${testPython.skipReason ?? testPython.exe})`, () => {
  const runner = new ProcessPythonRunner(1);
  const opts = { pythonExec: testPython.exe };
  afterAll(() => runner.close());
  const side = (ids: number[]): PythonMapSide => ({ argNames: ["id"], args: [vectorFromValues(LongType, ids)], keys: [], numRows: ids.length });
  const out = structType([structField("id", LongType, true)]);
  const head = (f: string, max = 10000) => ({ func: pickled(f), evalType: 205, returnType: out, maxRecordsPerBatch: max, empty: side([]) });

  /** `count` chunks of `size` ids, recording how many were made. */
  function chunks(count: number, size: number): { made: number; source: AsyncGenerator<PythonMapSide> } {
    const state = { made: 0, source: undefined as unknown as AsyncGenerator<PythonMapSide> };
    state.source = (async function* () {
      for (let c = 0; c < count; c++) {
        state.made++;
        yield side(Array.from({ length: size }, (_, i) => c * size + i));
      }
    })();
    return state;
  }

  async function collect(results: AsyncIterable<PythonMapResult>): Promise<{ replies: number; ids: unknown[] }> {
    let replies = 0;
    const ids: unknown[] = [];
    for await (const r of results) {
      replies++;
      for (let i = 0; i < r.numRows; i++) ids.push(valueAt(r.columns[0]!, i));
    }
    return { replies, ids };
  }

  it("streams every chunk through the function and its output back per chunk", async () => {
    const src = chunks(4, 100);
    const { replies, ids } = await collect(runner.pythonMapStream(head("lambda it: (p[p.id % 50 == 0] for p in it)"), src.source, opts));
    expect(ids).toEqual([0, 50, 100, 150, 200, 250, 300, 350]);
    // one reply per chunk: the output of each chunk came back before the next was sent
    expect(replies).toBe(4);
    expect(src.made).toBe(4);
  });

  it("makes no more chunks than the function reads", async () => {
    const src = chunks(50, 100);
    // the function reads two batches of 100 (maxRecordsPerBatch 100), then stops
    const f = "lambda it: (lambda a, b: iter([a.head(1), b.head(1)]))(next(it), next(it))";
    const { ids } = await collect(runner.pythonMapStream(head(f, 100), src.source, opts));
    expect(ids).toEqual([0, 100]);
    expect(src.made).toBeLessThanOrEqual(3);
  });

  it("calls the function once on an empty partition", async () => {
    const f = "lambda it: iter([__import__('pandas').DataFrame({'id': [len(list(it))]})])";
    const { ids } = await collect(runner.pythonMapStream(head(f), chunks(0, 0).source, opts));
    expect(ids).toEqual([0]);
  });

  it("serves other requests after a consumer that stopped reading", async () => {
    const results = runner.pythonMapStream(head("lambda it: it"), chunks(10, 10).source, opts)[Symbol.asyncIterator]();
    await results.next();
    await results.return?.();
    const { ids } = await collect(runner.pythonMapStream(head("lambda it: it"), chunks(2, 2).source, opts));
    expect(ids).toEqual([0, 1, 2, 3]);
  });
});
