import type { JoinHint, JoinStrategyHint } from "../../logical-plan.js";
import { parsedChildren } from "../../parsed-children.js";
import type { ParsedPlan } from "../../parsed-plan.js";

/** Spark's join strategy hint names (case-insensitive) and the strategy each asks for. */
const STRATEGIES: Readonly<Record<string, JoinStrategyHint>> = {
  broadcast: "broadcast",
  broadcastjoin: "broadcast",
  mapjoin: "broadcast",
  shuffle_merge: "shuffle_merge",
  merge: "shuffle_merge",
  mergejoin: "shuffle_merge",
  shuffle_hash: "shuffle_hash",
  shuffle_replicate_nl: "shuffle_replicate_nl",
};

/**
 * The strategy hint on one input of a join: as Spark's EliminateResolvedHint extracts it,
 * from a hint anywhere down the input's chain of single-input nodes (a hint above a
 * projection still applies to the join), the outermost one winning; a join or union below
 * ends the search. A hint with parameters names relations (SQL's BROADCAST(t) comment hint) and is
 * not read here.
 */
export function sideHint(p: ParsedPlan): JoinStrategyHint | undefined {
  let q: ParsedPlan = p;
  for (;;) {
    if (q.kind === "Hint" && q.parameters.length === 0) {
      const s = STRATEGIES[q.name.toLowerCase()];
      if (s !== undefined) return s;
    }
    const kids = parsedChildren(q);
    if (kids.length !== 1 || q.kind === "Union" || q.kind === "Join") return undefined;
    q = kids[0]!;
  }
}

/** The hints of both inputs of a join (undefined when neither has one). */
export function joinHintOf(left: ParsedPlan, right: ParsedPlan): JoinHint | undefined {
  const l = sideHint(left);
  const r = sideHint(right);
  if (l === undefined && r === undefined) return undefined;
  return { ...(l === undefined ? {} : { left: l }), ...(r === undefined ? {} : { right: r }) };
}
