import type { ParsedExpr, ParsedSortOrder } from "../expr/parsed-expr.js";
import type { FileSourceRelation } from "../io/file-source.js";
import type { StructType } from "../types/data-type.js";
import type { JoinType } from "./logical-plan.js";

/**
 * The plan as a client wrote it, before analysis: what the wire decoder (bridge/PROTOCOL.md
 * "Relations") and the Node API's DataFrame build. Expressions are unresolved (`ParsedExpr`)
 * and the sugar nodes (WithColumns, WithColumnsRenamed, Drop, Distinct, SubqueryAlias, ToDF,
 * joins on `usingColumns`) are still there; the analyzer turns it into a resolved
 * `LogicalPlan`. Every node may carry the client's `planId`, which `df["col"]` references use
 * to say which frame they mean.
 */
export type ParsedPlan =
  | ParsedRange
  | ParsedLocalRelation
  | ParsedProject
  | ParsedFilter
  | WithColumns
  | WithColumnsRenamed
  | Drop
  | ParsedAggregate
  | ParsedSort
  | ParsedLimit
  | ParsedJoin
  | Distinct
  | ParsedUnion
  | SubqueryAlias
  | ToDF
  | ParsedHint
  | DataSource
  | WriteFiles
  | UnresolvedRelation
  | SqlQuery
  | SetOperation
  | PredicateSubquery
  | ScalarSubqueryJoin
  | Unpivot
  | Transpose
  | NAFill
  | NADrop
  | NAReplace
  | ParsedSample
  | StatSummary
  | ToSchema
  | EventTimeWatermark
  | ParsedOffset
  | ParsedRepartition
  | ParsedRepartitionByExpression
  | ParsedCollectMetrics
  | ParsedPythonMapGroups
  | ParsedPythonCoGroup
  | ParsedPythonUDTF;

/** The kinds of parsed plan nodes (all of them may arrive from the wire). */
export type ParsedPlanKind = ParsedPlan["kind"];

interface Base {
  readonly planId?: number;
}

/** `spark.range`: one LongType column `id`. */
export interface ParsedRange extends Base {
  readonly kind: "Range";
  readonly start: number | bigint;
  readonly end: number | bigint;
  readonly step: number | bigint;
  readonly numPartitions?: number;
}

/** Rows given by the user (createDataFrame). Values follow the vector convention of `schema`. */
export interface ParsedLocalRelation extends Base {
  readonly kind: "LocalRelation";
  readonly schema: StructType;
  readonly rows: readonly (readonly unknown[])[];
  readonly numPartitions?: number;
  /** A checkpoint's saved rows, kept in the engine under this id (rows is then empty). */
  readonly checkpointId?: string;
}

/** select(...): may hold stars, and aggregates (which make it a global aggregate). */
export interface ParsedProject extends Base {
  readonly kind: "Project";
  readonly input: ParsedPlan;
  readonly exprs: readonly ParsedExpr[];
}

/** filter/where. */
export interface ParsedFilter extends Base {
  readonly kind: "Filter";
  readonly input: ParsedPlan;
  readonly condition: ParsedExpr;
}

/** withColumn/withColumns: replace same-named columns in place, append the others. */
export interface WithColumns extends Base {
  readonly kind: "WithColumns";
  readonly input: ParsedPlan;
  readonly names: readonly string[];
  readonly exprs: readonly ParsedExpr[];
}

/** withColumnRenamed/withColumnsRenamed: [from, to] pairs; unknown names are ignored. */
export interface WithColumnsRenamed extends Base {
  readonly kind: "WithColumnsRenamed";
  readonly input: ParsedPlan;
  readonly renames: readonly (readonly [string, string])[];
}

/** drop(...): names that do not exist are ignored, as in PySpark. */
export interface Drop extends Base {
  readonly kind: "Drop";
  readonly input: ParsedPlan;
  readonly columns: readonly ParsedExpr[];
}

/** groupBy(...).agg(...): the grouping columns are prepended to the output, as PySpark does. */
export interface ParsedAggregate extends Base {
  readonly kind: "Aggregate";
  readonly input: ParsedPlan;
  readonly groupBy: readonly ParsedExpr[];
  readonly aggs: readonly ParsedExpr[];
  /**
   * A SQL `SELECT … GROUP BY`: `aggs` is the whole output (no grouping columns prepended), and
   * `groupBy` may name select-list aliases and be `GROUP BY ALL` (`groupByAll`).
   */
  readonly sqlSelect?: boolean;
  readonly groupByAll?: boolean;
  /**
   * cube / rollup / groupingSets (Spark's GroupingAnalytics): the sets of `groupBy`
   * expressions to aggregate by, planned as an Expand with `spark_grouping_id`.
   */
  readonly groupingAnalytics?: GroupingAnalytics;
  /** groupBy(...).pivot(column, values): one output column per value (and aggregate). */
  readonly pivot?: PivotSpec;
}

/**
 * How grouping sets are given: `cube` (every subset of `groupBy`), `rollup` (its prefixes),
 * or explicit `sets` of expressions (df.groupingSets, SQL's GROUPING SETS).
 */
export type GroupingAnalytics =
  | { readonly type: "cube" }
  | { readonly type: "rollup" }
  | { readonly type: "groupingSets"; readonly sets: readonly (readonly ParsedExpr[])[] };

/**
 * A pivot of an aggregation (Spark's Pivot): `values` are literals; without them the
 * engine finds the column's distinct values (sorted, at most spark.sql.pivotMaxValues)
 * before analysis, as Spark's RelationalGroupedDataset.pivot runs a query for them.
 */
export interface PivotSpec {
  readonly column: ParsedExpr;
  readonly values?: readonly ParsedExpr[];
  /**
   * SQL's PIVOT clause: the aggregate is grouped by every input column that neither the
   * aggregates nor the pivot column reference (Spark's ResolvePivot without group-by
   * expressions), which only analysis knows; `groupBy` is then empty.
   */
  readonly implicitGroupBy?: boolean;
}

/** orderBy/sort (global) and sortWithinPartitions (not global). */
export interface ParsedSort extends Base {
  readonly kind: "Sort";
  readonly input: ParsedPlan;
  readonly orders: readonly ParsedSortOrder[];
  readonly global: boolean;
}

/** limit(n). */
export interface ParsedLimit extends Base {
  readonly kind: "Limit";
  readonly input: ParsedPlan;
  readonly n: number;
}

/** join/crossJoin. */
export interface ParsedJoin extends Base {
  readonly kind: "Join";
  readonly left: ParsedPlan;
  readonly right: ParsedPlan;
  readonly joinType: JoinType;
  readonly condition?: ParsedExpr;
  /** join(on="k") / join(on=["k1","k2"]): equi-join whose keys appear once in the output. */
  readonly usingColumns?: readonly string[];
  /** SQL's NATURAL JOIN: a using-join on every column name both sides have. */
  readonly natural?: boolean;
  /** SQL's `JOIN LATERAL (subquery)`: the right side may read the left's columns (a correlated lateral subquery). */
  readonly lateral?: boolean;
  /**
   * SQL's outer join whose ON condition has a subquery over unqualified outer columns (`k IN
   * (SELECT …)`): the parser cannot tell their side, so this join has the subquery on the left
   * and `orElse` the same join with it on the right, which the analyzer resolves instead when
   * this one's columns do not resolve.
   */
  readonly orElse?: ParsedJoin;
}

/**
 * distinct() / dropDuplicates(): an Aggregate over every column once analyzed; with `columns`
 * (dropDuplicates(subset), Spark's Deduplicate), grouped by those columns, every other column
 * the group's first value.
 */
export interface Distinct extends Base {
  readonly kind: "Distinct";
  readonly input: ParsedPlan;
  readonly columns?: readonly string[];
  /** dropDuplicatesWithinWatermark: a streaming operator, which a batch plan rejects as Spark does. */
  readonly withinWatermark?: boolean;
}

/** union/unionAll (by position, keeping duplicates) and unionByName. */
export interface ParsedUnion extends Base {
  readonly kind: "Union";
  readonly inputs: readonly ParsedPlan[];
  readonly byName: boolean;
  readonly allowMissingColumns: boolean;
}

declare module "../expr/parsed-expr.js" {
  /** A subquery expression's plan (see SubqueryExpression). */
  interface SubqueryPlanField {
    readonly plan: ParsedPlan;
  }
}

/** df.alias("t"): lets `t.col` qualify this frame's columns. */
export interface SubqueryAlias extends Base {
  readonly kind: "SubqueryAlias";
  readonly input: ParsedPlan;
  readonly alias: string;
  /** A view's full qualifier (`global_temp.v` → ["global_temp", "v"]); absent = [alias]. */
  readonly qualifier?: readonly string[];
}

/**
 * hint(name, *parameters) / broadcast(df): a hint on its input (Spark's UnresolvedHint). The
 * join strategy hints reach the join above (see resolveJoin); others are ignored, as Spark
 * ignores hints it does not know.
 */
export interface ParsedHint extends Base {
  readonly kind: "Hint";
  readonly input: ParsedPlan;
  readonly name: string;
  readonly parameters: readonly (string | number)[];
}

/** toDF(*names): rename all columns by position. */
export interface ToDF extends Base {
  readonly kind: "ToDF";
  readonly input: ParsedPlan;
  readonly names: readonly string[];
}

/**
 * `df.withWatermark(eventTime, delayThreshold)`: how late event-time data may arrive. A batch
 * plan ignores it, as Spark's EliminateEventTimeWatermark; streaming queries do not support it yet.
 */
export interface EventTimeWatermark extends Base {
  readonly kind: "EventTimeWatermark";
  readonly input: ParsedPlan;
  readonly eventTime: string;
  readonly delay: string;
}

/**
 * `spark.read.format(f).options(...).schema(s).load(paths)` (Spark Connect's Read.DataSource):
 * the engine lists the files and infers the schema when it analyzes the plan.
 */
export interface DataSource extends Base {
  readonly kind: "DataSource";
  readonly format: string;
  readonly paths: readonly string[];
  readonly options: readonly (readonly [string, string])[];
  /** The user's schema (`.schema(...)`, a StructType or a DDL string). */
  readonly schema?: StructType;
  /**
   * The files and schema, filled in before analysis by engine/resolve-sources.ts (listing and
   * inference read the disk, which analysis does not), as Spark resolves a DataSource at load.
   */
  readonly relation?: FileSourceRelation;
  /** `spark.readStream...load()`: a streaming source, read batch by batch by a streaming query (stream/). */
  readonly isStreaming?: boolean;
}

/**
 * `df.write.format(f).mode(m).options(...).partitionBy(...).save(path)` (Spark Connect's
 * WriteOperation to a path): `mode` as the user spelled it, checked by the analyzer.
 */
export interface WriteFiles extends Base {
  readonly kind: "WriteFiles";
  readonly input: ParsedPlan;
  readonly format: string;
  readonly path: string;
  readonly mode: string;
  readonly options: readonly (readonly [string, string])[];
  readonly partitionBy: readonly string[];
  /** A bucketed table's write (Spark's BucketSpec): the input column holding each row's bucket id, which names its file and is not written. */
  readonly bucketIdColumn?: string;
}

/** A table or view by name (`FROM t`, `spark.table("t")`), looked up in the session catalog by the analyzer. */
export interface UnresolvedRelation extends Base {
  readonly kind: "UnresolvedRelation";
  readonly nameParts: readonly string[];
  /** Where the name stands in the SQL text (line from 1, pos from 0), for Spark's `; line 1 pos 14` context. */
  readonly origin?: { readonly line: number; readonly pos: number };
  /**
   * In a persistent view's query: the database a one-part name means (the current one when the
   * view was made, Spark's view catalogAndNamespace); temp views are not looked at.
   */
  readonly viewDatabase?: string;
}

/**
 * `spark.sql(query, args, **kwargs)` for a query: the SQL text, parsed at analysis (in the
 * session's time zone) with its parameters bound and `{df}` references (`refs`) standing for
 * the client's DataFrames.
 */
export interface SqlQuery extends Base {
  readonly kind: "Sql";
  readonly query: string;
  readonly named: ReadonlyMap<string, ParsedExpr>;
  readonly positional: readonly ParsedExpr[];
  readonly refs: ReadonlyMap<string, ParsedPlan>;
}

/**
 * SQL's `INTERSECT` / `EXCEPT` (`MINUS`) of two queries: distinct rows, or with `all`
 * (intersectAll, exceptAll, `INTERSECT ALL`, `EXCEPT ALL`) every row as often as it occurs in
 * both (min of the counts) / in the left beyond the right (the difference of the counts).
 */
export interface SetOperation extends Base {
  readonly kind: "SetOperation";
  readonly op: "intersect" | "except";
  readonly left: ParsedPlan;
  readonly right: ParsedPlan;
  readonly all?: boolean;
}

/**
 * A WHERE conjunct `[NOT] EXISTS (subquery)` or `values [NOT] IN (subquery)` over `input`: the
 * analyzer makes it a left semi (anti) join, the subquery's predicates on outer columns becoming
 * the join condition (Spark's RewritePredicateSubquery and its decorrelation).
 */
export interface PredicateSubquery extends Base {
  readonly kind: "PredicateSubquery";
  readonly input: ParsedPlan;
  readonly subquery: ParsedPlan;
  /** IN's left-hand values (empty for EXISTS). */
  readonly values: readonly ParsedExpr[];
  readonly negated: boolean;
  /**
   * A subquery elsewhere in a condition (under OR, in the select list): instead of filtering,
   * the input gains a boolean column of this name saying whether a row of the subquery
   * matches (Spark's ExistenceJoin), which the condition reads; `negated` NOT IN matches
   * null-aware (a null on either side counts as a match), so that the NOT above it is Spark's.
   */
  readonly existenceColumn?: string;
}

/**
 * A scalar subquery of a WHERE condition, joined to `input` as one more column `name` (which
 * the condition then reads): uncorrelated, a one-row aggregate crossed with every row;
 * correlated on equalities, an aggregate grouped by the inner columns and left-joined on them
 * (Spark's RewriteCorrelatedScalarSubquery).
 */
export interface ScalarSubqueryJoin extends Base {
  readonly kind: "ScalarSubqueryJoin";
  readonly input: ParsedPlan;
  readonly subquery: ParsedPlan;
  readonly name: string;
}

/** `df.offset(n)` (Spark's Offset): the rows after the first `n`, in the input's order. */
export interface ParsedOffset extends Base {
  readonly kind: "Offset";
  readonly input: ParsedPlan;
  readonly n: number;
}

/**
 * `df.transpose(indexColumn)` (Spark's Transpose): one row per non-index column (its name in
 * `key`), one column per non-null index value (named by the value cast to a string, in
 * ascending order). The engine finds the values before analysis (engine/transpose-values.ts)
 * and rewrites the node into an aggregate per column, so analysis never meets it.
 */
export interface Transpose extends Base {
  readonly kind: "Transpose";
  readonly input: ParsedPlan;
  /** Absent: the first column. */
  readonly indexColumn?: ParsedExpr;
}

/**
 * unpivot/melt (Spark's Unpivot): for every row, one row per `values` column holding the
 * `ids` columns, the value column's name (`variableColumnName`) and its value
 * (`valueColumnName`, of the values' common type). No `values`: every non-id column.
 */
export interface Unpivot extends Base {
  readonly kind: "Unpivot";
  readonly input: ParsedPlan;
  readonly ids: readonly ParsedExpr[];
  readonly values?: readonly ParsedExpr[];
  /** SQL's UNPIVOT clause: the ids are every input column the values do not reference (found at analysis); `ids` is then empty. */
  readonly implicitIds?: boolean;
  readonly variableColumnName: string;
  readonly valueColumnName: string;
}

/**
 * df.na.fill / fillna (Spark's DataFrameNaFunctions.fill): nulls (and NaN in float columns)
 * become a value. One value: every column of `columns` (all when absent) whose type takes it
 * (numbers numeric columns, strings string columns, booleans boolean columns). `perColumn`
 * (the dict form): `values[i]` for `columns[i]`, whatever its type, cast to it.
 */
export interface NAFill extends Base {
  readonly kind: "NAFill";
  readonly input: ParsedPlan;
  readonly columns?: readonly string[];
  readonly values: readonly ParsedExpr[];
  readonly perColumn?: boolean;
}

/**
 * df.na.drop / dropna: keeps the rows with at least `minNonNulls` values that are neither
 * null nor NaN among `columns` (all when absent); `minNonNulls` absent: all of them.
 */
export interface NADrop extends Base {
  readonly kind: "NADrop";
  readonly input: ParsedPlan;
  readonly columns?: readonly string[];
  readonly minNonNulls?: number;
}

/**
 * df.na.replace / replace: in `columns` (all when absent) of the replacements' type (numbers
 * compare as doubles in every numeric column, strings in string columns, booleans in boolean
 * ones), each value equal to an `old` becomes its `new` (null allowed), cast to the column's type.
 */
export interface NAReplace extends Base {
  readonly kind: "NAReplace";
  readonly input: ParsedPlan;
  readonly columns?: readonly string[];
  readonly replacements: readonly (readonly [ParsedExpr, ParsedExpr])[];
}

/**
 * df.sample / a piece of df.randomSplit (Spark Connect's Sample): rows whose seeded draw falls
 * in [lowerBound, upperBound). `deterministicOrder` (randomSplit) sorts each partition on
 * every orderable column first, so the pieces of one split see the rows in the same order.
 */
export interface ParsedSample extends Base {
  readonly kind: "Sample";
  readonly input: ParsedPlan;
  readonly lowerBound: number;
  readonly upperBound: number;
  readonly withReplacement: boolean;
  readonly seed: bigint;
  readonly deterministicOrder?: boolean;
}

/**
 * df.summary(*statistics) (and describe, a summary of count, mean, stddev, min, max): one row
 * per statistic, a `summary` column naming it and one string column per numeric or string
 * column of `input` (Spark's StatFunctions.summary).
 */
export interface StatSummary extends Base {
  readonly kind: "StatSummary";
  readonly input: ParsedPlan;
  readonly statistics: readonly string[];
}

/**
 * df.to(schema) (Spark's Dataset.to): the columns of `schema`, in its order, matched by name
 * and up-cast to its types (a missing column is null), nullability checked.
 */
export interface ToSchema extends Base {
  readonly kind: "ToSchema";
  readonly input: ParsedPlan;
  readonly schema: StructType;
}

/**
 * `df.repartition(n)` (`shuffle`, Spark's Repartition: round robin into n partitions) or
 * `df.coalesce(n)` (not `shuffle`: neighbouring partitions merged, no exchange).
 */
export interface ParsedRepartition extends Base {
  readonly kind: "Repartition";
  readonly input: ParsedPlan;
  readonly numPartitions: number;
  readonly shuffle: boolean;
}

/**
 * `df.repartition([n], *cols)` and `df.repartitionByRange([n], *cols)` (Spark's
 * RepartitionByExpression): hash partitioning on `partitionExprs`, or range partitioning
 * when they are all SortOrders; without `numPartitions`, spark.sql.shuffle.partitions.
 */
export interface ParsedRepartitionByExpression extends Base {
  readonly kind: "RepartitionByExpression";
  readonly input: ParsedPlan;
  readonly partitionExprs: readonly ParsedExpr[];
  readonly numPartitions?: number;
}

/**
 * `df.observe(observation | name, *exprs)` (Spark's CollectMetrics): `metrics` are computed
 * over the input's rows as an action runs them; `observationId` names the client's
 * Observation that receives them (absent for a name alone).
 */
export interface ParsedCollectMetrics extends Base {
  readonly kind: "CollectMetrics";
  readonly input: ParsedPlan;
  readonly name: string;
  readonly metrics: readonly ParsedExpr[];
  readonly observationId?: string;
}

/**
 * `df.mapInPandas` / `mapInArrow` (no `groupingExprs`) and `df.groupBy(...).applyInPandas` /
 * `applyInArrow`: `udf` is a PythonUDF (its evalType says which, its returnType is the output
 * struct) applied to all of the input's columns; its wire `args` are ignored, as the function
 * always sees every column (PySpark passes them all).
 */
export interface ParsedPythonMapGroups extends Base {
  readonly kind: "PythonMapGroups";
  readonly input: ParsedPlan;
  readonly groupingExprs: readonly ParsedExpr[];
  readonly udf: ParsedExpr;
  readonly isBarrier: boolean;
}

/** `gd1.cogroup(gd2).applyInPandas` / `applyInArrow`: `udf` over both sides' columns, grouped by each side's keys. */
export interface ParsedPythonCoGroup extends Base {
  readonly kind: "PythonCoGroup";
  readonly input: ParsedPlan;
  readonly inputGroupingExprs: readonly ParsedExpr[];
  readonly other: ParsedPlan;
  readonly otherGroupingExprs: readonly ParsedExpr[];
  readonly udf: ParsedExpr;
}

/**
 * A TABLE argument of a table function call: SQL's `TABLE(t) [PARTITION BY … [ORDER BY …] |
 * WITH SINGLE PARTITION]`, or `df.asTable().partitionBy(…).orderBy(…)`.
 */
export interface ParsedTableArgument {
  readonly plan: ParsedPlan;
  readonly partitionBy: readonly ParsedExpr[];
  readonly orderBy: readonly ParsedExpr[];
  readonly withSinglePartition: boolean;
}

/** One argument of a table function call, by position or (with `name`) by keyword. */
export type ParsedTableFunctionArg =
  | { readonly kind: "expr"; readonly expr: ParsedExpr; readonly name?: string }
  | { readonly kind: "table"; readonly table: ParsedTableArgument; readonly name?: string };

/**
 * A Python UDTF call (`my_udtf(lit(1))`, SQL's `FROM my_udtf(…)` and `t, LATERAL my_udtf(t.a)`):
 * `udtf` is the PythonUDF of the class (its func pickles (class, returnType), its returnType is
 * the output struct) or, from SQL, the name `spark.udtf.register` gave it; `lateral` is the
 * relation whose rows the call is joined with (its columns come first); without it the call
 * runs over one row, or over its TABLE argument's rows.
 */
export interface ParsedPythonUDTF extends Base {
  readonly kind: "PythonUDTF";
  readonly udtf: ParsedExpr | string;
  readonly args: readonly ParsedTableFunctionArg[];
  readonly lateral?: ParsedPlan;
  /** SQL's `LATERAL f(…) AS alias(c1, c2)`: the qualifier and names of the function's own columns. */
  readonly alias?: string;
  readonly columnAliases?: readonly string[];
}

/** The relations a UDTF call reads: its lateral side, then its TABLE arguments' plans. */
export function udtfCallChildren(p: ParsedPythonUDTF): ParsedPlan[] {
  const tables = p.args.flatMap((a) => (a.kind === "table" ? [a.table.plan] : []));
  return p.lateral === undefined ? tables : [p.lateral, ...tables];
}

/** A UDTF call with `f` applied to each relation it reads; the same reference when none changed. */
export function mapUdtfCallChildren(p: ParsedPythonUDTF, f: (c: ParsedPlan) => ParsedPlan): ParsedPythonUDTF {
  let changed = false;
  const lateral = p.lateral === undefined ? undefined : f(p.lateral);
  if (lateral !== p.lateral) changed = true;
  const args = p.args.map((a): ParsedTableFunctionArg => {
    if (a.kind !== "table") return a;
    const plan = f(a.table.plan);
    if (plan === a.table.plan) return a;
    changed = true;
    return { ...a, table: { ...a.table, plan } };
  });
  if (!changed) return p;
  return { ...p, args, ...(lateral === undefined ? {} : { lateral }) };
}
