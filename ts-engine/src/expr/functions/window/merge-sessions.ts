import { makeVector, type Vector } from "../../../columnar/vector.js";
import { InternalError } from "../../../errors/spark-exception.js";
import type { ScalarCall } from "../../expr.js";
import { exprType } from "../../expr-type.js";
import { WHOLE_PARTITION } from "../../window-frame.js";
import { checkArity, doc, scalarCall, type WindowFunctionDef } from "../function-def.js";

/**
 * The merged session of each row (Spark's MergingSessionsIterator / UpdatingSessionsIterator):
 * within a partition (the rows of one group of the other grouping keys), sorted by session
 * start, a session whose start is after the running end of the sessions before it opens a new
 * session; otherwise it joins that one, which ends at the latest end of its sessions. Every
 * row gets the struct<start, end> of the session it belongs to. The aggregate planner runs it
 * over the partial aggregate's rows of a session-window aggregate (exec/planner.ts), and the
 * final aggregate groups by the merged session. Internal: no SQL name reaches it.
 */
export const MERGE_SESSIONS: WindowFunctionDef = {
  kind: "window",
  name: "merge_sessions",
  doc: doc("merge_sessions(session)", "Returns the session window that overlapping sessions of the same group merge into; internal to session_window aggregates."),
  requiresOrder: true,
  resolve(name, args) {
    checkArity(name, args, 1);
    return scalarCall(name, args, exprType(args[0]!), false);
  },
  requiredFrame: () => WHOLE_PARTITION,
  evaluate([sessions], call, rows) {
    return mergeSessions(sessions!, call, rows.numRows, rows.partStart);
  },
};

type Bound = number | bigint;

function num(x: unknown): Bound {
  if (typeof x === "number" || typeof x === "bigint") return x;
  throw new InternalError("a session without start or end");
}

/** One pass over rows sorted by session start: runs of overlapping sessions share their merged struct. */
function mergeSessions(v: Vector, call: ScalarCall, n: number, partStart: Int32Array): Vector {
  if (v.storage !== "values") throw new InternalError(`session column has ${v.storage} storage`);
  const data = v.data;
  const out: unknown[] = new Array<unknown>(n).fill(null);
  let runStart = 0;
  let start: Bound = 0;
  let end: Bound = 0;
  const close = (to: number): void => {
    const merged = [start, end];
    for (let j = runStart; j < to; j++) out[j] = merged;
  };
  for (let i = 0; i < n; i++) {
    const s = data[i] as readonly unknown[] | null;
    // rows without a session were filtered out below (isnotnull(ts)); keep them apart
    if (s === null) {
      if (i > runStart) close(i);
      runStart = i + 1;
      continue;
    }
    const rs = num(s[0]);
    const re = num(s[1]);
    if (i === runStart || partStart[i] === i || rs > end) {
      if (i > runStart) close(i);
      runStart = i;
      start = rs;
      end = re;
    } else if (re > end) end = re;
  }
  if (n > runStart) close(n);
  return makeVector(call.dataType, out, null, n);
}
