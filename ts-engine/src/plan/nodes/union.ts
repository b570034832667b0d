import { typeEquals } from "../../types/data-type.js";
import type { LogicalPlan, Union } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { invariant } from "./check.js";

/** Union by position: at least one input, all with the first's column count and types (the analyzer casts). */
export function union(inputs: readonly LogicalPlan[]): Union {
  invariant(inputs.length >= 1, "Union", () => "no inputs");
  const first = outputOf(inputs[0]!);
  for (const p of inputs.slice(1)) {
    const out = outputOf(p);
    invariant(out.length === first.length, "Union", () => `${out.length} columns, the first input has ${first.length}`);
    out.forEach((a, i) => invariant(typeEquals(a.dataType, first[i]!.dataType), "Union", () => `column ${i + 1} types differ`));
  }
  return Object.freeze({ kind: "Union", inputs });
}
