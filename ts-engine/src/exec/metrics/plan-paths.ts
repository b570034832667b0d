import { childrenOf, type PhysicalPlan } from "../physical-plan.js";

/** The path of a stage plan's root; a child's is its parent's plus `.i` (its index in childrenOf). */
export const ROOT_PATH = "0";

/**
 * Each node of a task's plan by its path from the root, as the main thread's QueryProfile
 * names the same nodes in the stage's plan. A coalesced task's parts (its input cut to each
 * input partition) take the input's path: their metrics add up as one operator's.
 */
export function planPaths(root: PhysicalPlan): Map<PhysicalPlan, string> {
  const out = new Map<PhysicalPlan, string>();
  const walk = (p: PhysicalPlan, path: string): void => {
    out.set(p, path);
    childrenOf(p).forEach((c, i) => walk(c, `${path}.${i}`));
    if (p.kind === "Coalesce") for (const part of p.parts ?? []) walk(part.plan, `${path}.0`);
  };
  walk(root, ROOT_PATH);
  return out;
}
