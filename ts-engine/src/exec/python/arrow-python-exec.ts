import { assertNever } from "../../errors/assert-never.js";
import type { ExecutionPlan } from "../execution-plan.js";
import type { ArrowPythonP } from "../physical-plan.js";
import { AggregateInPandasExec } from "./aggregate-in-pandas-exec.js";
import { WindowInPandasExec } from "./window-in-pandas-exec.js";

/** The operator of an ArrowPython node over its built input. */
export function arrowPythonExec(p: ArrowPythonP, input: ExecutionPlan): ExecutionPlan {
  const op = p.op;
  switch (op.kind) {
    case "aggregate":
      return new AggregateInPandasExec(input, op, p.schema, p.detail);
    case "window":
      return new WindowInPandasExec(input, op, p.schema, p.detail);
    default:
      return assertNever(op);
  }
}
