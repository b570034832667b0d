import type { LogicalPlan } from "../../plan/logical-plan.js";
import { outputOf } from "../../plan/output.js";
import type { OptimizerRule } from "../rule.js";
import { referencedIds, transformPlanUp } from "../transform.js";

/**
 * Drops LocalRelation columns that the Project directly above never reads, so scans
 * build fewer vectors (Range has a single column and needs nothing).
 */
export const pruneColumns: OptimizerRule = {
  name: "ColumnPruning",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, (p) => {
      if (p.kind !== "Project" || p.input.kind !== "LocalRelation") return p;
      const rel = p.input;
      const used = new Set<number>();
      for (const e of p.exprs) referencedIds(e, used);
      const attrs = outputOf(rel);
      const keep = attrs.map((a, i) => (used.has(a.exprId) ? i : -1)).filter((i) => i >= 0);
      if (keep.length === attrs.length || keep.length === 0) return p;
      const pruned: LogicalPlan = {
        ...rel,
        schema: { kind: "struct", fields: keep.map((i) => rel.schema.fields[i]!) },
        rows: rel.rows.map((r) => keep.map((i) => r[i])),
        output: keep.map((i) => attrs[i]!),
      };
      return { ...p, input: pruned };
    });
  },
};
