"""assertDataFrameEqual / assertSchemaEqual with PySpark's error classes and messages.

The messages follow PySpark 4.0's: DIFFERENT_SCHEMA carries an ndiff of the two schemas'
reprs; DIFFERENT_ROWS says what share of the compared row pairs differ and lists both sides,
``! `` before each differing row (in red, as PySpark colours them whenever its terminal
probe runs, which is always).
"""
import difflib
from decimal import Decimal
from itertools import zip_longest
from typing import Any, Iterator, List, Optional

from tspark.errors import PySparkAssertionError, PySparkTypeError
from tspark.sql.types import StructField, StructType

__all__ = ["assertDataFrameEqual", "assertSchemaEqual"]

_DF_TYPES = "Union[DataFrame, ps.DataFrame, List[Row]]"


def _same_type_ignoring_nullable(a: Any, b: Any) -> bool:
    if a.typeName() != b.typeName():
        return False
    if a.typeName() == "array":
        return _same_type_ignoring_nullable(a.elementType, b.elementType)
    if a.typeName() == "struct":
        return _same_fields_ignoring_nullable(a, b)
    return True


def _same_fields_ignoring_nullable(a: StructType, b: StructType) -> bool:
    if len(a) != len(b):
        return False
    for fa, fb in zip(a, b):
        if fa.name != fb.name or not _same_type_ignoring_nullable(fa.dataType, fb.dataType):
            return False
    return True


def _schema_diff(actual: StructType, expected: StructType) -> PySparkAssertionError:
    lines = difflib.ndiff(str(actual).splitlines(), str(expected).splitlines())
    return PySparkAssertionError(errorClass="DIFFERENT_SCHEMA", messageParameters={"error_msg": "\n".join(lines)})


def assertSchemaEqual(actual: StructType, expected: StructType, ignoreNullable: bool = True,
                      ignoreColumnOrder: bool = False, ignoreColumnName: bool = False) -> None:
    """Raise DIFFERENT_SCHEMA unless the two schemas are equal (nullability ignored by default)."""
    if not isinstance(actual, StructType):
        raise PySparkTypeError(errorClass="NOT_STRUCT", messageParameters={"arg_name": "actual", "arg_type": type(actual).__name__})
    if not isinstance(expected, StructType):
        raise PySparkTypeError(errorClass="NOT_STRUCT", messageParameters={"arg_name": "expected", "arg_type": type(expected).__name__})
    if ignoreColumnOrder:
        actual = StructType(sorted(actual, key=lambda f: f.name))
        expected = StructType(sorted(expected, key=lambda f: f.name))
    if ignoreColumnName:
        actual = StructType([StructField(str(i), f.dataType, f.nullable) for i, f in enumerate(actual)])
        expected = StructType([StructField(str(i), f.dataType, f.nullable) for i, f in enumerate(expected)])
    same = _same_fields_ignoring_nullable(actual, expected) if ignoreNullable else actual == expected
    if not same:
        raise _schema_diff(actual, expected)


def _values_equal(a: Any, b: Any, rtol: float, atol: float) -> bool:
    """PySpark's compare_vals: floats and decimals within atol + rtol·|expected|, containers element by element."""
    from tspark.sql.row import Row
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_values_equal(x, y, rtol, atol) for x, y in zip(a, b))
    if isinstance(a, Row) and isinstance(b, Row):
        return all(_values_equal(x, y, rtol, atol) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_values_equal(a[k], b[k], rtol, atol) for k in a)
    if isinstance(a, float) and isinstance(b, float):
        # a NaN difference is no greater than anything, so NaN matches NaN (and any float), as in PySpark
        return not abs(a - b) > atol + rtol * abs(b)
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return not abs(a - b) > Decimal(atol) + Decimal(rtol) * abs(b)
    return not a != b


def _rows_equal(a: Any, b: Any, rtol: float, atol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return _values_equal(a, b, rtol, atol)


def _red(s: str) -> str:
    return "\033[31m" + s + "\033[0m"


def _two_sided_diff(actual: List[str], expected: List[str]) -> Iterator[str]:
    """Both sides of a row listing, each line marked as difflib's opcodes place it."""
    marks = {"insert": "+ ", "delete": "- ", "replace": "! ", "equal": "  "}
    n = max(len(actual), len(expected))
    for group in difflib.SequenceMatcher(None, actual, expected).get_grouped_opcodes(n):
        yield "*** actual ***"
        if any(tag in ("replace", "delete") for tag, *_ in group):
            for tag, i1, i2, _, _ in group:
                for line in actual[i1:i2]:
                    yield marks[tag] + line if tag == "equal" else _red(marks[tag] + line)
        yield "\n"
        yield "*** expected ***"
        if any(tag in ("replace", "insert") for tag, *_ in group):
            for tag, _, _, j1, j2 in group:
                for line in expected[j1:j2]:
                    yield marks[tag] + line if tag == "equal" else _red(marks[tag] + line)


def _is_frame(x: Any) -> bool:
    from tspark.sql.dataframe import DataFrame
    return isinstance(x, DataFrame)


def _is_pandas(x: Any) -> bool:
    try:
        import pandas as pd
    except ImportError:
        return False
    return isinstance(x, pd.DataFrame)


def assertDataFrameEqual(actual: Any, expected: Any, checkRowOrder: bool = False, rtol: float = 1e-5,
                         atol: float = 1e-8, ignoreNullable: bool = True, ignoreColumnOrder: bool = False,
                         ignoreColumnName: bool = False, ignoreColumnType: bool = False,
                         maxErrors: Optional[int] = None, showOnlyDiff: bool = False,
                         includeDiffRows: bool = False) -> Any:
    """Raise DIFFERENT_ROWS (or DIFFERENT_SCHEMA) unless both sides hold the same rows (frames
    or lists of Rows), in order when ``checkRowOrder``, floats within ``rtol``/``atol``."""
    if actual is None and expected is None:
        return True
    for name, x in (("actual", actual), ("expected", expected)):
        if x is None:
            raise PySparkAssertionError(errorClass="INVALID_TYPE_DF_EQUALITY_ARG", messageParameters={
                "expected_type": _DF_TYPES, "arg_name": name, "actual_type": None})
    if _is_pandas(actual) or _is_pandas(expected):
        return _assert_pandas_equal(actual, expected, checkRowOrder, rtol, atol)
    for name, x in (("actual", actual), ("expected", expected)):
        if not (_is_frame(x) or isinstance(x, list)):
            raise PySparkAssertionError(errorClass="INVALID_TYPE_DF_EQUALITY_ARG", messageParameters={
                "expected_type": _DF_TYPES, "arg_name": name, "actual_type": type(x)})
    if ignoreColumnOrder:
        actual = actual.select(*sorted(actual.columns))
        expected = expected.select(*sorted(expected.columns))
    if ignoreColumnName:
        actual = actual.toDF(*[str(i) for i in range(len(actual.columns))])
        expected = expected.toDF(*[str(i) for i in range(len(expected.columns))])
    if ignoreColumnType:
        actual = _as_strings(actual)
        expected = _as_strings(expected)
    if _is_frame(actual) and _is_frame(expected):
        if ignoreNullable:
            assertSchemaEqual(actual.schema, expected.schema)
        elif actual.schema != expected.schema:
            raise _schema_diff(actual.schema, expected.schema)
    got = actual.collect() if _is_frame(actual) else actual
    want = expected.collect() if _is_frame(expected) else expected
    if not checkRowOrder:
        got = sorted(got, key=str)
        want = sorted(want, key=str)
    _assert_rows(got, want, rtol, atol, maxErrors, showOnlyDiff, includeDiffRows)
    return None


def _as_strings(df: Any) -> Any:
    """Every column as a string, whole floats without their `.0` (PySpark's ignoreColumnType)."""
    from tspark.sql.functions import col, when
    for name in df.columns:
        c = col(name)
        whole = c.cast("float").isNotNull() & (c.cast("float") == c.cast("int"))
        df = df.withColumn(name, when(whole, c.cast("int").cast("string")).otherwise(c.cast("string")))
    return df


def _assert_rows(got: List[Any], want: List[Any], rtol: float, atol: float, maxErrors: Optional[int],
                 showOnlyDiff: bool, includeDiffRows: bool) -> None:
    pairs = list(zip_longest(got, want))
    shown_a: List[str] = []
    shown_e: List[str] = []
    differing = []
    for a, e in pairs:
        if not _rows_equal(a, e, rtol, atol):
            differing.append((a, e))
            shown_a.append(str(a))
            shown_e.append(str(e))
            if maxErrors is not None and len(differing) >= maxErrors:
                break
        elif not showOnlyDiff:
            shown_a.append(str(a))
            shown_e.append(str(e))
    if not differing:
        return
    msg = "Results do not match: ( %.5f %% )" % (len(differing) / len(pairs) * 100)
    msg += "\n" + "\n".join(_two_sided_diff(shown_a, shown_e))
    raise PySparkAssertionError(errorClass="DIFFERENT_ROWS", messageParameters={"error_msg": msg},
                                data=differing if includeDiffRows else None)


def _assert_pandas_equal(actual: Any, expected: Any, checkRowOrder: bool, rtol: float, atol: float) -> None:
    """pandas frames: same columns, and the same values (floats within tolerance), sorted unless checkRowOrder."""
    import pandas as pd
    a = actual if isinstance(actual, pd.DataFrame) else actual.toPandas()
    e = expected if isinstance(expected, pd.DataFrame) else expected.toPandas()
    if not checkRowOrder:
        a = a.sort_values(by=list(a.columns), ignore_index=True)
        e = e.sort_values(by=list(e.columns), ignore_index=True)
    pd.testing.assert_frame_equal(a.reset_index(drop=True), e.reset_index(drop=True), check_exact=False,
                                  rtol=rtol, atol=atol, check_dtype=False)
