import { afterAll, describe, expect, it } from "vitest";
import { makeBatch, type ColumnBatch } from "../../src/columnar/batch.js";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { batchToRows } from "../../src/columnar/rows.js";
import { SqlConf } from "../../src/conf/sql-conf.js";
import type { ExecContext } from "../../src/exec/exec-context.js";
import { PythonException } from "../../src/errors/spark-exception.js";
import { BatchEvalPythonExec } from "../../src/exec/batch-eval-python-exec.js";
import type { ExecutionPlan } from "../../src/exec/execution-plan.js";
import type { Expr, PythonUDF } from "../../src/expr/expr.js";
import { ProcessPythonRunner } from "../../src/python/worker-process/process-runner.js";
import { IntegerType, LongType, StringType, structField, structType, type DataType } from "../../src/types/data-type.js";
import { pickled, testPython } from "../python/python-env.js";

const schema = structType([structField("name", StringType), structField("n", LongType)]);

/** A source of fixed batches per partition. */
function source(parts: readonly (readonly [string | null, number][])[]): ExecutionPlan {
  return {
    name: "Source",
    schema,
    children: [],
    numPartitions: () => parts.length,
    explainDetail: () => "",
    async *execute(p: number): AsyncIterable<ColumnBatch> {
      const rows = parts[p]!;
      yield makeBatch(schema, [vectorFromValues(StringType, rows.map((r) => r[0])), vectorFromValues(LongType, rows.map((r) => r[1]))]);
    },
  };
}

const ref = (ordinal: number, dataType: DataType, name: string): Expr => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name });

function udf(name: string, src: string, returnType: DataType, args: readonly Expr[]): PythonUDF {
  return { kind: "PythonUDF", name, func: pickled(src), returnType, args, evalType: 100, deterministic: true };
}

async function rows(plan: ExecutionPlan, p: number, ctx: ExecContext): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const b of plan.execute(p, ctx)) out.push(...batchToRows(b));
  return out;
}

describe.skipIf(testPython.skipReason !== null)(`BatchEvalPythonExec (${testPython.skipReason ?? testPython.exe})`, () => {
  const runner = new ProcessPythonRunner(2);
  const ctx: ExecContext = { conf: new SqlConf(), pythonExec: testPython.exe, signal: new AbortController().signal, services: { parallelism: 2, python: runner } };
  afterAll(() => runner.close());

  const upper = udf("upper", "lambda s: s.upper() if s is not None else None", StringType, [ref(0, StringType, "name")]);
  const square = udf("square", "lambda x: x * x", IntegerType, [ref(1, LongType, "n")]);
  const tag = udf("tag", "lambda s, n: f'{s}-{n}'", StringType, [ref(0, StringType, "name"), ref(1, LongType, "n")]);
  const plus = udf("plus", "lambda x: x + 1", LongType, [{ kind: "ScalarCall", fn: "*", args: [ref(1, LongType, "n"), { kind: "Literal", value: 10, dataType: LongType }], dataType: LongType, nullable: true }]);

  it("appends one result column per UDF after the child's columns", async () => {
    const exec = new BatchEvalPythonExec(source([[["alice", 1], ["bob", 2], [null, 3]]]), [upper, square, tag], [
      structField("pythonUDF0", StringType),
      structField("pythonUDF1", IntegerType),
      structField("pythonUDF2", StringType),
    ]);
    expect(exec.schema.fields.map((f) => f.name)).toEqual(["name", "n", "pythonUDF0", "pythonUDF1", "pythonUDF2"]);
    expect(await rows(exec, 0, ctx)).toEqual([
      ["alice", 1, "ALICE", 1, "alice-1"],
      ["bob", 2, "BOB", 4, "bob-2"],
      [null, 3, null, 9, "None-3"],
    ]);
  });

  it("evaluates argument expressions vectorized before shipping them", async () => {
    const exec = new BatchEvalPythonExec(source([[["a", 4]]]), [plus], [structField("pythonUDF0", LongType)]);
    expect(await rows(exec, 0, ctx)).toEqual([["a", 4, 41]]);
  });

  it("runs partitions concurrently on different workers", async () => {
    const pid = udf("pid", "lambda x: __import__('time').sleep(0.3) or __import__('os').getpid()", LongType, [ref(1, LongType, "n")]);
    const exec = new BatchEvalPythonExec(source([[["a", 1]], [["b", 2]]]), [pid], [structField("pythonUDF0", LongType)]);
    const [r0, r1] = await Promise.all([rows(exec, 0, ctx), rows(exec, 1, ctx)]);
    expect(r0[0]![2]).not.toBe(r1[0]![2]);
  });

  it("raises PythonException when the UDF raises", async () => {
    const bad = udf("bad", "lambda x: 1 // 0", IntegerType, [ref(1, LongType, "n")]);
    const exec = new BatchEvalPythonExec(source([[["a", 1]]]), [bad], [structField("pythonUDF0", IntegerType)]);
    const err = await rows(exec, 0, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PythonException);
    expect((err as PythonException).pythonTraceback).toContain("ZeroDivisionError");
  });
});
