import { randomUUID } from "node:crypto";
import { makeVector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { DoubleType, IntegerType, LongType, StringType } from "../../types/data-type.js";
import type { EvalContext } from "../eval/eval-context.js";
import { normalizeLongs } from "../eval/vectors.js";
import { exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { XorShiftRandom } from "../kernels/xorshift-random.js";
import { checkArity, doc, quotedSql, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { lit } from "./row-function.js";

// Spark's Nondeterministic expressions, whose values depend on the partition and the row's
// place in it (EvalContext.partition): monotonically_increasing_id, spark_partition_id,
// rand/randn (seeded per partition as Spark: XORShiftRandom(seed + partitionIndex)), uuid.

function positionOf(ctx: EvalContext): { index: number; rowOffset: number } {
  return ctx.partition ?? { index: 0, rowOffset: 0 };
}

const MONOTONICALLY_INCREASING_ID: ScalarFunctionDef = {
  kind: "scalar",
  nondeterministic: true,
  name: "monotonically_increasing_id",
  doc: doc("monotonically_increasing_id()", "Returns a unique, increasing 64-bit id: the partition index in the upper 31 bits and the row's position in its partition in the lower 33, as Spark."),
  resolve(_n, args) {
    checkArity("monotonically_increasing_id", args, 0);
    return scalarCall("monotonically_increasing_id", [], LongType, false);
  },
  eval(_args, _call, ctx, numRows) {
    const { index, rowOffset } = positionOf(ctx);
    const base = (BigInt(index) << 33n) + BigInt(rowOffset);
    const out = new BigInt64Array(numRows);
    for (let i = 0; i < numRows; i++) out[i] = base + BigInt(i);
    return normalizeLongs(LongType, out, null);
  },
};

const SPARK_PARTITION_ID: ScalarFunctionDef = {
  kind: "scalar",
  nondeterministic: true,
  name: "spark_partition_id",
  doc: doc("spark_partition_id()", "Returns the index of the partition the row is in."),
  resolve(_n, args) {
    checkArity("spark_partition_id", args, 0);
    return scalarCall("SPARK_PARTITION_ID", [], IntegerType, false);
  },
  eval(_args, _call, ctx, numRows) {
    return makeVector(IntegerType, new Int32Array(numRows).fill(positionOf(ctx).index), null, numRows);
  },
};

/** A random Java long, for rand()/randn() without a seed (Spark draws one and shows it in the name). */
function randomSeed(): bigint {
  const b = new BigInt64Array(1);
  crypto.getRandomValues(b);
  return b[0]!;
}

interface Stream {
  rng: XorShiftRandom;
  nextOffset: number;
}

const streams = new WeakMap<ScalarCall, Map<number, Stream>>();

/** The call's generator for this batch's partition, continued across its batches, fresh when a partition restarts. */
function generatorFor(call: ScalarCall, seed: bigint, ctx: EvalContext): XorShiftRandom {
  const { index, rowOffset } = positionOf(ctx);
  let byPartition = streams.get(call);
  if (byPartition === undefined) streams.set(call, (byPartition = new Map()));
  let s = byPartition.get(index);
  if (s === undefined || s.nextOffset !== rowOffset || rowOffset === 0) {
    s = { rng: new XorShiftRandom(seed + BigInt(index)), nextOffset: rowOffset };
    // A batch that does not start the partition (an operator's later batch seen first) skips ahead.
    for (let i = 0; i < rowOffset; i++) s.rng.nextDouble();
    byPartition.set(index, s);
  }
  return s.rng;
}

function seedArg(name: string, args: readonly Expr[]): Expr {
  checkArity(name, args, 0, 1);
  const a = args[0];
  if (a === undefined) return lit(randomSeed(), LongType);
  const t = exprType(a);
  if (a.kind !== "Literal" || (t.kind !== "integer" && t.kind !== "long" && t.kind !== "null")) {
    throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
      sqlExpr: quotedSql(scalarCall(name, args, DoubleType, false)),
      paramIndex: "first",
      requiredType: '("INT" or "BIGINT")',
      inputSql: quotedSql(a),
      inputType: `"${t.kind === "integer" ? "INT" : t.kind.toUpperCase()}"`,
    });
  }
  return a;
}

function seedOf(call: ScalarCall): bigint {
  const a = call.args[0];
  const v = a !== undefined && a.kind === "Literal" ? a.value : 0;
  return v === null ? 0n : BigInt(v as number | bigint);
}

function random(name: "rand" | "randn", gaussian: boolean, description: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    nondeterministic: true,
    name,
    doc: doc(`${name}([seed])`, description),
    resolve(_n, args) {
      return scalarCall(name, [seedArg(name, args)], DoubleType, false);
    },
    eval(_args, call, ctx, numRows) {
      const rng = generatorFor(call, seedOf(call), ctx);
      const out = new Float64Array(numRows);
      for (let i = 0; i < numRows; i++) out[i] = gaussian ? rng.nextGaussian() : rng.nextDouble();
      const s = streams.get(call)?.get(positionOf(ctx).index);
      if (s !== undefined) s.nextOffset += numRows;
      return makeVector(DoubleType, out, null, numRows);
    },
  };
}

const UUID: ScalarFunctionDef = {
  kind: "scalar",
  nondeterministic: true,
  name: "uuid",
  doc: doc("uuid()", "Returns a random universally unique identifier (UUID) string."),
  resolve(_n, args) {
    checkArity("uuid", args, 0);
    return scalarCall("uuid", [], StringType, false);
  },
  eval(_args, _call, _ctx, numRows) {
    return makeVector(StringType, Array.from({ length: numRows }, () => randomUUID()), null, numRows);
  },
};

/** Registry entries for nondeterministic functions. */
export const NONDETERMINISTIC_FUNCTIONS: readonly ScalarFunctionDef[] = [
  MONOTONICALLY_INCREASING_ID,
  SPARK_PARTITION_ID,
  random("rand", false, "Returns independent uniformly distributed values in [0, 1), seeded (Spark's XORShiftRandom per partition)."),
  random("randn", true, "Returns independent standard normal values, seeded (Spark's XORShiftRandom per partition)."),
  UUID,
];
