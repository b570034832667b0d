import { AnalysisException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { implicitCast, quotedType } from "../../../expr/functions/function-def.js";
import { widerType } from "../../../types/coercion.js";
import { typeEquals, type DataType } from "../../../types/data-type.js";
import type { LogicalPlan, Union } from "../../logical-plan.js";
import { outputOf } from "../../output.js";
import { mergePlanIds, sameName, type AnalyzerCtx, type Resolved } from "../context.js";
import { quoteId } from "../scope.js";

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

function ordinal(i: number): string {
  return ORDINALS[i] ?? `${i + 1}th`;
}

/** unionByName: reorders (and with allowMissingColumns, null-fills) a child to the first's names. */
function byName(first: readonly AttributeRef[], child: Resolved, allowMissing: boolean, ctx: AnalyzerCtx): LogicalPlan {
  const out = outputOf(child.plan);
  const exprs: Expr[] = first.map((f) => {
    const hit = out.find((a) => sameName(a.name, f.name, ctx.caseSensitive));
    if (hit !== undefined) return hit;
    if (!allowMissing) {
      throw new AnalysisException("NUM_COLUMNS_MISMATCH", {
        operator: "UNION",
        firstNumColumns: String(first.length),
        invalidOrdinalNum: "second",
        invalidNumColumns: String(out.length),
      });
    }
    return { kind: "Alias", child: { kind: "Literal", value: null, dataType: f.dataType }, name: f.name, exprId: newExprId() };
  });
  void quoteId;
  return { kind: "Project", input: child.plan, exprs };
}

function castTo(plan: LogicalPlan, types: readonly DataType[]): LogicalPlan {
  const out = outputOf(plan);
  if (out.every((a, i) => typeEquals(a.dataType, types[i]!))) return plan;
  const exprs: Expr[] = out.map((a, i) =>
    typeEquals(a.dataType, types[i]!) ? a : { kind: "Alias", child: implicitCast(a, types[i]!), name: a.name, exprId: newExprId() },
  );
  return { kind: "Project", input: plan, exprs };
}

/**
 * Union by position (or by name): every input must have as many columns as the first
 * (NUM_COLUMNS_MISMATCH); column types widen to a common type (INCOMPATIBLE_COLUMN_TYPE when none),
 * inserting casts under each input. Output takes the first input's names.
 */
export function resolveUnion(p: Union, ctx: AnalyzerCtx): Resolved {
  const kids = p.inputs.map((i) => ctx.resolve(i));
  const first = outputOf(kids[0]!.plan);
  let plans = kids.map((k, i) => (i > 0 && p.byName ? byName(first, k, p.allowMissingColumns, ctx) : k.plan));
  const outs = plans.map(outputOf);
  outs.forEach((o, i) => {
    if (o.length !== first.length) {
      throw new AnalysisException("NUM_COLUMNS_MISMATCH", {
        operator: "UNION",
        firstNumColumns: String(first.length),
        invalidOrdinalNum: ordinal(i),
        invalidNumColumns: String(o.length),
      });
    }
  });
  const types = first.map((a, c) =>
    outs.slice(1).reduce<DataType>((acc, o, k) => {
      const t = o[c]!.dataType;
      const w = widerType(acc, t);
      if (w === null) {
        throw new AnalysisException("INCOMPATIBLE_COLUMN_TYPE", {
          operator: "UNION",
          columnOrdinalNumber: ordinal(c),
          tableOrdinalNumber: ordinal(k + 1),
          dataType1: quotedType(t),
          dataType2: quotedType(acc),
          hint: "",
        });
      }
      return w;
    }, a.dataType),
  );
  plans = plans.map((pl) => castTo(pl, types));
  return { plan: { kind: "Union", inputs: plans, byName: false, allowMissingColumns: false }, planIds: mergePlanIds(...kids.map((k) => k.planIds)) };
}
