import { makeBatch } from "../../columnar/batch.js";
import { vectorToValues } from "../../columnar/rows.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import { isNondeterministicFunction, lookupFunction } from "../../expr/functions/registry.js";
import { exprType } from "../../expr/expr-type.js";
import type { LogicalPlan } from "../../plan/logical-plan.js";
import { filter, project } from "../../plan/nodes/index.js";
import { structType } from "../../types/data-type.js";
import type { OptimizerRule } from "../rule.js";
import { mapExprChildren, transformPlanUp } from "../../plan/transform.js";

const EMPTY = makeBatch(structType([]), [], 1);

const ZONE_FREE = new Set(["boolean", "byte", "short", "integer", "long", "float", "double", "decimal"]);

// Casts fold only between zone-free types: a date/time cast depends on the session time zone.
function foldable(e: Expr): boolean {
  if (e.kind === "Cast") {
    return e.child.kind === "Literal" && ZONE_FREE.has(e.dataType.kind) && ZONE_FREE.has(e.child.dataType.kind);
  }
  if (e.kind !== "ScalarCall") return false;
  const def = lookupFunction(e.fn);
  if (def?.kind === "scalar" && def.sessionDependent === true) return false;
  return !isNondeterministicFunction(e.fn) && e.args.every((a) => a.kind === "Literal");
}

function fold(e: Expr): Expr {
  const x = mapExprChildren(e, fold);
  if (!foldable(x)) return x;
  try {
    // session-independent defaults; a failure (e.g. ANSI overflow) is left for run time
    const v = evaluate(x, EMPTY, { ansi: true, timeZone: "UTC" });
    return { kind: "Literal", value: vectorToValues(v)[0] ?? null, dataType: exprType(x) };
  } catch {
    return x;
  }
}

function foldAll(es: readonly Expr[]): readonly Expr[] {
  const out = es.map(fold);
  return out.every((e, i) => e === es[i]) ? es : out;
}

/** Evaluates scalar calls (and numeric casts) whose inputs are all literals once, at plan time. */
export const constantFolding: OptimizerRule = {
  name: "ConstantFolding",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, (p) => {
      if (p.kind === "Project") {
        const exprs = foldAll(p.exprs);
        return exprs === p.exprs ? p : project(p.input, exprs);
      }
      if (p.kind === "Filter") {
        const condition = fold(p.condition);
        return condition === p.condition ? p : filter(p.input, condition);
      }
      return p;
    });
  },
};
