import type { Expr } from "../../expr/expr.js";
import type { Partitioning, PhysicalPlan } from "../physical-plan.js";
import { childrenOf, physicalSchema, withChildren } from "../physical-plan.js";

/** Where a stage's task output goes. */
export type StageOutput =
  | { readonly kind: "result" }
  | { readonly kind: "shuffle"; readonly shuffleId: number; readonly partitioning: Partitioning }
  | { readonly kind: "broadcast"; readonly broadcastId: number; readonly keys?: readonly Expr[] };

/**
 * A stage: a subtree of the physical plan between exchanges, run as one task per
 * partition. Its exchanges were replaced by reads of its parents' output.
 */
export interface Stage {
  readonly id: number;
  readonly plan: PhysicalPlan;
  readonly output: StageOutput;
  /** The stages whose output this stage reads (they run first). */
  readonly parents: readonly Stage[];
  /** The query plan's node this stage's root was cut from (exec/metrics maps task metrics onto it). */
  readonly source?: PhysicalPlan;
}

/** Cuts a physical plan at its exchanges into the DAG of stages; returns the result stage. */
export function cutStages(root: PhysicalPlan): Stage {
  let nextId = 0;
  const cut = (p: PhysicalPlan, parents: Stage[]): PhysicalPlan => {
    if (p.kind === "ShuffleExchange") {
      const own: Stage[] = [];
      const plan = cut(p.input, own);
      parents.push({ id: nextId++, plan, output: { kind: "shuffle", shuffleId: p.planId, partitioning: p.partitioning }, parents: own, source: p.input });
      return { kind: "ShuffleRead", shuffleId: p.planId, schema: physicalSchema(p.input), exchange: p };
    }
    if (p.kind === "BroadcastExchange") {
      const own: Stage[] = [];
      const plan = cut(p.input, own);
      parents.push({ id: nextId++, plan, output: { kind: "broadcast", broadcastId: p.planId, ...(p.keys === undefined ? {} : { keys: p.keys }) }, parents: own, source: p.input });
      return { kind: "BroadcastRead", broadcastId: p.planId, schema: physicalSchema(p.input), exchange: p };
    }
    return withChildren(
      p,
      childrenOf(p).map((c) => cut(c, parents)),
    );
  };
  const parents: Stage[] = [];
  const plan = cut(root, parents);
  return { id: nextId++, plan, output: { kind: "result" }, parents, source: root };
}

/** Every operator kind in a stage's plan (for traces and to see what a stage runs). */
export function stageKinds(p: PhysicalPlan, out: string[] = []): string[] {
  out.push(p.kind);
  for (const c of childrenOf(p)) stageKinds(c, out);
  return out;
}
