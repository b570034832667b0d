import { AnalysisException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { exprNullable, exprType } from "../../../expr/expr-type.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import { implicitCast } from "../../../expr/functions/function-def.js";
import { widerType } from "../../../types/coercion.js";
import { StringType, type DataType } from "../../../types/data-type.js";
import { sqlTypeName } from "../../../types/type-names.js";
import { expand } from "../../nodes/index.js";
import { exprExists } from "../../../expr/transform.js";
import { outputOf, toAttribute } from "../../output.js";
import type { Unpivot } from "../../parsed-plan.js";
import { scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { quoteId } from "../scope.js";
import { named } from "../naming.js";
import { resolveExpanding } from "../resolve-expanding.js";

function unalias(e: Expr): Expr {
  return e.kind === "Alias" ? unalias(e.child) : e;
}

/** The name a value column gives its rows' variable column (Spark's `value.name`). */
function valueName(e: Expr): string {
  return toAttribute(named(e)).name;
}

/**
 * unpivot/melt as Spark's ResolveUnpivot plans it: an Expand with one projection per value
 * column, `[ids…, 'name', value]`, the values cast to their least common type
 * (UNPIVOT_VALUE_DATA_TYPE_MISMATCH when there is none). Without `values`, every column that
 * is not an id is a value (ids must then be columns: UNPIVOT_REQUIRES_ATTRIBUTES).
 */
export function resolveUnpivot(p: Unpivot, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  let values: Expr[];
  let ids: Expr[];
  if (p.implicitIds === true) {
    // SQL's UNPIVOT: every column the values do not read is an id (Spark's ResolveUnpivot with ids = None)
    values = resolveExpanding(p.values ?? [], scope);
    const read = new Set<number>();
    for (const v of values) exprExists(v, (x) => x.kind === "AttributeRef" && (read.add(x.exprId), false));
    ids = outputOf(child.plan).filter((a) => !read.has(a.exprId));
  } else if (p.values === undefined) {
    ids = resolveExpanding(p.ids, scope);
    const notColumns = ids.filter((e) => e.kind !== "AttributeRef");
    if (notColumns.length > 0) {
      const sql = (e: Expr): string => `${exprPrettySql(unalias(e))} AS ${quoteId(valueName(e))}`;
      throw new AnalysisException("UNPIVOT_REQUIRES_ATTRIBUTES", { given: "id", empty: "value", expressions: notColumns.map((e) => `"${sql(e)}"`).join(", ") });
    }
    const idIds = new Set(ids.map((e) => (e as AttributeRef).exprId));
    values = outputOf(child.plan).filter((a) => !idIds.has(a.exprId));
  } else {
    ids = resolveExpanding(p.ids, scope);
    values = resolveExpanding(p.values, scope);
  }
  if (values.length === 0) throw new AnalysisException("UNPIVOT_REQUIRES_VALUE_COLUMNS", {});
  const types = values.map((v) => exprType(unalias(v)));
  const common = types.slice(1).reduce<DataType | null>((acc, t) => (acc === null ? null : widerType(acc, t)), types[0]!);
  if (common === null) {
    // Spark's unpivotValueDataTypeMismatchError: the values grouped by type (types and the names in each sorted)
    const byType = new Map<string, string[]>();
    values.forEach((v, i) => {
      const t = `"${sqlTypeName(types[i]!)}"`;
      byType.set(t, [...(byType.get(t) ?? []), quoteId(valueName(v))]);
    });
    const parts = [...byType.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([t, names]) => `${t} (${names.sort().join(", ")})`);
    throw new AnalysisException("UNPIVOT_VALUE_DATA_TYPE_MISMATCH", { types: parts.join(", ") });
  }
  const idOut = ids.map((e) => toAttribute(named(e)));
  const idExprs = ids.map(unalias);
  const variable: AttributeRef = { kind: "AttributeRef", name: p.variableColumnName, dataType: StringType, nullable: false, exprId: newExprId() };
  const value: AttributeRef = {
    kind: "AttributeRef",
    name: p.valueColumnName,
    dataType: common,
    nullable: values.some((v) => exprNullable(unalias(v))),
    exprId: newExprId(),
  };
  const projections = values.map((v) => [...idExprs, { kind: "Literal", value: valueName(v), dataType: StringType } as const, implicitCast(unalias(v), common)]);
  return { plan: expand(child.plan, projections, [...idOut, variable, value]), planIds: child.planIds };
}
