import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { DoubleType, type DataType } from "../../../types/data-type.js";
import { aggCall, allArgs, checkArity, doc, implicitCast, type AggFunctionDef } from "../function-def.js";
import { growF64, growU8, seenValidity, type Accumulator } from "./accumulator.js";

/** product(expr): the product of the non-null values as a double; null for a group without one. */
export class ProductAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [DoubleType];
  private prod: Float64Array = new Float64Array(16).fill(1);
  private seen: Uint8Array = new Uint8Array(16);

  ensure(n: number): void {
    const old = this.prod.length;
    this.prod = growF64(this.prod, n);
    this.prod.fill(1, old);
    this.seen = growU8(this.seen, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const d = numbersOf(v);
    for (let i = 0; i < n; i++) {
      if (v.validity !== null && v.validity[i] === 0) continue;
      const g = groups[i]!;
      this.prod[g] = this.prod[g]! * d[i]!;
      this.seen[g] = 1;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.update(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    return makeVector(DoubleType, this.prod.slice(0, numGroups), seenValidity(this.seen, numGroups), numGroups);
  }
}

/** product: double; input cast to double. */
export const PRODUCT: AggFunctionDef = {
  kind: "agg",
  name: "product",
  doc: doc("product(expr)", "Returns the product of the non-null values as a double."),
  resolve(_n, args, isDistinct) {
    checkArity("product", args, 1);
    return aggCall("product", [implicitCast(args[0]!, DoubleType)], isDistinct, DoubleType, true);
  },
  accumulator: () => new ProductAcc(),
  updateArgs: allArgs,
};
