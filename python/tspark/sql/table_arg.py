"""``df.asTable()``: a DataFrame passed as the TABLE argument of a table function (a UDTF), with
the partitioning and ordering its rows reach the function in (PySpark's TableArg)."""
from typing import Any, Dict, List


class TableArg:
    """A TABLE argument: ``partitionBy(*cols)`` (a new UDTF instance per key; rows of a key in one
    partition), ``orderBy(*cols)`` (the order within a key) or ``withSinglePartition()``."""

    def __init__(self, df: Any, partition_by: List[Any], order_by: List[Any], single: bool):
        self._df = df
        self._partition_by = partition_by
        self._order_by = order_by
        self._single = single

    def partitionBy(self, *cols: Any) -> "TableArg":
        """Rows grouped by ``cols``: each key gets its own UDTF instance, and ``terminate`` per key."""
        from tspark.sql._invoke import to_col_expr
        flat = cols[0] if len(cols) == 1 and isinstance(cols[0], (list, tuple)) else cols
        return TableArg(self._df, [to_col_expr(c) for c in flat], self._order_by, self._single)

    def orderBy(self, *cols: Any) -> "TableArg":
        """The order of rows within each partition (after ``partitionBy`` or ``withSinglePartition``)."""
        from tspark.sql._invoke import to_col_expr
        flat = cols[0] if len(cols) == 1 and isinstance(cols[0], (list, tuple)) else cols
        return TableArg(self._df, self._partition_by, [to_col_expr(c) for c in flat], self._single)

    def withSinglePartition(self) -> "TableArg":
        """Every row in one partition, for one UDTF instance."""
        return TableArg(self._df, self._partition_by, self._order_by, True)

    def _wire(self) -> Dict[str, Any]:
        return {"kind": "table", "plan": self._df._plan, "partitionBy": list(self._partition_by),
                "orderBy": list(self._order_by), "withSinglePartition": self._single}
