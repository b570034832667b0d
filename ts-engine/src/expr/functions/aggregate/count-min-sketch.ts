import { makeVector, type Vector } from "../../../columnar/vector.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import { BinaryType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { AggCall, Expr } from "../../expr.js";
import { JavaRandom } from "../../kernels/java-random.js";
import { doubleToString } from "../../eval/java-number-string.js";
import { murmur3Bytes } from "../../kernels/murmur3.js";
import { foldedValue } from "../foldable.js";
import { aggCall, checkArity, doc, firstArg, quotedSql, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

// count_min_sketch(col, eps, confidence, seed): Spark's CountMinSketchImpl, bytes and all —
// width ceil(2 / eps), depth ceil(-ln(1 - confidence) / ln 2), row seeds from
// java.util.Random(seed).nextInt(Integer.MAX_VALUE), integers hashed by (a·x mod 2^31-1) mod
// width, strings and binaries by Murmur3_x86_32 double hashing; serialized big-endian as
// Java's DataOutputStream writes it.

const PRIME_MODULUS = (1n << 31n) - 1n;
const ENCODER = new TextEncoder();

/** The sketch's shape, fixed per call. */
interface Shape {
  readonly depth: number;
  readonly width: number;
  readonly hashA: readonly bigint[];
}

function shapeOf(eps: number, confidence: number, seed: number): Shape {
  const width = Math.ceil(2 / eps);
  const depth = Math.ceil(-Math.log(1 - confidence) / Math.log(2));
  const r = new JavaRandom(seed);
  const hashA: bigint[] = [];
  for (let i = 0; i < depth; i++) hashA.push(BigInt(r.nextInt(2147483647)));
  return { depth, width, hashA };
}

/** Spark's hash(long item, int row): a·x, folded mod 2^31 - 1, then Java's int % width. */
function longBucket(a: bigint, x: bigint, width: number): number {
  let h = BigInt.asIntN(64, a * x);
  h = BigInt.asIntN(64, h + (h >> 32n));
  h &= PRIME_MODULUS;
  return Number(BigInt.asIntN(32, h)) % width;
}

/** One sketch per group: `depth` rows of `width` counters, and the total count. */
class CountMinAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [BinaryType];
  private tables: BigInt64Array[] = [];
  private totals: bigint[] = [];

  constructor(private readonly shape: Shape) {}

  ensure(n: number): void {
    while (this.tables.length < n) {
      this.tables.push(new BigInt64Array(this.shape.depth * this.shape.width));
      this.totals.push(0n);
    }
  }

  private addBuckets(g: number, buckets: (row: number) => number): void {
    const t = this.tables[g]!;
    const { depth, width } = this.shape;
    for (let i = 0; i < depth; i++) t[i * width + buckets(i)]! += 1n;
    this.totals[g]! += 1n;
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    const { hashA, width } = this.shape;
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x === null || x === undefined) continue;
      if (typeof x === "number" || typeof x === "bigint") {
        const item = BigInt(x);
        this.addBuckets(groups[i]!, (row) => longBucket(hashA[row]!, item, width));
      } else {
        const b = typeof x === "string" ? ENCODER.encode(x) : (x as Uint8Array);
        const h1 = murmur3Bytes(b, 0, b.length, 0);
        const h2 = murmur3Bytes(b, 0, b.length, h1);
        // Java int arithmetic: (hash1 + i * hash2) wraps, then % and Math.abs.
        this.addBuckets(groups[i]!, (row) => Math.abs(((h1 + Math.imul(row, h2)) | 0) % width));
      }
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    const cells = this.shape.depth * this.shape.width;
    for (let i = 0; i < n; i++) {
      const b = vals[i] as Uint8Array | null | undefined;
      if (b === null || b === undefined) continue;
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const g = groups[i]!;
      this.totals[g]! += dv.getBigInt64(4);
      const start = 20 + 8 * this.shape.depth;
      const t = this.tables[g]!;
      for (let k = 0; k < cells; k++) t[k]! += dv.getBigInt64(start + 8 * k);
    }
  }

  private serialize(g: number): Uint8Array {
    const { depth, width, hashA } = this.shape;
    const out = new Uint8Array(20 + 8 * depth + 8 * depth * width);
    const dv = new DataView(out.buffer);
    dv.setInt32(0, 1);
    dv.setBigInt64(4, this.totals[g]!);
    dv.setInt32(12, depth);
    dv.setInt32(16, width);
    hashA.forEach((a, i) => dv.setBigInt64(20 + 8 * i, a));
    const t = this.tables[g]!;
    const start = 20 + 8 * depth;
    for (let k = 0; k < t.length; k++) dv.setBigInt64(start + 8 * k, t[k]!);
    return out;
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    this.ensure(numGroups);
    const out: Uint8Array[] = [];
    for (let g = 0; g < numGroups; g++) out.push(this.serialize(g));
    return makeVector(BinaryType, out, null, numGroups);
  }
}

/** A foldable argument's number, or Spark's NON_FOLDABLE_INPUT. */
function literalNumber(draft: AggCall, e: Expr, name: string, type: string): number {
  const v = foldedValue(e);
  if (v === null) throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(draft), inputName: `\`${name}\``, inputType: type, inputExpr: quotedSql(e) });
  return Number(v.value as number | bigint);
}

/** count_min_sketch(col, eps, confidence, seed): a Count-min sketch of the column as Spark's bytes. */
export const COUNT_MIN_SKETCH: AggFunctionDef = {
  kind: "agg",
  name: "count_min_sketch",
  doc: doc("count_min_sketch(col, eps, confidence, seed)", "Returns a count-min sketch of the non-null values (integral, string or binary) with relative error eps at the given confidence, serialized as Spark's CountMinSketch."),
  resolve(_n, args, isDistinct) {
    checkArity("count_min_sketch", args, 4);
    const [c, eps, conf, seed] = [args[0]!, args[1]!, args[2]!, args[3]!];
    const draft = aggCall("count_min_sketch", args, isDistinct, BinaryType, false);
    const t = exprType(c);
    if (!["byte", "short", "integer", "long", "string", "binary", "null"].includes(t.kind)) throw unexpectedInputType(draft, 0, c, '("INTEGRAL" or "STRING" or "BINARY")');
    if (exprType(eps).kind !== "double") throw unexpectedInputType(draft, 1, eps, '"DOUBLE"');
    if (exprType(conf).kind !== "double") throw unexpectedInputType(draft, 2, conf, '"DOUBLE"');
    if (exprType(seed).kind !== "integer") throw unexpectedInputType(draft, 3, seed, '"INT"');
    const e = literalNumber(draft, eps, "eps", '"DOUBLE"');
    const p = literalNumber(draft, conf, "confidence", '"DOUBLE"');
    literalNumber(draft, seed, "seed", '"INT"');
    if (!(e > 0)) {
      throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", { sqlExpr: quotedSql(draft), exprName: "eps", valueRange: `(0.0, ${doubleToString(Number.MAX_VALUE)}]`, currentValue: `${doubleToString(e)}D` });
    }
    if (!(p > 0 && p < 1)) {
      throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", { sqlExpr: quotedSql(draft), exprName: "confidence", valueRange: "(0.0, 1.0]", currentValue: `${doubleToString(p)}D` });
    }
    return draft;
  },
  accumulator(call) {
    const num = (i: number): number => Number(foldedValue(call.args[i]!)!.value as number);
    return new CountMinAcc(shapeOf(num(1), num(2), num(3)));
  },
  updateArgs: firstArg,
};
