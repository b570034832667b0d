import type { AttributeRef, Expr, PythonUDF, SortOrder } from "../../expr/expr.js";
import type { UdtfArgShape } from "../../python/python-runner.js";
import type { LogicalPlan, PythonUDTF } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkReads, invariant } from "./check.js";

/** The fields a PythonUDTF node has besides its kind and input. */
export interface PythonUdtfSpec {
  readonly udtf: PythonUDF;
  readonly shapes: readonly UdtfArgShape[];
  readonly passThrough: readonly AttributeRef[];
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortOrder[];
  readonly singlePartition: boolean;
  readonly output: readonly AttributeRef[];
  readonly udtfId: number;
}

/**
 * A PythonUDTF node: the UDTF's arguments, its partitioning and ordering and the kept columns
 * read only the input's columns; its output has one attribute per field of the return struct.
 */
export function pythonUdtf(input: LogicalPlan, spec: PythonUdtfSpec): PythonUDTF {
  const attrs = outputOf(input);
  checkReads([spec.udtf, ...spec.partitionBy, ...spec.orderBy, ...spec.passThrough], attrs, "PythonUDTF");
  const rt = spec.udtf.returnType;
  invariant(rt.kind === "struct" && rt.fields.length === spec.output.length, "PythonUDTF", () => "output does not match the return struct");
  invariant(
    spec.shapes.every((s) => (s.kind === "scalar" ? s.arg < spec.udtf.args.length : s.first + s.names.length <= spec.udtf.args.length)),
    "PythonUDTF",
    () => "an argument shape reads past the arguments",
  );
  const { udtf, shapes, passThrough, partitionBy, orderBy, singlePartition, output, udtfId } = spec;
  return Object.freeze({ kind: "PythonUDTF", input, udtf, shapes, passThrough, partitionBy, orderBy, singlePartition, output, udtfId });
}
