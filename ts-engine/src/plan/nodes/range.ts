import type { AttributeRef } from "../../expr/expr.js";
import type { Range } from "../logical-plan.js";
import { invariant } from "./check.js";

/** `spark.range(start, end, step)`: one non-null LongType column; step 0 is rejected earlier (by the analyzer). */
export function range(
  start: number | bigint,
  end: number | bigint,
  step: number | bigint,
  output: readonly AttributeRef[],
  numPartitions?: number,
): Range {
  invariant(Number(step) !== 0, "Range", () => "step is 0");
  invariant(output.length === 1 && output[0]!.dataType.kind === "long", "Range", () => "output must be one bigint column");
  invariant(numPartitions === undefined || (Number.isInteger(numPartitions) && numPartitions >= 1), "Range", () => `numPartitions ${numPartitions}`);
  return Object.freeze({ kind: "Range", start, end, step, ...(numPartitions === undefined ? {} : { numPartitions }), output });
}
