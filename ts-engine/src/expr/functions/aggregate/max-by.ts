import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { compareValues } from "../../../columnar/value-order.js";
import type { Vector } from "../../../columnar/vector.js";
import type { DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { aggCall, allArgs, checkArity, doc, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/**
 * max_by(x, ord) / min_by(x, ord): the x of the row with the greatest (least) non-null ord;
 * x itself may be null. Ties keep the first row seen, as Spark's MaxBy buffer does.
 */
export class MaxByAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private values: unknown[] = [];
  private keys: unknown[] = [];

  constructor(
    private readonly valueType: DataType,
    keyType: DataType,
    private readonly max: boolean,
  ) {
    this.partialTypes = [valueType, keyType];
  }

  ensure(n: number): void {
    while (this.keys.length < n) {
      this.keys.push(null);
      this.values.push(null);
    }
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const xs = vectorToValues(args[0]!);
    const ks = vectorToValues(args[1]!);
    for (let i = 0; i < n; i++) {
      const k = ks[i];
      if (k === null || k === undefined) continue;
      const g = groups[i]!;
      const cur = this.keys[g];
      const c = cur === null ? 1 : compareValues(k, cur);
      if (cur === null || (this.max ? c > 0 : c < 0)) {
        this.keys[g] = k;
        this.values[g] = xs[i] ?? null;
      }
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.update(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return [vectorFromValues(this.valueType, this.values.slice(0, numGroups)), vectorFromValues(this.partialTypes[1]!, this.keys.slice(0, numGroups))];
  }

  result(numGroups: number): Vector {
    return vectorFromValues(this.valueType, this.values.slice(0, numGroups));
  }
}

function maxBy(name: "max_by" | "min_by"): AggFunctionDef {
  return {
    kind: "agg",
    name,
    doc: doc(`${name}(x, y)`, `Returns the value of x at the row with the ${name === "max_by" ? "greatest" : "least"} y.`),
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 2);
      return aggCall(name, args, isDistinct, exprType(args[0]!), true);
    },
    accumulator: (call) => new MaxByAcc(call.dataType, exprType(call.args[1]!), name === "max_by"),
    updateArgs: allArgs,
  };
}

/** Registry entries of max_by and min_by. */
export const MAX_BY_AGGREGATES: readonly AggFunctionDef[] = [maxBy("max_by"), maxBy("min_by")];
