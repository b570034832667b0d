import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { newExprId, type Alias, type AttributeRef, type Expr, type Literal } from "../../../expr/expr.js";
import { exprSemanticEquals } from "../../../expr/expr-equals.js";
import { exprToString } from "../../../expr/expr-string.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { ByteType, IntegerType, LongType } from "../../../types/data-type.js";
import { aggregate, expand, project } from "../../nodes/index.js";
import { outputOf, toAttribute } from "../../output.js";
import type { GroupingAnalytics } from "../../parsed-plan.js";
import type { Aggregate } from "../../logical-plan.js";
import type { Resolved } from "../context.js";
import { autoName, named } from "../naming.js";
import { mapExprChildren } from "../../transform.js";
import { exprChildren } from "../../../expr/transform.js";

/** Spark's GroupingID column (LongType unless spark.sql.legacy.integerGroupingId). */
export const GROUPING_ID_NAME = "spark_grouping_id";

/** The most grouping columns a cube may have (Spark's GroupingID bitmask is a long). */
const MAX_GROUPING_SIZE = 64;

/**
 * The grouping sets of `type` over `n` grouping expressions, as index lists in Spark's order:
 * cube(a, b) is [a, b], [a], [b], [] (Spark's cubeExprs), rollup(a, b) is [a, b], [a], []
 * (its inits).
 */
export function groupingSetIndexes(type: "cube" | "rollup", n: number): number[][] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (type === "rollup") return Array.from({ length: n + 1 }, (_, k) => all.slice(0, n - k));
  const cube = (from: number): number[][] => {
    if (from === n) return [[]];
    const rest = cube(from + 1);
    return [...rest.map((s) => [from, ...s]), ...rest];
  };
  return cube(0);
}

function call(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${name}`);
  return def.resolve(name, args);
}

function longLit(v: number | bigint): Literal {
  return { kind: "Literal", value: v, dataType: LongType };
}

/** Bit (n-1-i) of the grouping id is set when grouping expression i is not in the set (Spark's buildBitmask). */
function bitmask(set: readonly number[], n: number): number | bigint {
  let m = 0n;
  for (let i = 0; i < n; i++) if (!set.includes(i)) m |= 1n << BigInt(n - 1 - i);
  return m <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(m) : m;
}

/**
 * Spark's ResolveGroupingAnalytics: an Aggregate over grouping sets becomes
 *
 *     Aggregate [g1', …, spark_grouping_id], outputs
 *     +- Expand [one projection per set: child columns, each gi' or null, the set's id], [child…, g1'…, spark_grouping_id]
 *        +- Project [child…, g1 AS g1, …]
 *
 * Outside aggregate calls, the outputs read the grouping columns through the Expand's new
 * (nullable) attributes; `grouping(c)` becomes `cast((shiftright(spark_grouping_id, n-1-i) & 1) as tinyint)`
 * and `grouping_id()` the id itself. Duplicate sets get Spark's `_gen_grouping_pos` column so
 * each keeps its own rows.
 */
export function resolveGroupingSets(
  child: Resolved,
  groupBy: readonly Expr[],
  analytics: GroupingAnalytics,
  sets: readonly (readonly Expr[])[],
  outputs: readonly Expr[],
): Aggregate {
  const n = groupBy.length;
  if (n > MAX_GROUPING_SIZE) throw new AnalysisException("GROUPING_SIZE_LIMIT_EXCEEDED", { maxSize: String(MAX_GROUPING_SIZE) });
  const indexSets =
    analytics.type === "groupingSets"
      ? sets.map((s) =>
          s.map((e) => {
            const i = groupBy.findIndex((g) => exprSemanticEquals(g, e));
            if (i < 0) throw mismatch(e, groupBy);
            return i;
          }),
        )
      : groupingSetIndexes(analytics.type, n);
  const childOut = outputOf(child.plan);
  const aliases: Alias[] = groupBy.map((g) => ({ kind: "Alias", child: g, name: autoName(g), exprId: newExprId() }));
  const aliased = aliases.map((a) => ({ ...toAttribute(a), nullable: true }));
  const below = project(child.plan, [...childOut, ...aliases]);
  const groupAttrs: AttributeRef[] = aliased.map((a) => ({ ...a, exprId: newExprId() }));
  const gid: AttributeRef = { kind: "AttributeRef", name: GROUPING_ID_NAME, dataType: LongType, nullable: false, exprId: newExprId() };
  const keys = indexSets.map((s) => [...new Set(s)].sort((x, y) => x - y).join(","));
  const duplicates = new Set(keys).size !== keys.length;
  const pos: AttributeRef = { kind: "AttributeRef", name: "_gen_grouping_pos", dataType: IntegerType, nullable: false, exprId: newExprId() };
  const projections = indexSets.map((s, k) => [
    ...childOut,
    ...aliased.map((a, i): Expr => (s.includes(i) ? a : { kind: "Literal", value: null, dataType: a.dataType })),
    longLit(bitmask(s, n)),
    ...(duplicates ? [{ kind: "Literal", value: k, dataType: IntegerType } as const] : []),
  ]);
  const expanded = expand(below, projections, [...childOut, ...groupAttrs, gid, ...(duplicates ? [pos] : [])]);
  const replaced = outputs.map((o) => (o.kind === "Alias" ? { ...o, child: rewrite(o.child, groupBy, groupAttrs, gid) } : rewrite(o, groupBy, groupAttrs, gid)));
  return aggregate(expanded, [...groupAttrs, gid, ...(duplicates ? [pos] : [])], replaced.map(named));
}

/**
 * HAVING / ORDER BY over an aggregate of grouping sets: grouping() and grouping_id() read its
 * spark_grouping_id, as in its outputs (Spark's ResolveGroupingAnalytics for the Filter and Sort
 * above it); other aggregates are left as they are.
 */
export function rewriteGroupingCalls(e: Expr, agg: Aggregate): Expr {
  const at = agg.groupBy.findIndex((g) => g.kind === "AttributeRef" && g.name === GROUPING_ID_NAME);
  const gid = agg.groupBy[at];
  if (gid?.kind !== "AttributeRef") return e;
  const keys = agg.groupBy.slice(0, at).filter((g): g is AttributeRef => g.kind === "AttributeRef");
  return rewrite(e, keys, keys, gid);
}

/** Whether `e` calls grouping() or grouping_id() (outside aggregate calls, where they mean something). */
export function callsGrouping(e: Expr): boolean {
  if (e.kind === "AggCall") return false;
  if (e.kind === "ScalarCall" && (e.fn === "grouping" || e.fn === "grouping_id")) return true;
  return exprChildren(e).some(callsGrouping);
}

/** Grouping expressions (outside aggregate calls) → the Expand's attributes; grouping()/grouping_id() → bits of the id. */
function rewrite(e: Expr, groupBy: readonly Expr[], groupAttrs: readonly AttributeRef[], gid: AttributeRef): Expr {
  if (e.kind === "AggCall") return e;
  if (e.kind === "ScalarCall" && e.fn === "grouping") {
    const arg = e.args[0]!;
    const i = groupBy.findIndex((g) => exprSemanticEquals(g, arg));
    if (i < 0) throw mismatch(arg, groupBy);
    const bit = call("&", [call("shiftright", [gid, { kind: "Literal", value: groupBy.length - 1 - i, dataType: IntegerType }]), longLit(1)]);
    return { kind: "Cast", child: bit, dataType: ByteType };
  }
  if (e.kind === "ScalarCall" && e.fn === "grouping_id") {
    const same = e.args.length === 0 || (e.args.length === groupBy.length && e.args.every((a, i) => exprSemanticEquals(a, groupBy[i]!)));
    if (!same) {
      // raised while resolving, so without the plan; the columns as plans print them (`a#1`)
      throw markWithoutPlan(
        new AnalysisException("GROUPING_ID_COLUMN_MISMATCH", { groupingIdColumn: e.args.map(exprToString).join(","), groupByColumns: groupBy.map(exprToString).join(",") }),
      );
    }
    return gid;
  }
  const i = groupBy.findIndex((g) => exprSemanticEquals(g, e));
  if (i >= 0) return groupAttrs[i]!;
  return mapExprChildren(e, (c) => rewrite(c, groupBy, groupAttrs, gid));
}

/** GROUPING_COLUMN_MISMATCH (Spark's groupingColInvalidError, raised while resolving: no plan appended). */
function mismatch(e: Expr, groupBy: readonly Expr[]): AnalysisException {
  return markWithoutPlan(new AnalysisException("GROUPING_COLUMN_MISMATCH", { grouping: exprToString(e), groupingColumns: groupBy.map(exprToString).join(",") }));
}
