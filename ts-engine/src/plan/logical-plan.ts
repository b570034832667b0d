import type { AttributeRef, Expr, PythonUDF, SortOrder } from "../expr/expr.js";
import type { StructType } from "../types/data-type.js";

/**
 * Logical plan nodes as one discriminated union. The wire form (bridge/PROTOCOL.md
 * "Relations") decodes straight into these; the analyzer resolves expressions to
 * AttributeRefs and rewrites the sugar nodes (WithColumns, WithColumnsRenamed, Drop,
 * Distinct, SubqueryAlias) into core ones. Every node may carry the client's
 * `planId`, which `df["col"]` references use to say which frame they mean.
 */
export type LogicalPlan =
  | Range
  | LocalRelation
  | Project
  | Filter
  | WithColumns
  | WithColumnsRenamed
  | Drop
  | Aggregate
  | Sort
  | Limit
  | Join
  | Distinct
  | Union
  | SubqueryAlias
  | ToDF
  | BatchEvalPython;

export type PlanKind = LogicalPlan["kind"];

interface Base {
  readonly planId?: number;
}

/** `spark.range`: one LongType column `id`. `output` is set by the analyzer. */
export interface Range extends Base {
  readonly kind: "Range";
  readonly start: number | bigint;
  readonly end: number | bigint;
  readonly step: number | bigint;
  readonly numPartitions?: number;
  readonly output?: readonly AttributeRef[];
}

/** Rows given by the user (createDataFrame). Values follow the vector convention of `schema`. */
export interface LocalRelation extends Base {
  readonly kind: "LocalRelation";
  readonly schema: StructType;
  readonly rows: readonly (readonly unknown[])[];
  readonly numPartitions?: number;
  readonly output?: readonly AttributeRef[];
}

export interface Project extends Base {
  readonly kind: "Project";
  readonly input: LogicalPlan;
  readonly exprs: readonly Expr[];
}

export interface Filter extends Base {
  readonly kind: "Filter";
  readonly input: LogicalPlan;
  readonly condition: Expr;
}

/** withColumn/withColumns: replace same-named columns in place, append the others. */
export interface WithColumns extends Base {
  readonly kind: "WithColumns";
  readonly input: LogicalPlan;
  readonly names: readonly string[];
  readonly exprs: readonly Expr[];
}

export interface WithColumnsRenamed extends Base {
  readonly kind: "WithColumnsRenamed";
  readonly input: LogicalPlan;
  readonly renames: readonly (readonly [string, string])[];
}

/** drop(...): names that do not exist are ignored, as in PySpark. */
export interface Drop extends Base {
  readonly kind: "Drop";
  readonly input: LogicalPlan;
  readonly columns: readonly Expr[];
}

/** groupBy(...).agg(...): output is `groupBy` then `aggs` (the client includes grouping columns as PySpark does). */
export interface Aggregate extends Base {
  readonly kind: "Aggregate";
  readonly input: LogicalPlan;
  readonly groupBy: readonly Expr[];
  readonly aggs: readonly Expr[];
}

export interface Sort extends Base {
  readonly kind: "Sort";
  readonly input: LogicalPlan;
  readonly orders: readonly SortOrder[];
  readonly global: boolean;
}

export interface Limit extends Base {
  readonly kind: "Limit";
  readonly input: LogicalPlan;
  readonly n: number;
}

export type JoinType = "inner" | "left" | "right" | "full" | "left_semi" | "left_anti" | "cross";

export interface Join extends Base {
  readonly kind: "Join";
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  readonly joinType: JoinType;
  readonly condition?: Expr;
  /** join(on="k") / join(on=["k1","k2"]): equi-join whose keys appear once in the output. */
  readonly usingColumns?: readonly string[];
}

export interface Distinct extends Base {
  readonly kind: "Distinct";
  readonly input: LogicalPlan;
}

/** union/unionAll: by position (byName=false), keeping duplicates. */
export interface Union extends Base {
  readonly kind: "Union";
  readonly inputs: readonly LogicalPlan[];
  readonly byName: boolean;
  readonly allowMissingColumns: boolean;
}

/** df.alias("t"): lets `t.col` qualify this frame's columns. */
export interface SubqueryAlias extends Base {
  readonly kind: "SubqueryAlias";
  readonly input: LogicalPlan;
  readonly alias: string;
}

/** toDF(*names): rename all columns by position. */
export interface ToDF extends Base {
  readonly kind: "ToDF";
  readonly input: LogicalPlan;
  readonly names: readonly string[];
}

/**
 * Produced by the optimizer (as Spark's ExtractPythonUDFs): evaluates `udfs` over `input`
 * in Python workers and appends one column per UDF (`resultAttrs`) to the input's output.
 */
export interface BatchEvalPython extends Base {
  readonly kind: "BatchEvalPython";
  readonly input: LogicalPlan;
  readonly udfs: readonly PythonUDF[];
  readonly resultAttrs: readonly AttributeRef[];
}
