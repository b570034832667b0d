import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import { LongType, type DataType } from "../../../types/data-type.js";
import type { AggCall, Expr } from "../../expr.js";
import { doc, aggCall, type AggFunctionDef } from "../function-def.js";
import { growF64, isSingleGroup, type Accumulator } from "./accumulator.js";
import { runningCount } from "../window/running-aggregates.js";

function addCounts(counts: Float64Array, groups: Int32Array, n: number, args: readonly Vector[]): void {
  const masks = args.map((a) => a.validity).filter((m): m is Uint8Array => m !== null);
  if (masks.length === 0) {
    if (isSingleGroup(groups)) {
      counts[0] = counts[0]! + n;
      return;
    }
    for (let i = 0; i < n; i++) counts[groups[i]!] = counts[groups[i]!]! + 1;
    return;
  }
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (const m of masks) if (m[i] === 0) ok = false;
    if (ok) counts[groups[i]!] = counts[groups[i]!]! + 1;
  }
}

/** count(args): rows where every argument is non-null (count(*) has no nullable argument); never null. */
export class CountAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [LongType];
  private counts: Float64Array = new Float64Array(16);

  ensure(n: number): void {
    this.counts = growF64(this.counts, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    addCounts(this.counts, groups, n, args);
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

/** Whether a count call counts rows regardless of its arguments (count(*) / count(1)). */
function countsAllRows(call: AggCall): boolean {
  return call.args.every((a) => a.kind === "Literal" && a.value !== null);
}

/** count: bigint, never null; count(*) arrives as count(1) and reads no column. */
export const COUNT: AggFunctionDef = {
  kind: "agg",
  name: "count",
  doc: doc("count(*), count(expr[, expr...])", "Returns the number of rows, or of rows where every `expr` is non-null; with DISTINCT, the number of distinct such tuples."),
  resolve(name, args, isDistinct) {
    if (args.length === 0) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
        functionName: "`count`",
        expectedNum: ">= 1",
        actualNum: "0",
        docroot: "https://spark.apache.org/docs/latest",
      });
    }
    return aggCall(name === "count" ? "count" : name, args, isDistinct, LongType, false);
  },
  accumulator: () => new CountAcc(),
  running: () => runningCount,
  updateArgs(call: AggCall): readonly Expr[] {
    return !call.isDistinct && countsAllRows(call) ? [] : call.args;
  },
  starMeansRows: true,
};
