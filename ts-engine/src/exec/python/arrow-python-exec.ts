import { assertNever } from "../../errors/assert-never.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { ExecutionPlan } from "../execution-plan.js";
import type { ArrowPythonP } from "../physical-plan.js";
import { AggregateInPandasExec } from "./aggregate-in-pandas-exec.js";
import { FlatMapCoGroupsExec } from "./flat-map-cogroups-exec.js";
import { FlatMapGroupsExec } from "./flat-map-groups-exec.js";
import { MapInPythonExec } from "./map-in-python-exec.js";
import { UdtfExec } from "./udtf-exec.js";
import { WindowInPandasExec } from "./window-in-pandas-exec.js";

/** The operator of an ArrowPython node over its built inputs (`other`: a cogroup's right side). */
export function arrowPythonExec(p: ArrowPythonP, input: ExecutionPlan, other: ExecutionPlan | undefined): ExecutionPlan {
  const op = p.op;
  switch (op.kind) {
    case "aggregate":
      return new AggregateInPandasExec(input, op, p.schema, p.detail);
    case "window":
      return new WindowInPandasExec(input, op, p.schema, p.detail);
    case "mapPartitions":
      return new MapInPythonExec(input, op, p.name, p.schema, p.detail);
    case "flatMapGroups":
      return new FlatMapGroupsExec(input, op, p.name, p.schema, p.detail);
    case "flatMapCoGroups":
      if (other === undefined) throw new InternalError("a cogroup without its right side");
      return new FlatMapCoGroupsExec(input, other, op, p.name, p.schema, p.detail);
    case "udtf":
      return new UdtfExec(input, op, p.name, p.schema, p.detail);
    default:
      return assertNever(op);
  }
}
