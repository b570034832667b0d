import { AnalysisException } from "../../../errors/spark-exception.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import { newExprId, type Expr } from "../../../expr/expr.js";
import { sqlTypeName } from "../../../types/type-names.js";
import { typeEquals, type DataType } from "../../../types/data-type.js";
import { project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { ToSchema } from "../../parsed-plan.js";
import { sameName, type AnalyzerCtx, type Resolved } from "../context.js";
import { quoteId } from "../scope.js";

/** Spark's numeric precedence, along which Cast.canUpCast widens. */
const NUMERIC = ["byte", "short", "integer", "long", "float", "double"];

/** Spark's Cast.canUpCast for the atomic types: the same type, numeric widening, date to timestamp, anything to string. */
function canUpCast(from: DataType, to: DataType): boolean {
  if (typeEquals(from, to) || from.kind === "null") return true;
  const i = NUMERIC.indexOf(from.kind);
  const j = NUMERIC.indexOf(to.kind);
  if (i >= 0 && j >= 0) return i <= j;
  if (from.kind === "date" && (to.kind === "timestamp" || to.kind === "timestamp_ntz")) return true;
  return to.kind === "string" && from.kind !== "array" && from.kind !== "map" && from.kind !== "struct" && from.kind !== "binary";
}

/**
 * df.to(schema), as Spark's Dataset.to: each field of the schema from the input column of its
 * name (case as spark.sql.caseSensitive), cast where the types differ and Spark allows the
 * up-cast (INVALID_COLUMN_OR_FIELD_DATA_TYPE otherwise), a null column when the input has
 * none, and NULLABLE_COLUMN_OR_FIELD for a nullable column the schema declares non-nullable.
 */
export function resolveToSchema(p: ToSchema, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const attrs = outputOf(child.plan);
  const exprs: Expr[] = p.schema.fields.map((f) => {
    const a = attrs.find((x) => sameName(x.name, f.name, ctx.caseSensitive));
    if (a === undefined) return { kind: "Alias", child: { kind: "Literal", value: null, dataType: f.dataType }, name: f.name, exprId: newExprId() };
    // Spark checks nullability before the type
    if (a.nullable && !f.nullable) throw markWithoutPlan(new AnalysisException("NULLABLE_COLUMN_OR_FIELD", { name: quoteId(f.name) }));
    if (!canUpCast(a.dataType, f.dataType)) {
      throw markWithoutPlan(
        new AnalysisException("INVALID_COLUMN_OR_FIELD_DATA_TYPE", { name: quoteId(f.name), type: `"${sqlTypeName(a.dataType)}"`, expectedType: `"${sqlTypeName(f.dataType)}"` }),
      );
    }
    if (typeEquals(a.dataType, f.dataType) && a.name === f.name) return a;
    const value: Expr = typeEquals(a.dataType, f.dataType) ? a : { kind: "Cast", child: a, dataType: f.dataType };
    return { kind: "Alias", child: value, name: f.name, exprId: newExprId() };
  });
  return { plan: project(child.plan, exprs), planIds: child.planIds };
}
