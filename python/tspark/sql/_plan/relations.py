"""Relation nodes as plain dicts (bridge/PROTOCOL.md "Relations"); `kind` first, `planId` last.

Each node gets a fresh planId so that ``df["x"]`` can say which frame it means.
"""
import itertools
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from tspark.sql._plan.expressions import Expr

Plan = Dict[str, Any]
_plan_ids = itertools.count()


def _node(kind: str, **fields: Any) -> Plan:
    node: Plan = {"kind": kind}
    node.update((k, v) for k, v in fields.items() if v is not None)
    node["planId"] = next(_plan_ids)
    return node


def range_(start: int, end: int, step: int, num_partitions: Optional[int] = None) -> Plan:
    """``spark.range``: one bigint column ``id``."""
    return _node("Range", start=start, end=end, step=step, numPartitions=num_partitions)


def local_relation(schema: Dict[str, Any], rows: List[List[Any]], num_partitions: Optional[int] = None,
                   checkpoint_id: Optional[str] = None) -> Plan:
    """Rows from the client (createDataFrame), as wire values; with ``checkpoint_id`` none: the
    rows a checkpoint saved in the engine under that id."""
    return _node("LocalRelation", schema=schema, rows=rows, numPartitions=num_partitions, checkpointId=checkpoint_id)


def project(input: Plan, exprs: Sequence[Expr]) -> Plan:
    """``select``."""
    return _node("Project", input=input, exprs=list(exprs))


def filter_(input: Plan, condition: Expr) -> Plan:
    """``filter`` / ``where``."""
    return _node("Filter", input=input, condition=condition)


def with_columns(input: Plan, names: Sequence[str], exprs: Sequence[Expr]) -> Plan:
    """``withColumn(s)``: replace same-named columns in place, append the others."""
    return _node("WithColumns", input=input, names=list(names), exprs=list(exprs))


def with_columns_renamed(input: Plan, renames: Sequence[Tuple[str, str]]) -> Plan:
    """``withColumnRenamed`` / ``withColumnsRenamed``."""
    return _node("WithColumnsRenamed", input=input, renames=[[a, b] for a, b in renames])


def drop(input: Plan, columns: Sequence[Expr]) -> Plan:
    """``drop``: unknown names are ignored by the engine, as in PySpark."""
    return _node("Drop", input=input, columns=list(columns))


def aggregate(input: Plan, group_by: Sequence[Expr], aggs: Sequence[Expr], group_type: Optional[str] = None,
              grouping_sets: Optional[Sequence[Sequence[Expr]]] = None, pivot: Optional[Dict[str, Any]] = None) -> Plan:
    """``groupBy(...).agg(...)``: output is the grouping columns then the aggregates.

    ``group_type`` "cube" / "rollup" / "groupingSets" (with ``grouping_sets``) aggregates once per
    grouping set; ``pivot`` is ``{"column": expr, "values": [expr]?}``.
    """
    return _node("Aggregate", input=input, groupBy=list(group_by), aggs=list(aggs), groupType=group_type,
                 groupingSets=None if grouping_sets is None else [list(s) for s in grouping_sets], pivot=pivot)


def sort(input: Plan, orders: Sequence[Expr], is_global: bool = True) -> Plan:
    """``orderBy`` / ``sort`` (global) or ``sortWithinPartitions``."""
    return _node("Sort", input=input, orders=list(orders), **{"global": is_global})


def limit(input: Plan, n: int) -> Plan:
    """``limit``."""
    return _node("Limit", input=input, n=n)


def offset(input: Plan, n: int) -> Plan:
    """``offset``: the rows after the first ``n``."""
    return _node("Offset", input=input, n=n)


def collect_metrics(input: Plan, name: str, metrics: List[Expr], observation_id: Optional[str] = None) -> Plan:
    """``observe``: ``metrics`` computed over the rows an action runs through (CollectMetrics)."""
    if observation_id is None:
        return _node("CollectMetrics", input=input, name=name, metrics=metrics)
    return _node("CollectMetrics", input=input, name=name, metrics=metrics, observationId=observation_id)


def join(left: Plan, right: Plan, join_type: str, condition: Optional[Expr] = None,
         using_columns: Optional[List[str]] = None, lateral: bool = False) -> Plan:
    """``join``: by condition, or by column names that appear once in the output; ``lateral``
    (``lateralJoin``): the right side may read the left's columns through ``col.outer()``."""
    return _node("Join", left=left, right=right, joinType=join_type, condition=condition,
                 usingColumns=using_columns, lateral=True if lateral else None)


def distinct(input: Plan, columns: Optional[Sequence[str]] = None, within_watermark: bool = False) -> Plan:
    """``distinct``; with ``columns``, ``dropDuplicates(subset)``; ``within_watermark``: dropDuplicatesWithinWatermark."""
    return _node("Distinct", input=input, columns=None if columns is None else list(columns),
                 withinWatermark=True if within_watermark else None)


def union(inputs: Sequence[Plan], by_name: bool = False, allow_missing: bool = False) -> Plan:
    """``union`` / ``unionByName``."""
    return _node("Union", inputs=list(inputs), byName=by_name, allowMissingColumns=allow_missing)


def subquery_alias(input: Plan, alias: str) -> Plan:
    """``alias``: names the frame for qualified references (``t.col``)."""
    return _node("SubqueryAlias", input=input, alias=alias)


def hint(input: Plan, name: str, parameters: Sequence[Union[str, int, float]]) -> Plan:
    """``hint``: a hint on the frame (join strategies: broadcast, merge, shuffle_hash, …)."""
    return _node("Hint", input=input, name=name, parameters=list(parameters))


def to_df(input: Plan, names: Sequence[str]) -> Plan:
    """``toDF``: rename all columns positionally."""
    return _node("ToDF", input=input, names=list(names))


def data_source(format: str, paths: Sequence[str], options: Dict[str, str],
                schema: Optional[Dict[str, Any]] = None, ddl: Optional[str] = None,
                is_streaming: bool = False) -> Plan:
    """``spark.read...load(paths)``: a file source the engine lists and resolves; with
    ``is_streaming``, ``spark.readStream...load()``: a source read batch by batch by a query."""
    return _node("DataSource", format=format, paths=list(paths), options=dict(options), schema=schema, ddl=ddl,
                 isStreaming=True if is_streaming else None)


def write_files(input: Plan, format: str, path: str, mode: str, options: Dict[str, str],
                partition_by: Sequence[str]) -> Plan:
    """``df.write...save(path)``: the input written as files (runs when executed)."""
    return _node("WriteFiles", input=input, format=format, path=path, mode=mode, options=dict(options),
                 partitionBy=list(partition_by))
def event_time_watermark(input: Plan, event_time: str, delay: str) -> Plan:
    """``withWatermark``: the event-time column and how late its data may arrive."""
    return _node("EventTimeWatermark", input=input, eventTime=event_time, delay=delay)


def unresolved_relation(name: str) -> Plan:
    """``spark.table(name)``: a table or view by (unparsed) name, looked up by the engine's catalog."""
    return _node("UnresolvedRelation", name=name)


def sql(query: str, named: Optional[Dict[str, Expr]] = None, positional: Optional[Sequence[Expr]] = None,
        refs: Optional[Dict[str, Plan]] = None) -> Plan:
    """``spark.sql(query, args, **kwargs)``: the text, its bound parameters and ``{df}`` references."""
    return _node("Sql", query=query, named=named or None, positional=list(positional) if positional else None,
                 refs=refs or None)


def set_operation(op: str, left: Plan, right: Plan, all: bool = False) -> Plan:
    """``intersect`` / ``subtract`` (SQL INTERSECT / EXCEPT, distinct rows); ``all``: intersectAll / exceptAll."""
    return _node("SetOperation", op=op, left=left, right=right, all=True if all else None)


def unpivot(input: Plan, ids: Sequence[Expr], values: Optional[Sequence[Expr]], variable_column_name: str,
            value_column_name: str) -> Plan:
    """``unpivot`` / ``melt``: one row per value column (every non-id column when ``values`` is None)."""
    return _node("Unpivot", input=input, ids=list(ids), values=None if values is None else list(values),
                 variableColumnName=variable_column_name, valueColumnName=value_column_name)


def transpose(input: Plan, index_column: Optional[Expr]) -> Plan:
    """``transpose``: a row per non-index column, a column per index value (the first column without one)."""
    return _node("Transpose", input=input, indexColumn=index_column)


def na_fill(input: Plan, columns: Optional[Sequence[str]], values: Sequence[Expr], per_column: bool = False) -> Plan:
    """``fillna`` / ``na.fill``: one value for the columns of its type, or (``per_column``) one per column."""
    return _node("NAFill", input=input, columns=None if columns is None else list(columns), values=list(values),
                 perColumn=True if per_column else None)


def na_drop(input: Plan, columns: Optional[Sequence[str]], min_non_nulls: Optional[int]) -> Plan:
    """``dropna`` / ``na.drop``: rows with at least ``min_non_nulls`` (default all) non-null, non-NaN values."""
    return _node("NADrop", input=input, columns=None if columns is None else list(columns), minNonNulls=min_non_nulls)


def na_replace(input: Plan, columns: Optional[Sequence[str]], replacements: Sequence[Sequence[Expr]]) -> Plan:
    """``replace`` / ``na.replace``: [old, new] literal pairs in the columns of the old values' type."""
    return _node("NAReplace", input=input, columns=None if columns is None else list(columns),
                 replacements=[list(r) for r in replacements])


def stat_summary(input: Plan, statistics: Sequence[str]) -> Plan:
    """``summary`` / ``describe``: one row per statistic, a string column per numeric or string column."""
    return _node("StatSummary", input=input, statistics=list(statistics))


def sample(input: Plan, lower: float, upper: float, with_replacement: bool, seed: int,
           deterministic_order: bool = False) -> Plan:
    """``sample`` / a ``randomSplit`` piece: rows whose seeded draw is in [lower, upper)."""
    return _node("Sample", input=input, lowerBound=float(lower), upperBound=float(upper),
                 withReplacement=with_replacement, seed=seed,
                 deterministicOrder=True if deterministic_order else None)


def to_schema(input: Plan, schema: Dict[str, Any]) -> Plan:
    """``df.to(schema)``: the schema's columns by name, up-cast to its types (schema as wire JSON)."""
    return _node("ToSchema", input=input, schema=schema)


def repartition(input: Plan, num_partitions: int, shuffle: bool) -> Plan:
    """``repartition(n)`` (round robin, ``shuffle``) or ``coalesce(n)`` (no shuffle)."""
    return _node("Repartition", input=input, numPartitions=num_partitions, shuffle=shuffle)


def repartition_by_expression(input: Plan, partition_exprs: Sequence[Expr], num_partitions: Optional[int]) -> Plan:
    """``repartition([n,] *cols)`` (hash) or ``repartitionByRange([n,] *cols)`` (SortOrder expressions: range)."""
    return _node("RepartitionByExpression", input=input, partitionExprs=list(partition_exprs),
                 numPartitions=num_partitions)


def python_map_groups(input: Plan, grouping: Sequence[Expr], udf: Expr, is_barrier: bool) -> Plan:
    """``mapInPandas`` / ``mapInArrow`` (no grouping) and ``groupBy().applyInPandas`` / ``applyInArrow``."""
    return _node("PythonMapGroups", input=input, groupingExprs=list(grouping), udf=udf, isBarrier=is_barrier)


def python_cogroup(input: Plan, grouping: Sequence[Expr], other: Plan, other_grouping: Sequence[Expr],
                   udf: Expr) -> Plan:
    """``gd1.cogroup(gd2).applyInPandas`` / ``applyInArrow``."""
    return _node("PythonCoGroup", input=input, inputGroupingExprs=list(grouping), other=other,
                 otherGroupingExprs=list(other_grouping), udf=udf)


def python_udtf(udtf: Expr, args: Sequence[Dict[str, Any]], lateral: Optional[Plan] = None) -> Plan:
    """A Python UDTF call (``udtf`` its PythonUDF, ``args`` {kind: "expr"|"table", …}); joined to
    the rows of ``lateral`` when given."""
    return _node("PythonUDTF", udtf=udtf, args=list(args), lateral=lateral)
