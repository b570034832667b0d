import { makeBatch } from "../../../columnar/batch.js";
import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import { evaluate } from "../../../expr/eval/evaluate.js";
import { valueAt } from "../../../expr/eval/vectors.js";
import { newExprId, type AggCall, type Expr, type Literal } from "../../../expr/expr.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import { exprType } from "../../../expr/expr-type.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { exprExists, transformExpr } from "../../../expr/transform.js";
import { BooleanType, IntegerType, LongType, StringType, structType, type DataType } from "../../../types/data-type.js";
import { sqlTypeName } from "../../../types/type-names.js";
import type { PivotSpec } from "../../parsed-plan.js";
import type { AnalyzerCtx, Resolved } from "../context.js";
import { outputOf } from "../../output.js";
import { autoName } from "../naming.js";
import { containsAgg, resolveExpr } from "../resolve-expr.js";
import { resolveExpanding } from "../resolve-expanding.js";
import type { Scope } from "../scope.js";

function call(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${name}`);
  return def.resolve(name, args);
}

/** A constant expression's value (cast and literal folding at analysis, as Spark's `.eval(EmptyRow)`). */
function constantValue(e: Expr, timeZone: string): unknown {
  const batch = makeBatch(structType([]), [], 1);
  return valueAt(evaluate(e, batch, { ansi: false, timeZone, mapKeyDedupPolicy: "EXCEPTION" }), 0);
}

/** A pivot value as its column name: the value cast to string, `null` for null (Spark's outputName). */
function valueName(v: Literal, timeZone: string): string {
  const s = constantValue({ kind: "Cast", child: v, dataType: StringType }, timeZone);
  return s === null ? "null" : String(s);
}

/**
 * Every pivot value must be a constant castable to the pivot column's type; it is folded to a
 * literal of that type (Spark's ResolvePivot evaluates `Cast(value, pivotColumn.dataType)`).
 */
function pivotLiteral(e: Expr, pivotType: DataType, timeZone: string): Literal {
  const v = e.kind === "Alias" ? e.child : e;
  // a several-column pivot's values are structs of literals (constants, folded like a literal)
  const constantStruct = v.kind === "ScalarCall" && (v.fn === "struct" || v.fn === "named_struct") && !exprExists(v, (x) => x.kind === "AttributeRef" || x.kind === "AggCall" || x.kind === "PythonUDF");
  if (v.kind !== "Literal" && !(v.kind === "Cast" && v.child.kind === "Literal") && !constantStruct) {
    throw new AnalysisException("NON_LITERAL_PIVOT_VALUES", { expression: `"${exprPrettySql(v)}"` });
  }
  const t = exprType(v);
  if (t.kind === "null") return { kind: "Literal", value: null, dataType: pivotType };
  try {
    // a struct value: each field cast to the pivot struct's field (names and types), then built
    if (constantStruct && pivotType.kind === "struct" && t.kind === "struct" && t.fields.length === pivotType.fields.length) {
      const fields = v.fn === "struct" ? v.args : v.args.filter((_, i) => i % 2 === 1);
      const built = call("named_struct", pivotType.fields.flatMap((f, i): Expr[] => [{ kind: "Literal", value: f.name, dataType: StringType }, { kind: "Cast", child: fields[i]!, dataType: f.dataType }]));
      return { kind: "Literal", value: constantValue(built, timeZone), dataType: pivotType };
    }
    return { kind: "Literal", value: constantValue({ kind: "Cast", child: v, dataType: pivotType }, timeZone), dataType: pivotType };
  } catch {
    throw new AnalysisException("PIVOT_VALUE_DATA_TYPE_MISMATCH", {
      value: exprPrettySql(v),
      valueType: sqlTypeName(t),
      pivotType: sqlTypeName(pivotType),
    });
  }
}

/** `arg` where the row's pivot column is (null-safe) `value`, else null: Spark's ifExpr. */
function onlyFor(arg: Expr, pivot: Expr, value: Literal): Expr {
  const t = exprType(arg);
  return { kind: "CaseWhen", branches: [[call("<=>", [pivot, value]), arg]], elseValue: { kind: "Literal", value: null, dataType: t }, dataType: t };
}

/**
 * An aggregate restricted to the rows of one pivot value: each aggregate call reads its
 * arguments only where the pivot column equals the value (nulls elsewhere, which aggregates
 * skip); first/last skip nulls for it, as Spark's ResolvePivot rewrites them.
 */
function restrict(agg: Expr, pivot: Expr, value: Literal): Expr {
  return transformExpr(agg, (e) => {
    if (e.kind !== "AggCall") return e;
    const c: AggCall = e;
    const def = lookupFunction(c.fn);
    const flagged = def?.kind === "agg" && def.updateArgs(c).length === 1 && c.args[1]?.kind === "Literal" && exprType(c.args[1]).kind === "boolean";
    // first/last (their second argument the ignoreNulls flag) skip the other values' nulls
    if (flagged) {
      return { ...c, args: [onlyFor(c.args[0]!, pivot, value), { kind: "Literal", value: true, dataType: BooleanType }] };
    }
    // flags fixed at analysis (literals) stay as they are, except count's, which is the counted value
    // count(*) (the function whose `*` means rows) counts its literal: that literal is the value counted
    const countsRows = def?.kind === "agg" && def.starMeansRows === true;
    const restricted: AggCall = { ...c, args: c.args.map((a) => (a.kind === "Literal" && !countsRows ? a : onlyFor(a, pivot, value))) };
    if (!countsRows) return restricted;
    // Spark's PivotFirst leaves a group without rows of the value null, where a count would say 0
    const rows: AggCall = { ...c, args: [onlyFor({ kind: "Literal", value: 1, dataType: IntegerType }, pivot, value)], isDistinct: false };
    const some = call(">", [rows, { kind: "Literal", value: 0, dataType: LongType }]);
    return { kind: "CaseWhen", branches: [[some, restricted]], elseValue: { kind: "Literal", value: null, dataType: c.dataType }, dataType: c.dataType };
  });
}

/**
 * groupBy(...).pivot(column, values).agg(...), as Spark's ResolvePivot for aggregates that
 * PivotFirst does not take: one Aggregate on the grouping columns whose outputs are, for
 * each value and each aggregate, the aggregate over the rows of that value. Columns are named
 * by the value (one aggregate) or `value_aggregate` (several). Numeric aggregate calls go
 * through pivot_agg's slots instead (pivot-agg-plan.ts), where Spark takes PivotFirst.
 */
export function pivotOutputs(pivot: PivotSpec, aggs: readonly Expr[], scope: Scope, ctx: AnalyzerCtx): Expr[] {
  const { pivotCol, values, names } = resolvePivotValues(pivot, aggs, scope, ctx);
  return values.flatMap((v, i) =>
    aggs.map((a): Expr => {
      const body = a.kind === "Alias" ? a.child : a;
      return { kind: "Alias", child: restrict(body, pivotCol, v), name: pivotOutputName(aggs, a, names[i]!), exprId: newExprId() };
    }),
  );
}

/** A pivot's column, its values folded to literals of its type, and the column name each value gives. */
export interface PivotValues {
  readonly pivotCol: Expr;
  readonly values: readonly Literal[];
  readonly names: readonly string[];
}

/** Resolves the pivot column and values and checks the aggregates (Spark's ResolvePivot, before it plans). */
export function resolvePivotValues(pivot: PivotSpec, aggs: readonly Expr[], scope: Scope, ctx: AnalyzerCtx): PivotValues {
  const tz = ctx.timeZone ?? "UTC";
  const column = resolveExpr(pivot.column, scope);
  const pivotCol = column.kind === "Alias" ? column.child : column;
  if (pivot.values === undefined) throw new InternalError("pivot values are filled in before analysis");
  const pivotType = exprType(pivotCol);
  const resolvedValues = resolveExpanding(pivot.values, scope);
  const values = resolvedValues.map((v) => pivotLiteral(v, pivotType, tz));
  // SQL's `IN (1 AS one)`: an aliased value names its columns (Spark's outputName of a NamedExpression)
  const names = resolvedValues.map((v, i) => (v.kind === "Alias" ? v.name : valueName(values[i]!, tz)));
  for (const a of aggs) {
    // raised while resolving the pivot: no plan appended
    if (!containsAgg(a)) throw markWithoutPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1006", { sql: exprPrettySql(a.kind === "Alias" ? a.child : a) }));
  }
  return { pivotCol, values, names };
}

/** The output column of a value (named `valueName`) and aggregate `a`: the value's name with one aggregate, else `value_aggregate` (Spark's outputName). */
export function pivotOutputName(aggs: readonly Expr[], a: Expr, valueName: string): string {
  const suffix = a.kind === "Alias" ? a.name : autoName(a);
  return aggs.length === 1 ? valueName : `${valueName}_${suffix}`;
}

/**
 * SQL's PIVOT groups by every input column that neither the pivot column nor the aggregates
 * read, in the input's order (Spark's ResolvePivot: `child.output` without the pivot column's
 * and the aggregates' references).
 */
export function implicitPivotGroupBy(child: Resolved, pivot: PivotSpec, aggs: readonly Expr[], scope: Scope): Expr[] {
  const read = new Set<number>();
  const collect = (e: Expr): void => {
    exprExists(e, (x) => {
      if (x.kind === "AttributeRef") read.add(x.exprId);
      return false;
    });
  };
  collect(resolveExpr(pivot.column, scope));
  for (const a of aggs) collect(a);
  return outputOf(child.plan).filter((a) => !read.has(a.exprId));
}
