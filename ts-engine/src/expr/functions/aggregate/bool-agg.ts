import { makeVector, expectStorage, type Vector } from "../../../columnar/vector.js";
import { BooleanType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { aggCall, allArgs, checkArity, doc, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import { growU8, seenValidity, type Accumulator } from "./accumulator.js";

/** bool_and / bool_or over non-null booleans; null for a group without one. */
export class BoolAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [BooleanType];
  private value: Uint8Array = new Uint8Array(16);
  private seen: Uint8Array = new Uint8Array(16);

  constructor(private readonly and: boolean) {}

  ensure(n: number): void {
    this.value = growU8(this.value, n);
    this.seen = growU8(this.seen, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const d = expectStorage(v, "bool").data;
    for (let i = 0; i < n; i++) {
      if (v.validity !== null && v.validity[i] === 0) continue;
      const g = groups[i]!;
      const x = d[i]!;
      this.value[g] = this.seen[g] === 0 ? x : this.and ? this.value[g]! & x : this.value[g]! | x;
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
    return makeVector(BooleanType, this.value.slice(0, numGroups), seenValidity(this.seen, numGroups), numGroups);
  }
}

function boolAgg(name: string, and: boolean): AggFunctionDef {
  return {
    kind: "agg",
    name,
    doc: doc(`${name}(expr)`, and ? "Returns true if every non-null value is true." : "Returns true if some non-null value is true."),
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 1);
      const call = aggCall(name, args, isDistinct, BooleanType, true);
      const t = exprType(args[0]!).kind;
      if (t !== "boolean" && t !== "null") throw unexpectedInputType(call, 0, args[0]!, '"BOOLEAN"');
      return call;
    },
    accumulator: () => new BoolAcc(and),
    updateArgs: allArgs,
    ignoresDistinct: true,
  };
}

/** Registry entries of the boolean aggregates under all their Spark names. */
export const BOOL_AGGREGATES: readonly AggFunctionDef[] = [
  boolAgg("bool_and", true),
  boolAgg("every", true),
  boolAgg("bool_or", false),
  boolAgg("some", false),
  boolAgg("any", false),
];
