import { makeVector, type Vector } from "../../../columnar/vector.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { SparkException } from "../../../errors/spark-exception.js";
import { BinaryType, LongType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { aggCall, allArgs, checkArity, doc, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

// bitmap_construct_agg / bitmap_or_agg (Spark's bitmap_funcs): one 32768-bit (4096-byte)
// bitmap per group, bit p at byte p / 8, bit p % 8, as bitmap_bit_position numbers them.

/** Bytes of a bitmap (Spark's BitmapExpressionUtils.NUM_BYTES). */
const NUM_BYTES = 4096;

/** A bitmap per group; OR-ing bitmaps is both the merge and bitmap_or_agg's update. */
class BitmapAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [BinaryType];
  private maps: Uint8Array[] = [];

  constructor(private readonly fromPositions: boolean) {}

  ensure(n: number): void {
    while (this.maps.length < n) this.maps.push(new Uint8Array(NUM_BYTES));
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    if (!this.fromPositions) return this.merge(groups, n, args);
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x === null || x === undefined) continue;
      const p = Number(x as number | bigint);
      if (p < 0 || p >= NUM_BYTES * 8) {
        throw new SparkException("ArrayIndexOutOfBoundsException", "INVALID_BITMAP_POSITION", { bitPosition: String(x), bitmapNumBits: String(NUM_BYTES * 8), bitmapNumBytes: String(NUM_BYTES) });
      }
      this.maps[groups[i]!]![p >> 3]! |= 1 << (p & 7);
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) {
      const b = vals[i] as Uint8Array | null | undefined;
      if (b === null || b === undefined) continue;
      const m = this.maps[groups[i]!]!;
      const len = Math.min(b.length, NUM_BYTES);
      for (let k = 0; k < len; k++) m[k]! |= b[k]!;
    }
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    return makeVector(BinaryType, this.maps.slice(0, numGroups).map((m) => m.slice()), null, numGroups);
  }
}

function bitmapAgg(name: string, fromPositions: boolean, description: string): AggFunctionDef {
  return {
    kind: "agg",
    name,
    doc: doc(`${name}(child)`, description),
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 1);
      const a = args[0]!;
      const t = exprType(a);
      const draft = aggCall(name, args, isDistinct, BinaryType, false);
      if (fromPositions) {
        // Spark's BitmapConstructAgg takes a BIGINT (ImplicitCastInputTypes: any integral).
        if (t.kind !== "byte" && t.kind !== "short" && t.kind !== "integer" && t.kind !== "long" && t.kind !== "string" && t.kind !== "null") throw unexpectedInputType(draft, 0, a, '"BIGINT"');
        return aggCall(name, [implicitCast(a, LongType)], isDistinct, BinaryType, false);
      }
      if (t.kind !== "binary" && t.kind !== "null") throw unexpectedInputType(draft, 0, a, '"BINARY"');
      return aggCall(name, [implicitCast(a, BinaryType)], isDistinct, BinaryType, false);
    },
    accumulator: () => new BitmapAcc(fromPositions),
    updateArgs: allArgs,
    ignoresDistinct: true,
  };
}

/** Registry entries of the bitmap aggregates. */
export const BITMAP_AGGREGATES: readonly AggFunctionDef[] = [
  bitmapAgg("bitmap_construct_agg", true, "Returns a 4096-byte bitmap with the bit of every non-null position set (positions from bitmap_bit_position, in [0, 32768))."),
  bitmapAgg("bitmap_or_agg", false, "Returns the bitwise OR of the non-null bitmaps."),
];
