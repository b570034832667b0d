"""GroupedData: ``df.groupBy(...)`` then agg/count/sum/avg/min/max build an Aggregate plan."""
from typing import Any, Dict, List

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
    """The grouping half of an aggregation; every method returns a DataFrame."""

    def __init__(self, df: Any, grouping: List[Dict[str, Any]]):
        self._df = df
        self._grouping = grouping

    def _aggregate(self, aggs: List[Dict[str, Any]]) -> Any:
        # Through the frame itself: importing DataFrame here would make a cycle with dataframe.py.
        return self._df._new(R.aggregate(self._df._plan, self._grouping, aggs))

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
        if not names:
            # No columns: every numeric column, grouping columns included (PySpark 4.0.1 does).
            names = [f.name for f in self._df.schema.fields if isinstance(f.dataType, T.NumericType)]
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
