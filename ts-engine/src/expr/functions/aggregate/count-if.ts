import { expectStorage, makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { LongType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { aggCall, allArgs, checkArity, doc, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import { growF64, type Accumulator } from "./accumulator.js";

/** count_if(pred): the number of rows where the predicate is true (null counts as false); never null. */
export class CountIfAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [LongType];
  private counts: Float64Array = new Float64Array(16);

  ensure(n: number): void {
    this.counts = growF64(this.counts, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const d = expectStorage(v, "bool").data;
    for (let i = 0; i < n; i++) {
      if (d[i] === 1 && (v.validity === null || v.validity[i] === 1)) this.counts[groups[i]!] = this.counts[groups[i]!]! + 1;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const d = numbersOf(partial[0]!);
    for (let i = 0; i < n; i++) this.counts[groups[i]!] = this.counts[groups[i]!]! + d[i]!;
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    return makeVector(LongType, this.counts.slice(0, numGroups), null, numGroups);
  }
}

/** count_if: bigint, never null; the argument must be boolean. */
export const COUNT_IF: AggFunctionDef = {
  kind: "agg",
  name: "count_if",
  doc: doc("count_if(expr)", "Returns the number of rows where `expr` is true."),
  resolve(_n, args, isDistinct) {
    checkArity("count_if", args, 1);
    const call = aggCall("count_if", args, isDistinct, LongType, false);
    const t = exprType(args[0]!).kind;
    if (t !== "boolean" && t !== "null") throw unexpectedInputType(call, 0, args[0]!, '"BOOLEAN"');
    return call;
  },
  accumulator: () => new CountIfAcc(),
  updateArgs: allArgs,
};
