import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { vectorToValues } from "../../src/columnar/rows.js";
import type { Vector } from "../../src/columnar/vector.js";
import { PythonException } from "../../src/errors/spark-exception.js";
import { createPythonRunner, pythonRunnerKind } from "../../src/python/default-runner.js";
import { InProcessPythonRunner } from "../../src/python/in-process/in-process-runner.js";
import { DateType, decimalType, IntegerType, LongType, StringType, type DataType } from "../../src/types/data-type.js";
import { pickled, pickledList, testPython, unpickleRepr } from "./python-env.js";

// The embedded interpreter reads PYTHONHASHSEED once, when it starts (portable_hash needs it 0).
process.env.PYTHONHASHSEED = "0";

// The same requests as the process runner's tests (process-runner.test.ts), on the CPython
// embedded through node-calls-python: same frames, same handlers, same results.
describe.skipIf(testPython.skipReason !== null)(`InProcessPythonRunner (${testPython.skipReason ?? testPython.exe})`, () => {
  const runner = new InProcessPythonRunner();
  const opts = { pythonExec: testPython.exe };
  const col = (t: DataType, values: readonly unknown[]): Vector => vectorFromValues(t, values);
  const values = (vs: Vector[]): unknown[][] => vs.map(vectorToValues);

  it("evaluates UDFs over argument columns, longs past 2^53 exact", async () => {
    const cols = values(await runner.evalUdfs(
      {
        udfs: [
          { func: pickled("lambda x: None if x is None else x * 2"), returnType: LongType, argOffsets: [0], evalType: 100 },
          { func: pickled("lambda x: x + 1"), returnType: LongType, argOffsets: [1], evalType: 100 },
        ],
        args: [col(LongType, [1, null, 2 ** 40]), col(LongType, [9007199254740993n, 0, 1])],
        numRows: 3,
      },
      opts,
    ));
    expect(cols).toEqual([[2, null, 2 ** 41], [9007199254740994n, 1, 2]]);
  });

  it("gives dates and decimals to the function as datetime.date and Decimal", async () => {
    const cols = values(await runner.evalUdfs(
      {
        udfs: [{ func: pickled("lambda d, m: f'{type(d).__name__}:{d.isoformat()} {type(m).__name__}:{m}'"), returnType: StringType, argOffsets: [0, 1], evalType: 100 }],
        args: [col(DateType, [18262]), col(decimalType(10, 2), ["12.50"])],
        numRows: 1,
      },
      opts,
    ));
    expect(cols).toEqual([["date:2020-01-01 Decimal:12.50"]]);
  });

  it("turns a user exception into PythonException with the traceback, and serves on", async () => {
    const bad = { udfs: [{ func: pickled("lambda x: 1 // x"), returnType: IntegerType, argOffsets: [0], evalType: 100 }], args: [col(LongType, [0])], numRows: 1 };
    const err = await runner.evalUdfs(bad, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PythonException);
    expect((err as PythonException).pythonTraceback).toContain("ZeroDivisionError: integer division or modulo by zero");
    expect(values(await runner.evalUdfs({ ...bad, args: [col(LongType, [4])] }, opts))).toEqual([[0]]);
  });

  it("runs partition functions over blobs, strings and text, chunking large outputs", async () => {
    const f = pickled("lambda i, it: (w for line in it for w in line.split())");
    expect(unpickleRepr(await runner.mapPartitions(f, 0, { kind: "strings", strings: ["a b", "c"] }, opts))).toBe("['a', 'b', 'c']");
    const text = await runner.mapPartitions(null, 0, { kind: "text", chunks: [new TextEncoder().encode("x\r\ny\n")] }, opts);
    expect(unpickleRepr(text)).toBe("['x', 'y']");
    const plain = await runner.mapPartitions(null, 0, { kind: "blobs", blobs: [pickledList("range(3)"), pickledList("[3]")] }, opts);
    expect(unpickleRepr(plain)).toBe("[0, 1, 2, 3]");
    expect((await runner.mapPartitions(pickled("lambda i, it: range(10000)"), 0, { kind: "blobs", blobs: [] }, opts)).length).toBeGreaterThan(1);
  });

  it("routes pairs by PySpark's portable_hash, as the worker processes do", async () => {
    const buckets = await runner.shuffleWrite(null, 0, { kind: "blobs", blobs: [pickledList("[('a', 1), ('b', 2), (None, 3), ((1, 'x'), 4), (7, 5)]")] }, 3, null, opts);
    // Recorded with PYTHONHASHSEED=0 on PySpark 4.0.1 (process-runner.test.ts's EXPECTED_BUCKETS).
    expect(buckets.map((b) => unpickleRepr(b)).join("|")).toBe("[('b', 2), (None, 3), ((1, 'x'), 4)]|[('a', 1), (7, 5)]|[]");
  });

  it("runs concurrent requests on the one interpreter", async () => {
    const f = pickled("lambda i, it: [sum(it) * (i + 1)]");
    const outs = await Promise.all([0, 1, 2, 3].map((i) => runner.mapPartitions(f, i, { kind: "blobs", blobs: [pickledList("range(100)")] }, opts)));
    expect(outs.map((o) => unpickleRepr(o))).toEqual(["[4950]", "[9900]", "[14850]", "[19800]"]);
  });
});

describe("the runner choice", () => {
  it("reads TSPARK_PYTHON_RUNNER, worker processes by default", () => {
    expect(pythonRunnerKind({})).toBe("processes");
    expect(pythonRunnerKind({ TSPARK_PYTHON_RUNNER: "in-process" })).toBe("in-process");
    expect(() => pythonRunnerKind({ TSPARK_PYTHON_RUNNER: "threads" })).toThrow(/must be 'processes' or 'in-process'/);
    const saved = process.env.TSPARK_PYTHON_RUNNER;
    process.env.TSPARK_PYTHON_RUNNER = "in-process";
    try {
      expect(createPythonRunner()).toBeInstanceOf(InProcessPythonRunner);
    } finally {
      if (saved === undefined) delete process.env.TSPARK_PYTHON_RUNNER;
      else process.env.TSPARK_PYTHON_RUNNER = saved;
    }
  });
});
