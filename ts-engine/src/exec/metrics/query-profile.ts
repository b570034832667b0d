import { childrenOf, type PhysicalPlan } from "../physical-plan.js";
import type { Stage } from "../scheduler/stages.js";
import { mergeMetrics, type OperatorMetrics, type TaskOperatorMetrics } from "./operator-metrics.js";
import { planPaths, ROOT_PATH } from "./plan-paths.js";

/**
 * One query's per-operator metrics, gathered on the main thread as its tasks finish: each
 * task's metrics (by path in its stage's plan) land on the query plan's node at that place,
 * kept by that node's path in the query plan (so an explain of the same plan finds them). A
 * stage's reads stand for the exchanges they replaced, so an exchange shows the rows its
 * readers read. Explain (formatted, after execution) and the profile output read it.
 */
export class QueryProfile {
  private readonly byPath = new Map<string, OperatorMetrics>();
  private readonly stagePaths = new Map<Stage, Map<string, string>>();
  /** The running plan's nodes by path; dropped when the query ends (the plan may hold local rows). */
  private pathOf: Map<PhysicalPlan, string> | undefined;
  private started = performance.now();
  private wallMs: number | undefined;

  constructor(plan: PhysicalPlan) {
    this.pathOf = planPaths(plan);
  }

  /** Adds one task's metrics; tasks of stages that are not the query's own (a broadcast's hashing) are left out. */
  add(stage: Stage, metrics: TaskOperatorMetrics): void {
    const paths = this.paths(stage);
    if (paths === undefined) return;
    for (const [path, m] of Object.entries(metrics)) {
      const at = paths.get(path);
      if (at !== undefined) this.byPath.set(at, mergeMetrics(this.byPath.get(at), m));
    }
  }

  /** The metrics of the query plan's node at `path` (plan-paths.ts), when it ran in a task. */
  of(path: string): OperatorMetrics | undefined {
    return this.byPath.get(path);
  }

  /**
   * Milliseconds of the node's own work: its time less its `inputs` inputs' (which ran inside it,
   * in the same tasks); an exchange's is its readers' time reading it.
   */
  selfMs(path: string, inputs: number, exchange: boolean): number | undefined {
    const m = this.byPath.get(path);
    if (m === undefined) return undefined;
    if (exchange) return m.timeMs;
    let below = 0;
    for (let i = 0; i < inputs; i++) below += this.byPath.get(`${path}.${i}`)?.timeMs ?? 0;
    return Math.max(0, m.timeMs - below);
  }

  /** Starts the clock (the query starts running now, after planning). */
  start(): void {
    this.started = performance.now();
    this.wallMs = undefined;
  }

  /** Marks the query's end: `wall` is known from then on, and the plan is let go. */
  finish(): void {
    this.wallMs ??= performance.now() - this.started;
    this.pathOf = undefined;
    this.stagePaths.clear();
  }

  /** Milliseconds from start to finish, once finished. */
  get wall(): number | undefined {
    return this.wallMs;
  }

  /** Paths in a stage's plan → paths in the query plan; undefined for a stage not cut from it. */
  private paths(stage: Stage): Map<string, string> | undefined {
    const known = this.stagePaths.get(stage);
    if (known !== undefined) return known;
    const pathOf = this.pathOf;
    if (stage.source === undefined || pathOf === undefined) return undefined;
    const out = new Map<string, string>();
    // the stage's plan has the query's shape below its root, but reads where the query has exchanges
    const walk = (src: PhysicalPlan, st: PhysicalPlan, path: string): void => {
      const at = pathOf.get(src);
      if (at === undefined) return;
      out.set(path, at);
      if (st.kind === "ShuffleRead" || st.kind === "BroadcastRead") return;
      const a = childrenOf(src);
      childrenOf(st).forEach((c, i) => {
        const s = a[i];
        if (s !== undefined) walk(s, c, `${path}.${i}`);
      });
    };
    walk(stage.source, stage.plan, ROOT_PATH);
    this.stagePaths.set(stage, out);
    return out;
  }
}
