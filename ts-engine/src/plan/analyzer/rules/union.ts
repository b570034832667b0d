import { AnalysisException } from "../../../errors/spark-exception.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { implicitCast, quotedType } from "../../../expr/functions/function-def.js";
import { widerType } from "../../../types/coercion.js";
import { typeEquals, type DataType } from "../../../types/data-type.js";
import type { LogicalPlan } from "../../logical-plan.js";
import type { ParsedUnion } from "../../parsed-plan.js";
import { project, union } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import { mergePlanIds, sameName, type AnalyzerCtx, type Resolved } from "../context.js";
import { quoteId } from "../scope.js";

// Spark's CheckAnalysis.ordinalNumber: words for the first three, then `4th`, `16th`, `22th`
const ORDINALS = ["first", "second", "third"];

function ordinal(i: number): string {
  return ORDINALS[i] ?? `${i + 1}th`;
}

/** A column list by name: the wanted name → the child's attribute, or a typed null when missing. */
function projectByName(wanted: readonly AttributeRef[], child: LogicalPlan, allowMissing: boolean, ctx: AnalyzerCtx): LogicalPlan {
  const out = outputOf(child);
  // Spark's ResolveUnion looks every name up first (a missing one is _LEGACY_ERROR_TEMP_1201),
  // and only then compares the column counts
  const exprs: Expr[] = wanted.map((f) => {
    const hit = out.find((a) => sameName(a.name, f.name, ctx.caseSensitive));
    if (hit !== undefined) return hit;
    if (!allowMissing) {
      // raised by Dataset.unionByName before analysis: no plan appended
      throw markWithoutPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1201", { colName: f.name, fieldNames: out.map((a) => a.name).join(", ") }));
    }
    return { kind: "Alias", child: { kind: "Literal", value: null, dataType: f.dataType }, name: f.name, exprId: newExprId() };
  });
  if (!allowMissing && out.length !== wanted.length) {
    throw new AnalysisException("NUM_COLUMNS_MISMATCH", {
      operator: "UNION",
      firstNumColumns: String(wanted.length),
      invalidOrdinalNum: "second",
      invalidNumColumns: String(out.length),
    });
  }
  if (exprs.every((e, i) => e === out[i]) && exprs.length === out.length) return child;
  return project(child, exprs);
}

/**
 * unionByName: every input is reordered to the first input's names; with allowMissingColumns the
 * columns that only later inputs have are appended, and inputs lacking a column get nulls.
 */
function byName(kids: readonly Resolved[], allowMissing: boolean, ctx: AnalyzerCtx): LogicalPlan[] {
  const wanted: AttributeRef[] = [...outputOf(kids[0]!.plan)];
  if (allowMissing) {
    for (const k of kids.slice(1)) {
      for (const a of outputOf(k.plan)) {
        if (!wanted.some((w) => sameName(w.name, a.name, ctx.caseSensitive))) wanted.push(a);
      }
    }
  }
  void quoteId;
  return kids.map((k, i) => (i === 0 && !allowMissing ? k.plan : projectByName(wanted, k.plan, allowMissing, ctx)));
}

function castTo(plan: LogicalPlan, types: readonly DataType[]): LogicalPlan {
  const out = outputOf(plan);
  if (out.every((a, i) => typeEquals(a.dataType, types[i]!))) return plan;
  const exprs: Expr[] = out.map((a, i) =>
    typeEquals(a.dataType, types[i]!) ? a : { kind: "Alias", child: implicitCast(a, types[i]!), name: a.name, exprId: newExprId() },
  );
  return project(plan, exprs);
}

/**
 * Union by position (or by name): every input must have as many columns as the first
 * (NUM_COLUMNS_MISMATCH); column types widen to a common type (INCOMPATIBLE_COLUMN_TYPE when none),
 * inserting casts under each input. Output takes the first input's names.
 */
export function resolveUnion(p: ParsedUnion, ctx: AnalyzerCtx): Resolved {
  const kids = p.inputs.map((i) => ctx.resolve(i));
  let plans = p.byName ? byName(kids, p.allowMissingColumns, ctx) : kids.map((k) => k.plan);
  const first = outputOf(plans[0]!);
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
  return { plan: union(plans), planIds: mergePlanIds(...kids.map((k) => k.planIds)) };
}
