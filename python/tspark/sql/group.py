"""GroupedData: ``df.groupBy(...)`` (or cube, rollup, groupingSets, then maybe pivot) and then
agg/count/sum/avg/min/max build an Aggregate plan."""
from typing import Any, Dict, List, Optional, Sequence

from tspark.errors import AnalysisException
from tspark.sql import types as T
from tspark.sql._plan import expressions as E
from tspark.sql._plan import relations as R
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column

__all__ = ["GroupedData"]

#: dict-form agg names -> Spark function, as Spark's strToExpr maps them
_DICT_AGG = {"avg": "avg", "average": "avg", "mean": "avg", "std": "stddev", "stddev": "stddev",
             "count": "count", "size": "count"}


class GroupedData:
    """The grouping half of an aggregation; every method returns a DataFrame.

    ``group_type`` is None for groupBy, or "cube" / "rollup" / "groupingSets" (then
    ``grouping_sets`` lists the sets); ``pivot`` is the wire pivot spec once ``pivot()`` was called.
    """

    def __init__(self, df: Any, grouping: List[Dict[str, Any]], group_type: Optional[str] = None,
                 grouping_sets: Optional[Sequence[Sequence[Dict[str, Any]]]] = None,
                 pivot: Optional[Dict[str, Any]] = None):
        self._df = df
        self._grouping = grouping
        self._group_type = group_type
        self._grouping_sets = grouping_sets
        self._pivot = pivot

    @property
    def session(self) -> Any:
        """The frame's session."""
        return self._df.sparkSession

    def _aggregate(self, aggs: List[Dict[str, Any]]) -> Any:
        # Through the frame itself: importing DataFrame here would make a cycle with dataframe.py.
        return self._df._new(R.aggregate(self._df._plan, self._grouping, aggs, self._group_type,
                                         self._grouping_sets, self._pivot))

    def agg(self, *exprs: Any) -> Any:
        """Aggregate Columns (``F.sum("v").alias("s")``) or a dict ``{"col": "fn"}``."""
        # PySpark checks these with plain asserts.
        assert exprs, "exprs should not be empty"
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            aggs = []
            for c, fn in _jvm_map_order(exprs[0]):
                name = _DICT_AGG.get(fn.lower(), fn)
                arg = make_literal(1) if (c == "*" and name == "count") else E.column_from_name(c)
                aggs.append(E.alias(E.function(name, [arg]), "%s(%s)" % (name, "1" if c == "*" and name == "count" else c)))
            return self._aggregate(aggs)
        assert all(isinstance(e, Column) for e in exprs), "all exprs should be Column"
        return self._aggregate([e._expr for e in exprs])

    def count(self) -> Any:
        """Rows per group, in a column named ``count``."""
        return self._aggregate([E.alias(E.function("count", [make_literal(1)]), "count")])

    def _numeric(self, fn: str, cols: Any) -> Any:
        names = list(cols)
        fields = {f.name: f for f in self._df.schema.fields}
        if not names:
            # No columns: every numeric column, grouping columns included (PySpark 4.0.1 does).
            names = [f.name for f in self._df.schema.fields if isinstance(f.dataType, T.NumericType)]
        for n in names:
            # Spark's aggregateNumericColumns checks each named column when the method is called
            f = fields.get(n)
            if f is not None and not isinstance(f.dataType, T.NumericType):
                msg = '"%s" is not a numeric column. Aggregation function can only be applied on a numeric column.' % n
                raise AnalysisException(errorClass="_LEGACY_ERROR_TEMP_1323", messageParameters={"colName": n},
                                        _full_message=msg)
        return self._aggregate([E.function(fn, [E.column_from_name(n)]) for n in names])

    def sum(self, *cols: str) -> Any:
        """sum of each column (all numeric columns when none given)."""
        return self._numeric("sum", cols)

    def avg(self, *cols: str) -> Any:
        """avg of each column."""
        return self._numeric("avg", cols)

    mean = avg

    def min(self, *cols: str) -> Any:
        """min of each column."""
        return self._numeric("min", cols)

    def max(self, *cols: str) -> Any:
        """max of each column."""
        return self._numeric("max", cols)

    def applyInPandas(self, func: Any, schema: Any) -> Any:
        """``func(pandas.DataFrame)`` or ``func(key, pandas.DataFrame)`` → a pandas.DataFrame, once per group."""
        from tspark.sql.pandas import group_ops
        return group_ops.applyInPandas(self, func, schema)

    def applyInArrow(self, func: Any, schema: Any) -> Any:
        """``func(pyarrow.Table)`` or ``func(key, pyarrow.Table)`` → a pyarrow.Table, once per group."""
        from tspark.sql.pandas import group_ops
        return group_ops.applyInArrow(self, func, schema)

    def apply(self, udf: Any) -> Any:
        """The deprecated form of applyInPandas taking a GROUPED_MAP pandas_udf."""
        from tspark.sql.pandas import group_ops
        return group_ops.apply(self, udf)

    def cogroup(self, other: "GroupedData") -> Any:
        """Co-group with another grouped frame, for ``applyInPandas`` / ``applyInArrow`` over both."""
        from tspark.sql.pandas.group_ops import PandasCogroupedOps
        return PandasCogroupedOps(self, other)

    def pivot(self, pivot_col: str, values: Optional[List[Any]] = None) -> "GroupedData":
        """One output column per value of ``pivot_col`` (and aggregate). Without ``values`` the
        engine finds the column's distinct values, sorted, at most ``spark.sql.pivotMaxValues``."""
        col = pivot_col._expr if isinstance(pivot_col, Column) else E.column_from_name(pivot_col)
        spec: Dict[str, Any] = {"column": col}
        if values is not None:
            spec["values"] = [v._expr if isinstance(v, Column) else make_literal(v) for v in values]
        else:
            spec["values"] = self._distinct_values(pivot_col)
        return GroupedData(self._df, self._grouping, self._group_type, self._grouping_sets, spec)

    def _distinct_values(self, pivot_col: Any) -> List[Dict[str, Any]]:
        """The pivot column's sorted distinct values, found when pivot() is called, as classic
        PySpark's RelationalGroupedDataset.pivot does (select(col).distinct().limit(max + 1).sort(col))."""
        max_values = int(self._df.sparkSession.conf.get("spark.sql.pivotMaxValues", "10000"))
        col = pivot_col if isinstance(pivot_col, Column) else Column(E.column_from_name(pivot_col))
        # named, so the sort can refer to it whatever expression the column is
        found = self._df.select(col.alias("pivot")).distinct().limit(max_values + 1).sort("pivot")
        dtype = found.schema.fields[0].dataType
        rows = found.collect()
        if len(rows) > max_values:
            name = pivot_col if isinstance(pivot_col, str) else str(pivot_col)
            msg = ("The pivot column %s has more than %d distinct values, this could indicate an error. If this was "
                   "intended, set spark.sql.pivotMaxValues to at least the number of distinct values of the pivot "
                   "column." % (name, max_values))
            raise AnalysisException(errorClass="_LEGACY_ERROR_TEMP_1324", messageParameters={
                "pivotColumn": name, "maxValues": str(max_values), "config": "spark.sql.pivotMaxValues"},
                _full_message=msg)
        return [make_literal(r[0], dtype) for r in rows]


def _java_string_hash(s: str) -> int:
    h = 0
    for unit in s.encode("utf-16-be").hex(" ", 2).split(" ") if s else []:
        h = (31 * h + int(unit, 16)) & 0xFFFFFFFF
    return h


def _jvm_map_order(d: Dict[str, str]) -> List[Any]:
    """The order classic PySpark's agg(dict) produces: Py4J builds a java.util.HashMap, which
    Scala's toMap keeps for up to 4 entries. Iterating a HashMap goes by bucket
    ((h ^ h>>>16) & (capacity-1)), then insertion order within a bucket."""
    items = list(d.items())
    if len(items) > 4:
        return items
    def bucket(k: str) -> int:
        h = _java_string_hash(k)
        return (h ^ (h >> 16)) & 15
    return sorted(items, key=lambda kv: bucket(kv[0]))  # stable: ties keep insertion order
