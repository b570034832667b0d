import type { AttributeRef } from "../../expr/expr.js";

/**
 * One node of a resolved subtree that carries a client planId: its output, and how many nodes
 * below the subtree's root it sits (Spark Connect resolves `df["col"]` at the shallowest match).
 */
export interface FrameOutput {
  readonly attrs: readonly AttributeRef[];
  readonly depth: number;
}

/** Every planId-carrying node of a subtree, by planId (a self-join holds one planId twice). */
export type PlanIdMap = ReadonlyMap<number, readonly FrameOutput[]>;
