import { AnalysisException, IllegalArgumentException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr, type PythonUDF } from "../../../expr/expr.js";
import { pythonCoGroup, pythonMapGroups } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { ParsedPythonCoGroup, ParsedPythonMapGroups } from "../../parsed-plan.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { scopeOf, type AnalyzerCtx, type PlanIdMap, type Resolved } from "../context.js";
import { resolveExpanding } from "../resolve-expanding.js";
import { sqlTypeName } from "../../../types/type-names.js";

/**
 * The node's function applied to `args`: the wire's PythonUDF with its arguments replaced by
 * every input column (PySpark always passes them all), its returnType the output struct.
 */
function udfOver(raw: ParsedExpr, args: readonly AttributeRef[]): PythonUDF {
  if (raw.kind !== "PythonUDF") throw new AnalysisException("INVALID_UDF_IMPLEMENTATION", { funcName: `"${raw.kind}"` });
  const { name, func, returnType, evalType, deterministic } = raw;
  return { kind: "PythonUDF", name, func, returnType, args, evalType, deterministic };
}

/** The output attributes of a function returning rows of `udf.returnType` (a struct: the client checked it). */
function outputOfUdf(udf: PythonUDF): AttributeRef[] {
  const t = udf.returnType;
  if (t.kind !== "struct") throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", { sqlExpr: `"${udf.name}"`, paramIndex: "1", requiredType: '"STRUCT"', inputSql: `"${udf.name}"`, inputType: `"${sqlTypeName(t)}"` });
  return t.fields.map((f) => ({ kind: "AttributeRef", name: f.name, dataType: f.dataType, nullable: f.nullable, exprId: newExprId() }));
}

function groupingOf(exprs: readonly ParsedExpr[], child: Resolved, ctx: AnalyzerCtx): Expr[] {
  const keys = resolveExpanding(exprs, scopeOf(child, ctx));
  // a grouping key is a value, not its name (Spark groups by the alias's child)
  return keys.map((k) => (k.kind === "Alias" ? k.child : k));
}

/** mapInPandas / mapInArrow / applyInPandas / applyInArrow: a new relation of the function's rows. */
export function resolvePythonMapGroups(p: ParsedPythonMapGroups, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const groupBy = groupingOf(p.groupingExprs, child, ctx);
  const udf = udfOver(p.udf, outputOf(child.plan));
  const none: PlanIdMap = new Map();
  return { plan: pythonMapGroups(child.plan, groupBy, udf, outputOfUdf(udf), p.isBarrier), planIds: none };
}

/** cogroup().applyInPandas / applyInArrow: both sides grouped by as many keys (Spark's check), the function over both. */
export function resolvePythonCoGroup(p: ParsedPythonCoGroup, ctx: AnalyzerCtx): Resolved {
  const left = ctx.resolve(p.input);
  const right = ctx.resolve(p.other);
  const lkeys = groupingOf(p.inputGroupingExprs, left, ctx);
  const rkeys = groupingOf(p.otherGroupingExprs, right, ctx);
  if (lkeys.length !== rkeys.length) {
    // Spark's FlatMapCoGroupsInPandas: require(left.size == right.size), PySpark 4.0.1's IllegalArgumentException
    throw new IllegalArgumentException(`requirement failed: Cogroup keys must have same size: ${lkeys.length} != ${rkeys.length}`);
  }
  const udf = udfOver(p.udf, [...outputOf(left.plan), ...outputOf(right.plan)]);
  const none: PlanIdMap = new Map();
  return { plan: pythonCoGroup(left.plan, right.plan, lkeys, rkeys, udf, outputOfUdf(udf)), planIds: none };
}
