import { resolveCollectMetrics } from "./rules/collect-metrics.js";
import { resolvePythonCoGroup, resolvePythonMapGroups } from "./rules/python-map-groups.js";
import { resolvePythonUdtf } from "./rules/python-udtf.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import { AnalysisException, IllegalArgumentException, InternalError } from "../../errors/spark-exception.js";
import type { SessionFunctionLookup } from "./scope.js";
import { assertNever } from "../../errors/assert-never.js";
import { newExprId, type AttributeRef, type Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import { exprPrettySql } from "../../expr/expr-string.js";
import { sqlTypeName } from "../../types/type-names.js";
import { LongType, type StructField } from "../../types/data-type.js";
import type { LogicalPlan } from "../logical-plan.js";
import type { ParsedPlan } from "../parsed-plan.js";
import { filter, limit, localRelation, offset, range, sort } from "../nodes/index.js";
import { outputOf } from "../output.js";
import { framesBelow, type AnalyzerCtx, type PlanIdMap, type RelationLookup, type Resolved } from "./context.js";
import { quoteParts } from "./scope.js";
import { parseQueryPlan } from "../../sql/parse-statement.js";
import { asSortOrder, resolveExpr, resolveSortOrder } from "./resolve-expr.js";
import { wantsPlan } from "./no-plan.js";
import { resolveAggregateNode, resolveDistinct } from "./rules/aggregate.js";
import { resolveJoin } from "./rules/join.js";
import { qualify, resolveDrop, resolveProject, resolveRenamed, resolveToDF, resolveWithColumns } from "./rules/project.js";
import { resolveUnion } from "./rules/union.js";
import { resolveDataSource, resolveWriteFiles } from "./rules/data-source.js";
import { resolveSetOperation } from "./rules/set-operation.js";
import { resolvePredicateSubquery, resolveScalarSubqueryJoin } from "./rules/predicate-subquery.js";
import { resolveLateralJoin } from "./rules/lateral-join.js";
import { joinSubqueryExpressions } from "./rules/subquery-expression.js";
import { resolveWithMissingRefs } from "./rules/missing-refs.js";
import { resolveUnpivot } from "./rules/unpivot.js";
import { resolveSample } from "./rules/sample.js";
import { summaryPlan } from "./rules/stat-summary.js";
import { resolveToSchema } from "./rules/to-schema.js";
import { resolveNADrop, resolveNAFill, resolveNAReplace } from "./rules/na-functions.js";
import { unresolvedPlanString } from "./plan-string.js";
import { checkNoWindow } from "./rules/window.js";
import { resolveRepartition } from "./rules/repartition.js";
import { resolvePartitionHint } from "./rules/partition-hints.js";

function leafOutput(fields: readonly StructField[]): AttributeRef[] {
  return fields.map((f) => ({ kind: "AttributeRef", name: f.name, dataType: f.dataType, nullable: f.nullable, exprId: newExprId(), ...(f.metadata === undefined ? {} : { metadata: f.metadata }) }));
}

/** Filter conditions must be boolean (DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN) and hold no window function. */
function checkBooleanFilter(condition: Expr): Expr {
  checkNoWindow([condition], "filter");
  const t = exprType(condition);
  if (t.kind !== "boolean" && t.kind !== "null") {
    const sql = `"${exprPrettySql(condition)}"`;
    throw new AnalysisException("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", { sqlExpr: sql, filter: sql, type: `"${sqlTypeName(t)}"` });
  }
  return condition;
}

function resolveNode(p: ParsedPlan, ctx: AnalyzerCtx): Resolved {
  const none: PlanIdMap = new Map();
  const withSubqueries = joinSubqueryExpressions(p);
  if (withSubqueries !== undefined) return ctx.resolve(withSubqueries);
  switch (p.kind) {
    case "Range":
      if (Number(p.step) === 0) throw new IllegalArgumentException(`requirement failed: step (0) cannot be 0`);
      return { plan: range(p.start, p.end, p.step, leafOutput([{ name: "id", dataType: LongType, nullable: false }]), p.numPartitions), planIds: none };
    case "LocalRelation":
      return { plan: localRelation(p.schema, p.rows, leafOutput(p.schema.fields), p.numPartitions), planIds: none };
    case "Project":
      return resolveProject(p, ctx);
    case "Filter": {
      const child = ctx.resolve(p.input);
      return resolveWithMissingRefs(
        child,
        ctx,
        (scope) => [checkBooleanFilter(resolveExpr(p.condition, scope))],
        (input, [condition]) => filter(input, condition!),
      );
    }
    case "WithColumns":
      return resolveWithColumns(p, ctx);
    case "WithColumnsRenamed":
      return resolveRenamed(p, ctx);
    case "Drop":
      return resolveDrop(p, ctx);
    case "Aggregate":
      return resolveAggregateNode(p, ctx);
    case "Sort": {
      const child = ctx.resolve(p.input);
      return resolveWithMissingRefs(
        child,
        ctx,
        (scope) => p.orders.map((o) => resolveSortOrder(o, scope)),
        (input, orders) => sort(input, orders.map(asSortOrder), p.global),
      );
    }
    case "Limit": {
      if (p.n < 0) throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", { name: "limit", expr: `"${p.n}"`, v: String(p.n) });
      const child = ctx.resolve(p.input);
      return { plan: limit(child.plan, p.n), planIds: child.planIds };
    }
    case "Join":
      return p.lateral === true ? resolveLateralJoin(p, ctx) : resolveJoin(p, ctx);
    case "Distinct":
      return resolveDistinct(p, ctx);
    case "Union":
      return resolveUnion(p, ctx);
    case "SubqueryAlias": {
      const child = ctx.resolve(p.input);
      return { plan: qualify(child, p.alias, p.qualifier), planIds: child.planIds };
    }
    case "ToDF":
      return resolveToDF(p, ctx);
    case "Hint":
      // a partitioning hint becomes a repartition; a join strategy hint is read off the
      // parsed plan by the join above (resolveJoin)
      return resolvePartitionHint(p, ctx) ?? ctx.resolve(p.input);
    case "DataSource":
      return { plan: resolveDataSource(p), planIds: none };
    case "WriteFiles":
      return resolveWriteFiles(p, ctx);
    case "UnresolvedRelation": {
      const hit = ctx.relations?.lookupRelation(p.viewDatabase !== undefined && p.nameParts.length === 1 ? [p.viewDatabase, p.nameParts[0]!] : p.nameParts);
      if (hit === undefined) {
        const e = new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(p.nameParts) });
        if (p.origin !== undefined) e.message += `; line ${p.origin.line} pos ${p.origin.pos}`;
        throw e;
      }
      const child = ctx.resolve(hit.plan);
      return { plan: qualify(child, hit.qualifier[hit.qualifier.length - 1]!, hit.qualifier), planIds: child.planIds };
    }
    case "Sql":
      return ctx.resolve(parseQueryPlan(p, ctx.timeZone ?? "UTC"));
    case "SetOperation":
      return resolveSetOperation(p, ctx);
    case "PredicateSubquery":
      return resolvePredicateSubquery(p, ctx);
    case "ScalarSubqueryJoin":
      return resolveScalarSubqueryJoin(p, ctx);
    case "Transpose":
      // engine/transpose-values.ts rewrites it before analysis, as it needs the index values
      throw new InternalError("Transpose reached analysis before its index values were found");
    case "Unpivot":
      return resolveUnpivot(p, ctx);
    case "NAFill":
      return resolveNAFill(p, ctx);
    case "NADrop":
      return resolveNADrop(p, ctx);
    case "NAReplace":
      return resolveNAReplace(p, ctx);
    case "Sample":
      return resolveSample(p, ctx);
    case "StatSummary":
      return ctx.resolve(summaryPlan(p, ctx.resolve(p.input)));
    case "ToSchema":
      return resolveToSchema(p, ctx);
    case "EventTimeWatermark":
      // batch plans drop the watermark (Spark's EliminateEventTimeWatermark)
      return ctx.resolve(p.input);
    case "Offset": {
      if (p.n < 0) throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", { name: "offset", expr: `"${p.n}"`, v: String(p.n) });
      const child = ctx.resolve(p.input);
      return { plan: offset(child.plan, p.n), planIds: child.planIds };
    }
    case "Repartition":
    case "RepartitionByExpression":
      return resolveRepartition(p, ctx);
    case "CollectMetrics":
      return resolveCollectMetrics(p, ctx);
    case "PythonMapGroups":
      return resolvePythonMapGroups(p, ctx);
    case "PythonCoGroup":
      return resolvePythonCoGroup(p, ctx);
    case "PythonUDTF":
      return resolvePythonUdtf(p, ctx);
    default:
      return assertNever(p);
  }
}

/**
 * What analysis needs: the session's conf and, when queries are cached, the lookup that
 * swaps a resolved subtree for the cached relation of the same client plan (Spark's
 * CacheManager.useCachedData, keeping the subtree's output attributes).
 */
export interface AnalyzeOptions {
  readonly conf: SqlConf;
  /** The session's tables and views (temp views, global_temp); absent = none. */
  readonly relations?: RelationLookup;
  readonly cached?: (parsed: ParsedPlan, resolved: LogicalPlan) => LogicalPlan | undefined;
  /** Functions registered for the session (`spark.udf.register`); absent = none. */
  readonly sessionFunctions?: SessionFunctionLookup;
}

/**
 * Resolves a plan from the wire or the Node API: names to AttributeRefs (case-insensitive unless
 * spark.sql.caseSensitive), functions through the registry with Spark's type coercion, and the
 * sugar nodes (WithColumns, WithColumnsRenamed, Drop, Distinct, SubqueryAlias, ToDF, using-joins)
 * into core nodes. Raises AnalysisException with Spark's error classes.
 */
export function analyze(plan: ParsedPlan, ctx: AnalyzeOptions): LogicalPlan {
  const actx: AnalyzerCtx = {
    ...(ctx.relations === undefined ? {} : { relations: ctx.relations }),
    ...(ctx.sessionFunctions === undefined ? {} : { sessionFunctions: ctx.sessionFunctions }),
    caseSensitive: ctx.conf.caseSensitive,
    timeZone: ctx.conf.get("spark.sql.session.timeZone"),
    ansi: ctx.conf.ansi,
    decimalAllowPrecisionLoss: ctx.conf.getBoolean("spark.sql.decimalOperations.allowPrecisionLoss"),
    resolve(p: ParsedPlan): Resolved {
      const resolved = resolveNode(p, actx);
      const hit = ctx.cached?.(p, resolved.plan);
      const r = hit === undefined ? resolved : { plan: hit, planIds: resolved.planIds };
      const planIds = framesBelow(r.planIds, p.planId, outputOf(r.plan));
      return { plan: r.plan, planIds, ...(r.hidden === undefined ? {} : { hidden: r.hidden }) };
    },
  };
  try {
    return actx.resolve(plan).plan;
  } catch (e) {
    // Spark's AnalysisException text ends its first line with `;` and then shows the plan.
    if (e instanceof AnalysisException && wantsPlan(e)) e.message = `${e.message};\n${unresolvedPlanString(plan)}`;
    throw e;
  }
}
