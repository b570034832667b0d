import type { Vector } from "../../../columnar/vector.js";
import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { valueKey } from "../../../columnar/value-key.js";
import { arrayType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { doc, type FunctionDoc, aggCall, allArgs, checkArity, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/** collect_list / collect_set: the non-null values of each group as an array (set: without duplicates); never null. */
export class CollectAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private lists: unknown[][] = [];
  private seen: Set<unknown>[] = [];

  constructor(
    private readonly resultType: DataType,
    private readonly distinct: boolean,
  ) {
    this.partialTypes = [resultType];
  }

  ensure(n: number): void {
    while (this.lists.length < n) {
      this.lists.push([]);
      this.seen.push(new Set());
    }
  }

  private add(g: number, x: unknown): void {
    if (x === null) return;
    if (this.distinct) {
      const k = valueKey(x);
      if (this.seen[g]!.has(k)) return;
      this.seen[g]!.add(k);
    }
    this.lists[g]!.push(x);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) this.add(groups[i]!, vals[i]);
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) for (const x of (vals[i] as unknown[] | null) ?? []) this.add(groups[i]!, x);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    return vectorFromValues(this.resultType, this.lists.slice(0, numGroups));
  }
}

/** collect_list / collect_set: array of the argument type without nulls; never null. */
function collect(fnName: "collect_list" | "collect_set", doc: FunctionDoc): AggFunctionDef {
  const distinct = fnName === "collect_set";
  return {
    kind: "agg",
    name: fnName,
    doc,
    resolve(_n, args, isDistinct) {
      checkArity(fnName, args, 1);
      return aggCall(fnName, args, isDistinct, arrayType(exprType(args[0]!), false), false);
    },
    accumulator: (call) => new CollectAcc(call.dataType, distinct),
    updateArgs: allArgs,
    ...(distinct ? { ignoresDistinct: true as const } : {}),
  };
}

/** collect_list(x): the group's non-null values in input order. */
export const COLLECT_LIST = collect("collect_list", doc("collect_list(expr)", "Returns an array of the non-null values of the group, with duplicates."));
/** collect_set(x): the group's distinct non-null values. */
export const COLLECT_SET = collect("collect_set", doc("collect_set(expr)", "Returns an array of the distinct non-null values of the group."));
