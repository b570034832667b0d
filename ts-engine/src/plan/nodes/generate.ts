import type { AttributeRef, ScalarCall } from "../../expr/expr.js";
import type { Generate, LogicalPlan } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkNoAgg, checkReads, invariant } from "./check.js";

/** Generate: `generator` reads only `input`'s attributes and names each generated column. */
export function generate(input: LogicalPlan, generator: ScalarCall, outer: boolean, generatorOutput: readonly AttributeRef[]): Generate {
  checkNoAgg([generator], "Generate");
  checkReads([generator], outputOf(input), "Generate");
  invariant(generatorOutput.length > 0, "Generate", () => `${generator.fn} generates no columns`);
  return Object.freeze({ kind: "Generate", input, generator, outer, generatorOutput });
}
