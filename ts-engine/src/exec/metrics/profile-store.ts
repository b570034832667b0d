import type { ExplainNotes } from "../explain-notes.js";
import { childrenOf, withChildren, type PhysicalPlan } from "../physical-plan.js";
import type { QueryProfile } from "./query-profile.js";

/** A query that ran with its metrics: the physical plan it ran (local rows left out), its explain notes and its profile. */
export interface ProfiledRun {
  readonly physical: PhysicalPlan;
  readonly notes: ExplainNotes;
  readonly profile: QueryProfile;
}

/** Runs kept per session: explain after an older action shows no metrics. */
const KEPT = 16;

/** The plan without the rows of its local scans (explain does not print them; they may be large). */
function withoutLocalRows(p: PhysicalPlan): PhysicalPlan {
  if (p.kind === "LocalTableScan") return p.rows.length === 0 ? p : { ...p, rows: [] };
  const kids = childrenOf(p);
  if (kids.length === 0) return p;
  const next = kids.map(withoutLocalRows);
  return next.every((c, i) => c === kids[i]) ? p : withChildren(p, next);
}

/**
 * A session's last profiled run of each DataFrame, by the plan id of the frame's root (each
 * DataFrame has its own, from the Node API and from the Python client alike), so that
 * `df.explain("formatted")` after an action on `df` can show what each operator did.
 */
export class ProfileStore {
  private readonly runs = new Map<number, ProfiledRun>();

  record(planId: number, run: ProfiledRun): void {
    this.runs.delete(planId);
    this.runs.set(planId, { ...run, physical: withoutLocalRows(run.physical) });
    if (this.runs.size > KEPT) this.runs.delete(this.runs.keys().next().value as number);
  }

  /** The last run of the frame whose root has `planId`, if one ran in this session. */
  get(planId: number): ProfiledRun | undefined {
    return this.runs.get(planId);
  }
}
