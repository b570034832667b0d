import { newExprId, type Alias, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { aggregate, filter, generate, join, project, union } from "../../nodes/index.js";
import type { LogicalPlan } from "../../logical-plan.js";
import { BooleanType, LongType } from "../../../types/data-type.js";
import type { SetOperation } from "../../parsed-plan.js";
import { outputOf, toAttribute } from "../../output.js";
import type { AnalyzerCtx, Resolved } from "../context.js";
import { resolveUnion } from "./union.js";

function call(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${name}`);
  return def.resolve(name, args);
}

function aliasOf(child: Expr, name: string): Alias {
  return { kind: "Alias", child, name, exprId: newExprId() };
}

function aggOf(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "agg") throw new InternalError(`missing aggregate function ${name}`);
  return def.resolve(name, args, false);
}

/** `Project [left…] <- Generate replicaterows(count, left…)` over `below`, with fresh output attributes. */
function replicate(below: LogicalPlan, count: AttributeRef, cols: readonly AttributeRef[]): LogicalPlan {
  const def = lookupFunction("replicaterows");
  if (def?.kind !== "generator") throw new InternalError("missing generator replicaterows");
  const gen = def.resolve("replicaterows", [count, ...cols]);
  const out: AttributeRef[] = cols.map((a) => ({ ...a, exprId: newExprId() }));
  return project(generate(below, gen, false, out), out);
}

/**
 * EXCEPT ALL, as Spark's RewriteExceptAll plans it: left rows tagged 1, right rows -1, summed
 * per distinct row; rows whose sum is positive are replicated that many times.
 */
function exceptAll(left: LogicalPlan, right: LogicalPlan): LogicalPlan {
  const tag = (plan: LogicalPlan, v: number): LogicalPlan => project(plan, [aliasOf({ kind: "Literal", value: v, dataType: LongType }, "vcol"), ...outputOf(plan)]);
  const u = union([tag(left, 1), tag(right, -1)]);
  const uo = outputOf(u);
  const cols = uo.slice(1);
  const sum = aliasOf(aggOf("sum", [uo[0]!]), "sum");
  const agg = aggregate(u, cols, [...cols, sum]);
  const sumAttr = toAttribute(sum);
  // Spark's plan after InferFiltersFromConstraints: isnotnull(sum) AND (sum > 0)
  const positive = filter(agg, call("and", [call("isnotnull", [sumAttr]), call(">", [sumAttr, { kind: "Literal", value: 0, dataType: LongType }])]));
  return replicate(positive, sumAttr, cols);
}

/**
 * INTERSECT ALL, as Spark's RewriteIntersectAll plans it: each side's rows marked in its own
 * column, counted per distinct row, and replicated min(left count, right count) times.
 */
function intersectAll(left: LogicalPlan, right: LogicalPlan): LogicalPlan {
  const yes: Expr = { kind: "Literal", value: true, dataType: BooleanType };
  const no: Expr = { kind: "Literal", value: null, dataType: BooleanType };
  const mark = (plan: LogicalPlan, first: boolean): LogicalPlan =>
    project(plan, [aliasOf(first ? yes : no, "vcol1"), aliasOf(first ? no : yes, "vcol2"), ...outputOf(plan)]);
  const u = union([mark(left, true), mark(right, false)]);
  const uo = outputOf(u);
  const cols = uo.slice(2);
  const c1 = aliasOf(aggOf("count", [uo[0]!]), "vcol1_count");
  const c2 = aliasOf(aggOf("count", [uo[1]!]), "vcol2_count");
  const agg = aggregate(u, cols, [c1, c2, ...cols]);
  const a1 = toAttribute(c1);
  const a2 = toAttribute(c2);
  // Spark's If(vcol1_count > vcol2_count, vcol2_count, vcol1_count)
  const min = aliasOf({ kind: "CaseWhen", branches: [[call(">", [a1, a2]), a2]], elseValue: a1, dataType: LongType }, "min_count");
  // Spark 4's RewriteIntersectAll keeps only rows found on both sides before replicating
  const one: Expr = { kind: "Literal", value: 1, dataType: LongType };
  const both = filter(agg, call("and", [call(">=", [a1, one]), call(">=", [a2, one])]));
  const withMin = project(both, [...cols, min]);
  return replicate(withMin, toAttribute(min), cols);
}

/**
 * INTERSECT / EXCEPT (DISTINCT), as Spark's ReplaceIntersectWithSemiJoin and
 * ReplaceExceptWithAntiJoin do: a left semi (anti) join on every column with null-safe
 * equality, then distinct rows. Columns are matched and widened by position, as UNION's are.
 */
export function resolveSetOperation(p: SetOperation, ctx: AnalyzerCtx): Resolved {
  const u = asOperator(p, () => resolveUnion({ kind: "Union", inputs: [p.left, p.right], byName: false, allowMissingColumns: false }, ctx));
  if (u.plan.kind !== "Union") throw new InternalError("a resolved union is a Union");
  const [left, right0] = u.plan.inputs as [typeof u.plan.inputs[0], typeof u.plan.inputs[0]];
  // the same relation on both sides (t INTERSECT t) needs distinct attributes on the right
  const rightOut = outputOf(right0!);
  const right = project(right0!, rightOut.map((a) => ({ kind: "Alias", child: a, name: a.name, exprId: newExprId() })));
  if (p.all === true) return { plan: p.op === "except" ? exceptAll(left!, right0!) : intersectAll(left!, right0!), planIds: u.planIds };
  const l = outputOf(left!);
  const r = outputOf(right);
  const condition = l.map((a, i) => call("<=>", [a, r[i]!])).reduce((acc, e) => call("and", [acc, e]));
  const joined = join(left!, right, p.op === "intersect" ? "left_semi" : "left_anti", condition);
  return { plan: aggregate(joined, l, l), planIds: u.planIds };
}

/** Union's column checks name the set operation they run for (`EXCEPT ALL can only be performed …`). */
function asOperator<T>(p: SetOperation, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof AnalysisException) || (e.errorClass !== "NUM_COLUMNS_MISMATCH" && e.errorClass !== "INCOMPATIBLE_COLUMN_TYPE")) throw e;
    const operator = `${p.op.toUpperCase()}${p.all === true ? " ALL" : ""}`;
    throw new AnalysisException(e.errorClass, { ...e.messageParameters, operator });
  }
}
