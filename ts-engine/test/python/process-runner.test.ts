import { afterAll, describe, expect, it } from "vitest";
import { PythonException, SparkException } from "../../src/errors/spark-exception.js";
import { ProcessPythonRunner } from "../../src/python/worker-process/process-runner.js";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { vectorToValues } from "../../src/columnar/rows.js";
import type { Vector } from "../../src/columnar/vector.js";
import { BooleanType, ByteType, decimalType, DateType, DoubleType, IntegerType, LongType, StringType, TimestampType, type DataType } from "../../src/types/data-type.js";
import { pickled, pickledList, testPython, unpickleRepr } from "./python-env.js";

describe.skipIf(testPython.skipReason !== null)(`ProcessPythonRunner (${testPython.skipReason ?? testPython.exe})`, () => {
  const runner = new ProcessPythonRunner(2);
  const opts = { pythonExec: testPython.exe };
  const col = (t: DataType, values: readonly unknown[]): Vector => vectorFromValues(t, values);
  const values = (vs: Vector[]): unknown[][] => vs.map(vectorToValues);
  afterAll(() => runner.close());

  it("evaluates a UDF over a batch of argument columns", async () => {
    const cols = values(await runner.evalUdfs(
      { udfs: [{ func: pickled("lambda x: None if x is None else x * 2"), returnType: LongType, argOffsets: [0] }], args: [col(LongType, [1, null, 2 ** 40])], numRows: 3 },
      opts,
    ));
    expect(cols).toEqual([[2, null, 2 ** 41]]);
  });

  it("keeps longs past 2^53 exact", async () => {
    const cols = values(await runner.evalUdfs(
      { udfs: [{ func: pickled("lambda x: x + 1"), returnType: LongType, argOffsets: [0] }], args: [col(LongType, [9007199254740993n])], numRows: 1 },
      opts,
    ));
    expect(cols).toEqual([[9007199254740994n]]);
  });

  it("gives dates and decimals to the function as datetime.date and Decimal", async () => {
    const cols = values(await runner.evalUdfs(
      {
        udfs: [{ func: pickled("lambda d, m: f'{type(d).__name__}:{d.isoformat()} {type(m).__name__}:{m}'"), returnType: StringType, argOffsets: [0, 1] }],
        args: [col(DateType, [18262]), col(decimalType(10, 2), ["12.50"])],
        numRows: 1,
      },
      opts,
    ));
    expect(cols).toEqual([["date:2020-01-01 Decimal:12.50"]]);
  });

  it("round-trips fixed-width columns with nulls (typed byte columns both ways)", async () => {
    const ident = (t: DataType) => ({ func: pickled("lambda x: x"), returnType: t, argOffsets: [0] });
    const cases: [DataType, unknown[]][] = [
      [BooleanType, [true, null, false]],
      [ByteType, [-128, null, 127]],
      [IntegerType, [-2147483648, null, 2147483647]],
      [LongType, [2 ** 40, null, -(2 ** 52)]],
      [DoubleType, [1.5, null, -0.25]],
      [DateType, [-1, null, 20000]],
      [TimestampType, [1_600_000_000_123_456, null, 0]],
    ];
    for (const [t, vals] of cases) {
      const out = values(await runner.evalUdfs({ udfs: [ident(t)], args: [col(t, vals)], numRows: 3 }, opts));
      expect(out, t.kind).toEqual([vals]);
    }
  });

  it("converts results to the return type as PySpark does", async () => {
    const udf = (src: string, t: typeof IntegerType) => ({ func: pickled(src), returnType: t, argOffsets: [] });
    const cols = values(await runner.evalUdfs(
      {
        udfs: [
          udf("lambda: 1", StringType), // Java toString: '1'
          udf("lambda: True", StringType), // 'true'
          udf("lambda: '1'", IntegerType), // wrong type → null
          udf("lambda: 5", DoubleType), // int for DoubleType → null
          udf("lambda: 2**40", IntegerType), // wraps to the width: 0
        ],
        args: [],
        numRows: 1,
      },
      opts,
    ));
    expect(cols).toEqual([["1"], ["true"], [null], [null], [0]]);
  });

  it("turns a user exception into PythonException with the traceback, and the worker serves on", async () => {
    const bad = { udfs: [{ func: pickled("lambda x: 1 // x"), returnType: IntegerType, argOffsets: [0] }], args: [col(LongType, [0])], numRows: 1 };
    const err = await runner.evalUdfs(bad, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PythonException);
    const pe = err as PythonException;
    expect(pe.message).toContain("An exception was thrown from the Python worker. Please see the stack trace below.");
    expect(pe.pythonTraceback).toMatch(/^Traceback \(most recent call last\):/);
    expect(pe.pythonTraceback).toContain("ZeroDivisionError: integer division or modulo by zero");
    expect(pe.pythonTraceback).not.toContain("tspark/worker");
    const ok = values(await runner.evalUdfs({ ...bad, args: [col(LongType, [4])] }, opts));
    expect(ok).toEqual([[0]]);
  });

  it("redirects user prints away from the frame pipe", async () => {
    const cols = values(await runner.evalUdfs(
      { udfs: [{ func: pickled("lambda x: print('noise', x) or x"), returnType: LongType, argOffsets: [0] }], args: [col(LongType, [7])], numRows: 1 },
      opts,
    ));
    expect(cols).toEqual([[7]]);
  });

  it("fails a request whose worker dies with a clear error, then replaces the worker", async () => {
    const die = { udfs: [{ func: pickled("lambda x: __import__('os')._exit(3)"), returnType: LongType, argOffsets: [0] }], args: [col(LongType, [1])], numRows: 1 };
    const err = await runner.evalUdfs(die, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkException);
    expect((err as SparkException).exceptionName).toBe("SparkRuntimeException");
    expect((err as Error).message).toContain("Python worker exited unexpectedly (exit code 3)");
    const again = await runner.mapPartitions(pickled("lambda i, it: (x + i for x in it)"), 10, { kind: "blobs", blobs: [pickledList("[1, 2]")] }, opts);
    expect(unpickleRepr(again)).toBe("[11, 12]");
  });

  it("aborts a running request by killing its worker, and serves the next one", async () => {
    const ac = new AbortController();
    const slow = runner.mapPartitions(pickled("lambda i, it: __import__('time').sleep(60) or []"), 0, { kind: "strings", strings: [] }, { ...opts, signal: ac.signal });
    setTimeout(() => ac.abort(new Error("cancelled by test")), 200);
    const t0 = Date.now();
    await expect(slow).rejects.toThrow("cancelled by test");
    expect(Date.now() - t0).toBeLessThan(5000);
    const out = await runner.mapPartitions(null, 0, { kind: "strings", strings: ["ok"] }, opts);
    expect(unpickleRepr(out)).toBe("['ok']");
  });

  it("reruns elsewhere a request that waited behind a killed one (another query's work is not lost)", async () => {
    const single = new ProcessPythonRunner(1);
    try {
      const ac = new AbortController();
      const slow = single.mapPartitions(pickled("lambda i, it: __import__('time').sleep(60) or []"), 0, { kind: "strings", strings: [] }, { ...opts, signal: ac.signal });
      // one worker, so this request is pipelined behind the slow one on the same process
      const queued = single.mapPartitions(null, 0, { kind: "strings", strings: ["still here"] }, opts);
      setTimeout(() => ac.abort(new Error("cancelled by test")), 200);
      await expect(slow).rejects.toThrow("cancelled by test");
      expect(unpickleRepr(await queued)).toBe("['still here']");
    } finally {
      await single.close();
    }
  });

  it("runs a partition function over pickled blobs and text lines", async () => {
    const f = pickled("lambda i, it: (w for line in it for w in line.split())");
    const out = await runner.mapPartitions(f, 0, { kind: "strings", strings: ["a b", "c"] }, opts);
    expect(unpickleRepr(out)).toBe("['a', 'b', 'c']");
    const plain = await runner.mapPartitions(null, 0, { kind: "blobs", blobs: [pickledList("range(3)"), pickledList("[3]")] }, opts);
    expect(unpickleRepr(plain)).toBe("[0, 1, 2, 3]");
  });

  it("chunks large outputs into several blobs", async () => {
    const out = await runner.mapPartitions(pickled("lambda i, it: range(10000)"), 0, { kind: "blobs", blobs: [] }, opts);
    expect(out.length).toBeGreaterThan(1);
  });

  it("routes pairs by PySpark's portable_hash", async () => {
    const buckets = await runner.shuffleWrite(null, 0, { kind: "blobs", blobs: [pickledList("[('a', 1), ('b', 2), (None, 3), ((1, 'x'), 4), (7, 5)]")] }, 3, null, opts);
    expect(buckets.length).toBe(3);
    // pyspark.rdd.portable_hash with PYTHONHASHSEED=0: None→0; 7→7%3=1; strs and tuples as recorded on PySpark.
    const where = buckets.map((b) => unpickleRepr(b));
    expect(where[0]).toContain("(None, 3)");
    expect(where[1]).toContain("(7, 5)");
    expect(where.join("|")).toBe(EXPECTED_BUCKETS);
  });
});

// Recorded with PYTHONHASHSEED=0 on PySpark 4.0.1: 'a'→1, 'b'→0, None→0, (1, 'x')→0, 7→1.
const EXPECTED_BUCKETS = "[('b', 2), (None, 3), ((1, 'x'), 4)]|[('a', 1), (7, 5)]|[]";

describe("ProcessPythonRunner start-up failures", () => {
  it("names the interpreter when it cannot be started", async () => {
    const runner = new ProcessPythonRunner(1);
    const err = await runner.mapPartitions(null, 0, { kind: "strings", strings: [] }, { pythonExec: "/nonexistent/python3" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkException);
    expect((err as Error).message).toContain("Cannot start the Python worker '/nonexistent/python3 -m tspark.worker'");
    await runner.close();
  });

  it.skipIf(testPython.skipReason !== null)("says how to fix an interpreter without tspark", async () => {
    const saved = process.env.TSPARK_PYTHONPATH;
    process.env.TSPARK_PYTHONPATH = "";
    const runner = new ProcessPythonRunner(1);
    try {
      const err = await runner.mapPartitions(null, 0, { kind: "strings", strings: [] }, { pythonExec: testPython.exe }).catch((e: unknown) => e);
      // Installed in that interpreter (the project venv): it just works; otherwise the hint.
      if (err instanceof Error) expect(err.message).toContain("TSPARK_PYTHONPATH");
      else expect(err).toEqual([]);
    } finally {
      process.env.TSPARK_PYTHONPATH = saved;
      await runner.close();
    }
  });
});
