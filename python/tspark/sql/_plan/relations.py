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


def local_relation(schema: Dict[str, Any], rows: List[List[Any]], num_partitions: Optional[int] = None) -> Plan:
    """Rows from the client (createDataFrame), as wire values."""
    return _node("LocalRelation", schema=schema, rows=rows, numPartitions=num_partitions)


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


def aggregate(input: Plan, group_by: Sequence[Expr], aggs: Sequence[Expr]) -> Plan:
    """``groupBy(...).agg(...)``: output is the grouping columns then the aggregates."""
    return _node("Aggregate", input=input, groupBy=list(group_by), aggs=list(aggs))


def sort(input: Plan, orders: Sequence[Expr], is_global: bool = True) -> Plan:
    """``orderBy`` / ``sort`` (global) or ``sortWithinPartitions``."""
    return _node("Sort", input=input, orders=list(orders), **{"global": is_global})


def limit(input: Plan, n: int) -> Plan:
    """``limit``."""
    return _node("Limit", input=input, n=n)


def offset(input: Plan, n: int) -> Plan:
    """``offset``: the rows after the first ``n``."""
    return _node("Offset", input=input, n=n)


def join(left: Plan, right: Plan, join_type: str, condition: Optional[Expr] = None,
         using_columns: Optional[List[str]] = None) -> Plan:
    """``join``: by condition, or by column names that appear once in the output."""
    return _node("Join", left=left, right=right, joinType=join_type, condition=condition,
                 usingColumns=using_columns)


def distinct(input: Plan) -> Plan:
    """``distinct``."""
    return _node("Distinct", input=input)


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
                schema: Optional[Dict[str, Any]] = None, ddl: Optional[str] = None) -> Plan:
    """``spark.read...load(paths)``: a file source the engine lists and resolves."""
    return _node("DataSource", format=format, paths=list(paths), options=dict(options), schema=schema, ddl=ddl)


def write_files(input: Plan, format: str, path: str, mode: str, options: Dict[str, str],
                partition_by: Sequence[str]) -> Plan:
    """``df.write...save(path)``: the input written as files (runs when executed)."""
    return _node("WriteFiles", input=input, format=format, path=path, mode=mode, options=dict(options),
                 partitionBy=list(partition_by))
def unresolved_relation(name: str) -> Plan:
    """``spark.table(name)``: a table or view by (unparsed) name, looked up by the engine's catalog."""
    return _node("UnresolvedRelation", name=name)


def sql(query: str, named: Optional[Dict[str, Expr]] = None, positional: Optional[Sequence[Expr]] = None,
        refs: Optional[Dict[str, Plan]] = None) -> Plan:
    """``spark.sql(query, args, **kwargs)``: the text, its bound parameters and ``{df}`` references."""
    return _node("Sql", query=query, named=named or None, positional=list(positional) if positional else None,
                 refs=refs or None)


def set_operation(op: str, left: Plan, right: Plan) -> Plan:
    """``intersect`` / ``subtract`` (SQL INTERSECT / EXCEPT, distinct rows)."""
    return _node("SetOperation", op=op, left=left, right=right)


def repartition(input: Plan, num_partitions: int, shuffle: bool) -> Plan:
    """``repartition(n)`` (round robin, ``shuffle``) or ``coalesce(n)`` (no shuffle)."""
    return _node("Repartition", input=input, numPartitions=num_partitions, shuffle=shuffle)


def repartition_by_expression(input: Plan, partition_exprs: Sequence[Expr], num_partitions: Optional[int]) -> Plan:
    """``repartition([n,] *cols)`` (hash) or ``repartitionByRange([n,] *cols)`` (SortOrder expressions: range)."""
    return _node("RepartitionByExpression", input=input, partitionExprs=list(partition_exprs),
                 numPartitions=num_partitions)
