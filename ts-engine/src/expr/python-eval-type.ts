import type { Expr } from "./expr.js";

/**
 * PySpark's PythonEvalType values a PythonUDF expression carries: how the worker feeds the
 * function (rows, pandas Series per batch, an iterator of them, one group at a time).
 */
export const PythonEvalType = {
  /** SQL_BATCHED_UDF: row at a time, in batches. */
  batched: 100,
  /** SQL_ARROW_BATCHED_UDF: row at a time over Arrow (useArrow=True). */
  arrowBatched: 101,
  /** SQL_SCALAR_PANDAS_UDF: a Series in, a Series out, per batch. */
  scalarPandas: 200,
  /** SQL_GROUPED_AGG_PANDAS_UDF: each group's (or window frame's) Series in, one scalar out. */
  groupedAggPandas: 202,
  /** SQL_SCALAR_PANDAS_ITER_UDF: an iterator of Series in, of Series out. */
  scalarPandasIter: 204,
} as const;

/** Whether `e` is a grouped-aggregate pandas UDF call: an aggregate function, not a row-wise one (Spark's PythonUDAF). */
export function isGroupedAggPandasUdf(e: Expr): boolean {
  return e.kind === "PythonUDF" && e.evalType === PythonEvalType.groupedAggPandas;
}
