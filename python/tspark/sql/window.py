"""``Window`` and ``WindowSpec``, as ``pyspark.sql.window``: a window spec is plain data (partition
keys, order keys, frame) that ``Column.over`` turns into one ``Window`` expression for the engine."""
import sys
from typing import Any, Dict, List, Optional, Sequence, Tuple

from tspark.sql._plan import expressions as E

__all__ = ["Window", "WindowSpec"]

_Boundary = Any  # "unboundedPreceding" | "unboundedFollowing" | "currentRow" | int


def _to_exprs(cols: Sequence[Any]) -> List[Dict[str, Any]]:
    from tspark.sql._invoke import to_col_expr
    if len(cols) == 1 and isinstance(cols[0], list):
        cols = cols[0]
    return [to_col_expr(c) for c in cols]


def _to_orders(cols: Sequence[Any]) -> List[Dict[str, Any]]:
    """Sort keys: a sort order as given, anything else ascending nulls first (PySpark's default)."""
    out = []
    for e in _to_exprs(cols):
        out.append(e if e.get("kind") == "SortOrder" else E.sort_order(e, True, True))
    return out


class WindowSpec:
    """Partitioning, ordering and frame of a window; build with ``Window.partitionBy`` / ``orderBy``."""

    def __init__(self, partition_spec: Optional[List[Dict[str, Any]]] = None,
                 order_spec: Optional[List[Dict[str, Any]]] = None,
                 frame: Optional[Dict[str, Any]] = None):
        self._partition_spec = list(partition_spec or [])
        self._order_spec = list(order_spec or [])
        self._frame = frame

    def partitionBy(self, *cols: Any) -> "WindowSpec":
        """The same spec partitioned by ``cols`` (names or Columns, or one list of them)."""
        return WindowSpec(_to_exprs(cols), self._order_spec, self._frame)

    def orderBy(self, *cols: Any) -> "WindowSpec":
        """The same spec ordered by ``cols`` (names, Columns or sort orders, or one list of them)."""
        return WindowSpec(self._partition_spec, _to_orders(cols), self._frame)

    def rowsBetween(self, start: int, end: int) -> "WindowSpec":
        """A ROWS frame from ``start`` to ``end`` rows relative to the current row (0 is the row;
        ``Window.unboundedPreceding`` / ``unboundedFollowing`` or beyond ±sys.maxsize are unbounded)."""
        return WindowSpec(self._partition_spec, self._order_spec, _frame("rows", start, end))

    def rangeBetween(self, start: int, end: int) -> "WindowSpec":
        """A RANGE frame: rows whose order key lies within the current row's key + ``start`` … + ``end``."""
        return WindowSpec(self._partition_spec, self._order_spec, _frame("range", start, end))

    def _window_expr(self, fn: Dict[str, Any]) -> Dict[str, Any]:
        return E.window(fn, self._partition_spec, self._order_spec, self._frame)

    def __repr__(self) -> str:
        return "<tspark.sql.window.WindowSpec object>"


def _boundary(v: int, lower: bool) -> _Boundary:
    if not isinstance(v, int) or isinstance(v, bool):
        from tspark.errors import PySparkTypeError
        raise PySparkTypeError(errorClass="NOT_INT", messageParameters={
            "arg_name": "start" if lower else "end", "arg_type": type(v).__name__})
    # PySpark: values at or past ±sys.maxsize are unbounded
    if v <= Window._PRECEDING_THRESHOLD:
        return "unboundedPreceding"
    if v >= Window._FOLLOWING_THRESHOLD:
        return "unboundedFollowing"
    return "currentRow" if v == 0 else v


def _frame(kind: str, start: int, end: int) -> Dict[str, Any]:
    return {"type": kind, "lower": _boundary(start, True), "upper": _boundary(end, False)}


class Window:
    """Builds WindowSpecs: ``Window.partitionBy("k").orderBy("v").rowsBetween(-1, 1)``."""

    _JAVA_MIN_LONG = -(1 << 63)
    _JAVA_MAX_LONG = (1 << 63) - 1
    _PRECEDING_THRESHOLD = max(-sys.maxsize, _JAVA_MIN_LONG)
    _FOLLOWING_THRESHOLD = min(sys.maxsize, _JAVA_MAX_LONG)

    unboundedPreceding: int = _JAVA_MIN_LONG
    unboundedFollowing: int = _JAVA_MAX_LONG
    currentRow: int = 0

    @staticmethod
    def partitionBy(*cols: Any) -> WindowSpec:
        """A spec partitioned by ``cols``."""
        return WindowSpec().partitionBy(*cols)

    @staticmethod
    def orderBy(*cols: Any) -> WindowSpec:
        """A spec ordered by ``cols``."""
        return WindowSpec().orderBy(*cols)

    @staticmethod
    def rowsBetween(start: int, end: int) -> WindowSpec:
        """A spec with a ROWS frame."""
        return WindowSpec().rowsBetween(start, end)

    @staticmethod
    def rangeBetween(start: int, end: int) -> WindowSpec:
        """A spec with a RANGE frame."""
        return WindowSpec().rangeBetween(start, end)
