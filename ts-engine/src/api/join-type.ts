import type { JoinType } from "../plan/logical-plan.js";
import { AnalysisException } from "../errors/spark-exception.js";

const JOIN_TYPES: Readonly<Record<string, JoinType>> = {
  inner: "inner",
  cross: "cross",
  outer: "full",
  full: "full",
  fullouter: "full",
  left: "left",
  leftouter: "left",
  right: "right",
  rightouter: "right",
  semi: "left_semi",
  leftsemi: "left_semi",
  anti: "left_anti",
  leftanti: "left_anti",
};

/**
 * Spark's spelling variants of a join type (`"left_outer"`, `"fullouter"`, `"semi"` …) → JoinType;
 * others raise AnalysisException UNSUPPORTED_JOIN_TYPE at join() time, as PySpark.
 */
export function parseJoinType(how: string): JoinType {
  const t = JOIN_TYPES[how.toLowerCase().replace(/_/g, "")];
  if (t === undefined) {
    throw new AnalysisException("UNSUPPORTED_JOIN_TYPE", {
      typ: how,
      supported:
        "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'",
    });
  }
  return t;
}
