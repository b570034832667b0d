"""assertDataFrameEqual / assertSchemaEqual with PySpark's error classes."""
import math
from typing import Any, List

from tspark.errors import PySparkAssertionError


def _rows(x: Any) -> List[Any]:
    if hasattr(x, "collect") and hasattr(x, "_plan"):
        return x.collect()
    if hasattr(x, "to_dict") and hasattr(x, "columns"):  # pandas
        return [tuple(r) for r in x.itertuples(index=False, name=None)]
    return list(x)


def _close(a: Any, b: Any, rtol: float, atol: float) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) and math.isnan(b):
            return True
        return abs(a - b) <= atol + rtol * abs(b)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_close(x, y, rtol, atol) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k], rtol, atol) for k in a)
    return a == b


def assertSchemaEqual(actual: Any, expected: Any) -> None:
    """Raise DIFFERENT_SCHEMA unless the two StructTypes are equal."""
    if actual != expected:
        raise PySparkAssertionError(errorClass="DIFFERENT_SCHEMA", messageParameters={
            "error_msg": "- %r\n+ %r" % (actual, expected)},
            message="Schemas do not match.\n- %r\n+ %r" % (actual, expected))


def assertDataFrameEqual(actual: Any, expected: Any, checkRowOrder: bool = False, rtol: float = 1e-5,
                         atol: float = 1e-8, ignoreColumnOrder: bool = False,
                         ignoreColumnName: bool = False, ignoreColumnType: bool = False,
                         showOnlyDiff: bool = False, includeDiffRows: bool = False) -> None:
    """Raise DIFFERENT_ROWS unless both hold the same rows (in order when checkRowOrder)."""
    if actual is None and expected is None:
        return
    a, e = _rows(actual), _rows(expected)
    if not checkRowOrder:
        a = sorted(a, key=repr)
        e = sorted(e, key=repr)
    if len(a) != len(e) or not all(_close(x, y, rtol, atol) for x, y in zip(a, e)):
        msg = "Results do not match: \n*** actual ***\n%s\n*** expected ***\n%s" % (
            "\n".join(map(repr, a)), "\n".join(map(repr, e)))
        raise PySparkAssertionError(errorClass="DIFFERENT_ROWS", messageParameters={"error_msg": msg},
                                    message=msg)
