import type { Expr, PythonUDF, SortOrder } from "../../expr/expr.js";
import type { WindowFrame } from "../../expr/window-frame.js";
import type { UdtfArgShape } from "../../python/python-runner.js";

/**
 * Spark's AggregateInPandasExec: grouped-aggregate pandas UDFs over each group of rows (the
 * input is clustered and sorted on `groupBy`); one output row per group, `results`
 * evaluated over [group keys…, UDF results…] (BoundRef i). No keys: the whole partition is
 * one group (the planner gives it one partition).
 */
export interface AggregateInPandasOp {
  readonly kind: "aggregate";
  readonly groupBy: readonly Expr[];
  readonly udfs: readonly PythonUDF[];
  readonly results: readonly Expr[];
}

/**
 * Spark's WindowInPandasExec (ArrowWindowPythonExec after 4.0): grouped-aggregate pandas
 * UDFs over each row's window frame; the input's columns then one column per UDF. The input
 * is clustered on `partitionSpec` and sorted by it then `orderSpec`.
 */
export interface WindowInPandasOp {
  readonly kind: "window";
  readonly partitionSpec: readonly Expr[];
  readonly orderSpec: readonly SortOrder[];
  readonly udfs: readonly PythonUDF[];
  readonly frames: readonly WindowFrame[];
}

/**
 * Spark's MapInPandasExec / PythonMapInArrowExec: `udf` (over all input columns) called once
 * per partition over its batches; its rows are the output.
 */
export interface MapInPythonOp {
  readonly kind: "mapPartitions";
  readonly udf: PythonUDF;
}

/**
 * Spark's FlatMapGroupsInPandasExec / FlatMapGroupsInArrowExec: the input clustered and
 * sorted on `groupBy`; `udf` once per group, its rows the output.
 */
export interface FlatMapGroupsOp {
  readonly kind: "flatMapGroups";
  readonly groupBy: readonly Expr[];
  readonly udf: PythonUDF;
}

/**
 * Spark's FlatMapCoGroupsInPandasExec / InArrowExec: both inputs clustered on their keys the
 * same way and sorted by them; `udf` (args: the left's columns then the right's, the first
 * `leftArgs` of them the left's) once per key found on either side.
 */
export interface FlatMapCoGroupsOp {
  readonly kind: "flatMapCoGroups";
  readonly leftGroupBy: readonly Expr[];
  readonly rightGroupBy: readonly Expr[];
  readonly udf: PythonUDF;
  readonly leftArgs: number;
}

/**
 * Spark's BatchEvalPythonUDTFExec / ArrowEvalPythonUDTFExec: the UDTF over each partition (a
 * new instance where `partitionBy` changes, the input clustered and sorted on it), its
 * arguments `udtf.args` shaped by `shapes`; output: the first `passThrough` input columns
 * (a lateral join's left side) of the row each output row came from, then the UDTF's columns.
 */
export interface UdtfOp {
  readonly kind: "udtf";
  readonly udtf: PythonUDF;
  readonly shapes: readonly UdtfArgShape[];
  readonly partitionBy: readonly Expr[];
  readonly passThrough: number;
}

/** What an ArrowPython operator computes. */
export type ArrowPythonOp = AggregateInPandasOp | WindowInPandasOp | MapInPythonOp | FlatMapGroupsOp | FlatMapCoGroupsOp | UdtfOp;
