import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import type { Vector } from "../../../columnar/vector.js";
import { arrayType, StringType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { AggCall } from "../../expr.js";
import { aggCall, checkArity, doc, firstArg, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/** listagg / string_agg: the group's non-null strings in input order, joined by the delimiter; null for none. */
export class ListAggAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [arrayType(StringType, false)];
  private lists: string[][] = [];

  constructor(private readonly delimiter: string) {}

  ensure(n: number): void {
    while (this.lists.length < n) this.lists.push([]);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x !== null && x !== undefined) this.lists[groups[i]!]!.push(String(x));
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) for (const x of (vals[i] as string[] | null) ?? []) this.lists[groups[i]!]!.push(x);
  }

  partial(numGroups: number): Vector[] {
    return [vectorFromValues(this.partialTypes[0]!, this.lists.slice(0, numGroups))];
  }

  result(numGroups: number): Vector {
    return vectorFromValues(StringType, this.lists.slice(0, numGroups).map((l) => (l.length === 0 ? null : l.join(this.delimiter))));
  }
}

function delimiterOf(call: AggCall): string {
  const d = call.args[1];
  const v = d?.kind === "Literal" ? d.value : d?.kind === "Cast" && d.child.kind === "Literal" ? d.child.value : null;
  return v === null || v === undefined ? "" : String(v);
}

function listAgg(name: "listagg" | "string_agg"): AggFunctionDef {
  return {
    kind: "agg",
    name,
    doc: doc(`${name}(expr[, delimiter])`, "Returns the non-null strings of the group joined by the delimiter (none by default); null when there are none."),
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 1, 2);
      const x = args[0]!;
      const t = exprType(x).kind;
      const delim = args[1] ?? { kind: "Literal", value: null, dataType: StringType };
      const call = aggCall(name, [x, delim], isDistinct, StringType, true);
      if (t !== "string" && t !== "null") throw unexpectedInputType(call, 0, x, '"STRING"');
      return aggCall(name, [implicitCast(x, StringType), implicitCast(delim, StringType)], isDistinct, StringType, true);
    },
    accumulator: (call) => new ListAggAcc(delimiterOf(call)),
    updateArgs: firstArg,
  };
}

/** Registry entries of listagg and string_agg (Spark 4.0). */
export const LISTAGG_AGGREGATES: readonly AggFunctionDef[] = [listAgg("listagg"), listAgg("string_agg")];
