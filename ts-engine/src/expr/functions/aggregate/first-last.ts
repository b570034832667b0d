import { expectStorage, makeVector, type Vector } from "../../../columnar/vector.js";
import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { BooleanType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { AggCall } from "../../expr.js";
import { doc, type FunctionDoc, aggCall, checkArity, firstArg, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/**
 * first(x[, ignoreNulls]) / last(...) / any_value(x): the first (last) value seen in
 * input order, nulls included unless `ignoreNulls`. Partial state: [value, valueSet].
 */
export class FirstLastAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private vals: unknown[] = [];
  private set: Uint8Array = new Uint8Array(16);

  constructor(
    private readonly type: DataType,
    private readonly isLast: boolean,
    private readonly ignoreNulls: boolean,
  ) {
    this.partialTypes = [type, BooleanType];
  }

  ensure(n: number): void {
    if (this.set.length < n) {
      const s = new Uint8Array(Math.max(n, this.set.length * 2));
      s.set(this.set);
      this.set = s;
    }
  }

  private take(groups: Int32Array, n: number, values: readonly unknown[], present: Uint8Array | null): void {
    for (let i = 0; i < n; i++) {
      if (present !== null && present[i] === 0) continue;
      const x = values[i];
      if (this.ignoreNulls && x === null) continue;
      const g = groups[i]!;
      if (this.isLast || this.set[g] === 0) {
        this.vals[g] = x;
        this.set[g] = 1;
      }
    }
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    this.take(groups, n, vectorToValues(args[0]!), null);
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.take(groups, n, vectorToValues(partial[0]!), expectStorage(partial[1]!, "bool").data);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups), makeVector(BooleanType, this.set.slice(0, numGroups), null, numGroups)];
  }

  result(numGroups: number): Vector {
    const out: unknown[] = [];
    for (let g = 0; g < numGroups; g++) out.push(this.set[g] === 1 ? (this.vals[g] ?? null) : null);
    return vectorFromValues(this.type, out);
  }
}

/** The optional second argument (a boolean literal): skip nulls. */
function ignoreNulls(call: AggCall): boolean {
  const a = call.args[1];
  return a !== undefined && a.kind === "Literal" && a.value === true;
}

/** first/last/any_value: the argument's type; the second argument is the ignoreNulls flag. */
function firstLast(fnName: "first" | "last" | "any_value", doc: FunctionDoc): AggFunctionDef {
  return {
    kind: "agg",
    name: fnName,
    doc,
    resolve(name, args, isDistinct) {
      checkArity(name, args, 1, 2);
      return aggCall(fnName, args, isDistinct, exprType(args[0]!), true);
    },
    accumulator: (call) => new FirstLastAcc(call.dataType, fnName === "last", ignoreNulls(call)),
    updateArgs: firstArg,
    ignoresDistinct: true,
  };
}

/** first(x[, ignoreNulls]): the group's first value in input order. */
export const FIRST = firstLast("first", doc("first(expr[, ignoreNulls])", "Returns the first value of `expr` in the group (skipping nulls if `ignoreNulls`); which row is first depends on the input order."));
/** last(x[, ignoreNulls]): the group's last value in input order. */
export const LAST = firstLast("last", doc("last(expr[, ignoreNulls])", "Returns the last value of `expr` in the group (skipping nulls if `ignoreNulls`); which row is last depends on the input order."));
/** any_value(x[, ignoreNulls]): some value of the group (the first, as Spark's implementation). */
export const ANY_VALUE = firstLast("any_value", doc("any_value(expr[, ignoreNulls])", "Returns some value of `expr` in the group (skipping nulls if `ignoreNulls`)."));
