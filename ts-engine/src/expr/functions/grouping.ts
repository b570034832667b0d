import { AnalysisException } from "../../errors/spark-exception.js";
import { ByteType, LongType } from "../../types/data-type.js";
import { checkArity, doc, scalarCall, type ScalarFunctionDef } from "./function-def.js";

// grouping() and grouping_id(): Spark's Grouping and GroupingID. They only mean something in
// the outputs of an aggregate over grouping sets, where the analyzer (plan/analyzer/rules/
// grouping-analytics.ts) replaces them with bits of spark_grouping_id; anywhere else Spark's
// CheckAnalysis raises UNSUPPORTED_GROUPING_EXPRESSION, as the analyzer does for a plain
// aggregate and evaluation does for any other place they are left in.

function unsupported(): AnalysisException {
  return new AnalysisException("UNSUPPORTED_GROUPING_EXPRESSION", {});
}

/** grouping(col): 1 when `col` is aggregated away in the row's grouping set, else 0 (tinyint). */
const GROUPING: ScalarFunctionDef = {
  kind: "scalar",
  name: "grouping",
  doc: doc("grouping(col)", "Returns 1 (tinyint) when `col` is not part of the row's grouping set in a cube, rollup or grouping sets aggregate, else 0."),
  resolve(name, args) {
    checkArity(name, args, 1);
    return scalarCall("grouping", args, ByteType, false);
  },
  eval() {
    throw unsupported();
  },
};

/** grouping_id(cols…): the grouping set's bit mask (bigint), one bit per grouping column, the first the highest. */
const GROUPING_ID: ScalarFunctionDef = {
  kind: "scalar",
  name: "grouping_id",
  doc: doc("grouping_id([col, ...])", "Returns the grouping level (bigint): bit n-1-i is 1 when the i-th grouping column is not part of the row's grouping set."),
  resolve(_name, args) {
    return scalarCall("grouping_id", args, LongType, false);
  },
  eval() {
    throw unsupported();
  },
};

/** The grouping functions' registry entries. */
export const GROUPING_FUNCTIONS: readonly ScalarFunctionDef[] = [GROUPING, GROUPING_ID];
