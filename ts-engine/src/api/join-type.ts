import type { JoinType } from "../plan/logical-plan.js";
import { PySparkValueError } from "./errors.js";

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

/** Spark's spelling variants of a join type (`"left_outer"`, `"fullouter"`, `"semi"` …) → JoinType. */
export function parseJoinType(how: string): JoinType {
  const t = JOIN_TYPES[how.toLowerCase().replace(/_/g, "")];
  if (t === undefined) {
    throw new PySparkValueError("INVALID_JOIN_TYPE", {
      join_type: how,
      supported:
        "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'",
    });
  }
  return t;
}
