import { randomUUID } from "node:crypto";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { vectorFromValues } from "../../columnar/builder.js";
import { formatUnscaled, unscaled } from "../../columnar/decimal-value.js";
import { DoubleType, FloatType, IntegerType, LongType, NullType, ShortType, StringType, type DataType } from "../../types/data-type.js";
import type { EvalContext } from "../eval/eval-context.js";
import { normalizeLongs } from "../eval/vectors.js";
import { exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { XorShiftRandom } from "../kernels/xorshift-random.js";
import { checkArity, doc, quotedSql, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { lit } from "./row-function.js";
import { foldedValue } from "./foldable.js";
import { quotedType } from "./function-def.js";

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

/**
 * The call's generator for this batch's partition, continued across its batches, fresh when a
 * partition restarts; `drawRow` consumes one row's draws (one nextDouble for rand).
 */
function generatorFor(call: ScalarCall, seed: bigint, ctx: EvalContext, drawRow: (rng: XorShiftRandom) => void = (r) => r.nextDouble()): XorShiftRandom {
  const { index, rowOffset } = positionOf(ctx);
  let byPartition = streams.get(call);
  if (byPartition === undefined) streams.set(call, (byPartition = new Map()));
  let s = byPartition.get(index);
  if (s === undefined || s.nextOffset !== rowOffset || rowOffset === 0) {
    s = { rng: new XorShiftRandom(seed + BigInt(index)), nextOffset: rowOffset };
    // A batch that does not start the partition (an operator's later batch seen first) skips ahead.
    for (let i = 0; i < rowOffset; i++) drawRow(s.rng);
    byPartition.set(index, s);
  }
  return s.rng;
}

/** Records that a batch of `numRows` rows drew from the call's generator for this partition. */
function advance(call: ScalarCall, ctx: EvalContext, numRows: number): void {
  const s = streams.get(call)?.get(positionOf(ctx).index);
  if (s !== undefined) s.nextOffset += numRows;
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
      advance(call, ctx, numRows);
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

const ORDINALS = ["first", "second", "third"];

/** Spark's DataTypeMismatch of an argument of uniform/randstr, checked in order as Spark does. */
function mismatch(call: Expr, subClass: "NON_FOLDABLE_INPUT" | "UNEXPECTED_INPUT_TYPE", index: number, name: string, required: string, arg: Expr): AnalysisException {
  const sqlExpr = quotedSql(call);
  return subClass === "NON_FOLDABLE_INPUT"
    ? new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr, inputName: `\`${name}\``, inputType: required, inputExpr: quotedSql(arg) })
    : new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", { sqlExpr, paramIndex: ORDINALS[index]!, requiredType: required, inputSql: quotedSql(arg), inputType: quotedType(exprType(arg)) });
}

const UNIFORM_TYPES = new Set(["short", "integer", "long", "float", "double", "decimal", "null"]);
const INTEGER_TYPES = new Set(["short", "integer", "long"]);

/**
 * uniform's result type (Spark 4.0's Uniform.dataType): null when a bound is null, the widest
 * integer when both bounds are integers, else double, float, or the bounds' decimal type.
 */
function uniformType(a: DataType, b: DataType): DataType {
  const kinds = [a.kind, b.kind];
  if (kinds.includes("null")) return NullType;
  if (kinds.every((k) => INTEGER_TYPES.has(k))) return kinds.includes("long") ? LongType : kinds.includes("integer") ? IntegerType : ShortType;
  if (kinds.includes("double")) return DoubleType;
  if (kinds.includes("float")) return FloatType;
  return a.kind === "decimal" ? a : b;
}

/** A foldable argument's value as a double (uniform's bounds) or a long (seeds). */
function foldedNumber(e: Expr): number | bigint {
  const v = foldedValue(e)?.value;
  return typeof v === "bigint" ? v : Number(v);
}

/**
 * uniform(min, max[, seed]): Spark's replacement `CAST(min + (max - min) * rand(seed) AS t)`,
 * so the values are rand's (XORShiftRandom per partition) scaled and truncated to the type.
 */
const UNIFORM: ScalarFunctionDef = {
  kind: "scalar",
  nondeterministic: true,
  name: "uniform",
  doc: doc("uniform(min, max[, seed])", "Returns uniformly distributed random values between the constants `min` and `max`: an integer when both are integers, else a floating-point value (seeded as rand)."),
  resolve(_n, given) {
    checkArity("uniform", given, 2, 3);
    const args = given.length === 3 ? given : [...given, lit(randomSeed(), LongType)];
    const draft = scalarCall("uniform", args, DoubleType, false);
    ["min", "max", "seed"].forEach((name, i) => {
      const a = args[i]!;
      if (foldedValue(a) === null) throw mismatch(draft, "NON_FOLDABLE_INPUT", i, name, "integer or floating-point", a);
      const k = exprType(a).kind;
      // Other types fail Spark's implicit cast to NUMERIC first.
      if (!UNIFORM_TYPES.has(k)) throw mismatch(draft, "UNEXPECTED_INPUT_TYPE", i, name, k === "string" || k === "boolean" ? '"NUMERIC"' : "integer or floating-point", a);
    });
    return scalarCall("uniform", args, uniformType(exprType(args[0]!), exprType(args[1]!)), false);
  },
  eval(_args, call, ctx, numRows) {
    const [minE, maxE, seedE] = call.args as [Expr, Expr, Expr];
    const lo = Number(foldedValue(minE)?.value ?? 0);
    const span = Number(foldedValue(maxE)?.value ?? 0) - lo;
    const seed = foldedNumber(seedE);
    const rng = generatorFor(call, BigInt(typeof seed === "bigint" ? seed : Math.trunc(seed)), ctx);
    const t = call.dataType;
    let out: Vector;
    if (t.kind === "null") out = vectorFromValues(NullType, new Array<null>(numRows).fill(null));
    else if (t.kind === "decimal") {
      // CAST(double AS DECIMAL(p, s)): Java's BigDecimal of the double, rounded HALF_UP.
      const vals = new Array<string>(numRows);
      for (let i = 0; i < numRows; i++) vals[i] = formatUnscaled(unscaled(String(lo + span * rng.nextDouble()), t.scale), t.scale);
      out = vectorFromValues(t, vals);
    } else if (t.kind === "long") {
      const data = new BigInt64Array(numRows);
      for (let i = 0; i < numRows; i++) data[i] = BigInt(Math.trunc(lo + span * rng.nextDouble()));
      out = normalizeLongs(LongType, data, null);
    } else {
      const data = t.kind === "integer" ? new Int32Array(numRows) : t.kind === "short" ? new Int16Array(numRows) : t.kind === "float" ? new Float32Array(numRows) : new Float64Array(numRows);
      // Typed-array stores truncate (ints) and round to float as Java's casts do.
      for (let i = 0; i < numRows; i++) data[i] = lo + span * rng.nextDouble();
      out = makeVector(t, data, null, numRows);
    }
    advance(call, ctx, numRows);
    return out;
  },
};

/** One row of randstr: each character from one nextInt, |n % 62| over 0-9, a-z, A-Z. */
function randomChars(rng: XorShiftRandom, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const n = Math.abs(rng.nextInt32() % 62);
    s += String.fromCharCode(n < 10 ? 48 + n : n < 36 ? 97 + n - 10 : 65 + n - 36);
  }
  return s;
}

/** randstr(length[, seed]): random strings of a constant length, seeded per partition as rand. */
const RANDSTR: ScalarFunctionDef = {
  kind: "scalar",
  nondeterministic: true,
  name: "randstr",
  doc: doc("randstr(length[, seed])", "Returns a string of the constant `length` whose characters are drawn uniformly at random from 0-9, a-z, A-Z (seeded per partition as rand)."),
  resolve(_n, given) {
    checkArity("randstr", given, 1, 2);
    const args = given.length === 2 ? given : [...given, lit(randomSeed(), LongType)];
    const draft = scalarCall("randstr", args, StringType, false);
    ["length", "seed"].forEach((name, i) => {
      const a = args[i]!;
      if (foldedValue(a) === null) throw mismatch(draft, "NON_FOLDABLE_INPUT", i, name, "integer", a);
      if (!INTEGER_TYPES.has(exprType(a).kind)) throw mismatch(draft, "UNEXPECTED_INPUT_TYPE", i, name, "integer", a);
    });
    return draft;
  },
  eval(_args, call, ctx, numRows) {
    const length = Number(foldedNumber(call.args[0]!));
    if (length < 0) {
      throw new SparkException("SparkRuntimeException", "INVALID_PARAMETER_VALUE.LENGTH", { parameter: "`length`", functionName: "`randstr`", length: String(length) });
    }
    const seed = BigInt(foldedNumber(call.args[1]!));
    const rng = generatorFor(call, seed, ctx, (r) => randomChars(r, length));
    const out = new Array<string>(numRows);
    for (let i = 0; i < numRows; i++) out[i] = randomChars(rng, length);
    advance(call, ctx, numRows);
    return makeVector(StringType, out, null, numRows);
  },
};

/** Registry entries for nondeterministic functions. */
export const NONDETERMINISTIC_FUNCTIONS: readonly ScalarFunctionDef[] = [
  MONOTONICALLY_INCREASING_ID,
  SPARK_PARTITION_ID,
  random("rand", false, "Returns independent uniformly distributed values in [0, 1), seeded (Spark's XORShiftRandom per partition)."),
  random("randn", true, "Returns independent standard normal values, seeded (Spark's XORShiftRandom per partition)."),
  UUID,
  UNIFORM,
  RANDSTR,
];
