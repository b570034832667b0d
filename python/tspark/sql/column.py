"""Column: a wrapper around one expression dict; operators become Spark function calls."""
from typing import Any, Callable, Dict, Union

from tspark.errors import IllegalArgumentException, PySparkTypeError, PySparkValueError
from tspark.sql import types as T
from tspark.sql._expr_repr import expr_repr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal

__all__ = ["Column"]


def to_expr(v: Any) -> Dict[str, Any]:
    """The expression for an operand: a Column's own, else a literal."""
    if isinstance(v, Column):
        return v._expr
    return make_literal(v)


def _bin_op(name: str) -> Callable[["Column", Any], "Column"]:
    def op(self: "Column", other: Any) -> "Column":
        return Column(E.function(name, [self._expr, to_expr(other)]))
    op.__doc__ = "Binary operator ``%s``." % name
    return op


def _rbin_op(name: str) -> Callable[["Column", Any], "Column"]:
    def op(self: "Column", other: Any) -> "Column":
        return Column(E.function(name, [to_expr(other), self._expr]))
    op.__doc__ = "Reflected binary operator ``%s``." % name
    return op


def _unary_op(name: str) -> Callable[["Column"], "Column"]:
    def op(self: "Column") -> "Column":
        return Column(E.function(name, [self._expr]))
    op.__doc__ = "Unary function ``%s``." % name
    return op


def _type_json(dataType: Union[T.DataType, str]) -> Any:
    from tspark.sql._convert import wire_type
    if isinstance(dataType, str):
        return wire_type(T.DataType.fromDDL(dataType))
    if isinstance(dataType, T.DataType):
        return wire_type(dataType)
    raise PySparkTypeError(errorClass="NOT_DATATYPE_OR_STR",
                           messageParameters={"arg_name": "dataType", "arg_type": type(dataType).__name__})


class Column:
    """A column expression; build with ``col()``, ``df.x`` or ``df["x"]``, combine with operators."""

    def __init__(self, expr: Dict[str, Any]):
        self._expr = expr

    # arithmetic
    __add__ = _bin_op("+")
    __sub__ = _bin_op("-")
    __mul__ = _bin_op("*")
    __truediv__ = _bin_op("/")
    __div__ = _bin_op("/")
    __mod__ = _bin_op("%")
    __pow__ = _bin_op("power")
    __radd__ = _rbin_op("+")
    __rsub__ = _rbin_op("-")
    __rmul__ = _rbin_op("*")
    __rtruediv__ = _rbin_op("/")
    __rdiv__ = _rbin_op("/")
    __rmod__ = _rbin_op("%")
    __rpow__ = _rbin_op("power")
    __neg__ = _unary_op("negative")

    # comparison
    __eq__ = _bin_op("==")  # type: ignore[assignment]
    __ne__ = _bin_op("!=")  # type: ignore[assignment]
    __lt__ = _bin_op("<")
    __le__ = _bin_op("<=")
    __gt__ = _bin_op(">")
    __ge__ = _bin_op(">=")
    eqNullSafe = _bin_op("<=>")

    # logic
    __and__ = _bin_op("and")
    __or__ = _bin_op("or")
    __invert__ = _unary_op("not")
    __rand__ = _rbin_op("and")
    __ror__ = _rbin_op("or")

    bitwiseAND = _bin_op("&")
    bitwiseOR = _bin_op("|")
    bitwiseXOR = _bin_op("^")

    isNull = _unary_op("isnull")
    isNotNull = _unary_op("isnotnull")
    isNaN = _unary_op("isnan")

    contains = _bin_op("contains")
    startswith = _bin_op("startswith")
    endswith = _bin_op("endswith")
    like = _bin_op("like")
    rlike = _bin_op("rlike")
    ilike = _bin_op("ilike")

    def __hash__(self) -> int:
        return id(self)

    def __bool__(self) -> bool:
        raise PySparkValueError(errorClass="CANNOT_CONVERT_COLUMN_INTO_BOOL", messageParameters={})

    __nonzero__ = __bool__

    def __iter__(self) -> None:  # type: ignore[misc]
        raise PySparkTypeError(errorClass="NOT_ITERABLE", messageParameters={"objectName": "Column"})

    def __contains__(self, item: Any) -> None:  # type: ignore[misc]
        raise PySparkValueError(errorClass="CANNOT_APPLY_IN_FOR_COLUMN", messageParameters={},
                                message="Cannot apply 'in' operator against a column: please use "
                                        "'contains' in a string column or 'array_contains' function "
                                        "for an array column.")

    def isin(self, *cols: Any) -> "Column":
        """``self IN (cols)``; accepts values or one list/set of values."""
        if len(cols) == 1 and isinstance(cols[0], (list, set, tuple)):
            cols = tuple(cols[0])
        return Column(E.function("in", [self._expr] + [to_expr(c) for c in cols]))

    def between(self, lowerBound: Any, upperBound: Any) -> "Column":
        """``(self >= lower) AND (self <= upper)``, expanded as PySpark does."""
        return (self >= lowerBound) & (self <= upperBound)

    def substr(self, startPos: Any, length: Any) -> "Column":
        """``substring(self, startPos, length)``."""
        return Column(E.function("substr", [self._expr, to_expr(startPos), to_expr(length)]))

    def alias(self, *alias: str, **kwargs: Any) -> "Column":
        """Name the column; several names name a generator's columns (Spark's MultiAlias:
        ``explode(m).alias("k", "v")``), which only one name may carry ``metadata`` for."""
        metadata = kwargs.get("metadata")
        if len(alias) == 1:
            if metadata is not None and not isinstance(metadata, dict):
                raise PySparkTypeError(errorClass="NOT_DICT", messageParameters={
                    "arg_name": "metadata", "arg_type": type(metadata).__name__})
            return Column(E.alias(self._expr, alias[0], metadata=metadata or None))
        if kwargs.get("metadata"):
            raise PySparkValueError(errorClass="ONLY_ALLOWED_FOR_SINGLE_COLUMN", messageParameters={"arg_name": "metadata"})
        if not alias:
            from tspark.errors import PySparkNotImplementedError
            raise PySparkNotImplementedError.feature("alias() without a name")
        return Column(E.alias(self._expr, *alias))

    name = alias

    def over(self, window: Any) -> "Column":
        """This window function or aggregate evaluated over ``window`` (a WindowSpec, which
        builds the expression: this module does not import the window module, which imports it)."""
        if not callable(getattr(window, "_window_expr", None)):
            raise PySparkTypeError(errorClass="NOT_WINDOWSPEC", messageParameters={
                "arg_name": "window", "arg_type": type(window).__name__})
        return Column(window._window_expr(self._expr))

    def outer(self) -> "Column":
        """Marks this column as the outer query's inside a DataFrame subquery (``df.scalar()``,
        ``df.exists()``, ``lateralJoin``), as PySpark 4.0's Column.outer."""
        return Column(E.outer_reference(self._expr))

    def cast(self, dataType: Union[T.DataType, str]) -> "Column":
        """``CAST(self AS dataType)``; dataType as a DataType or a DDL string (``"int"``)."""
        return Column(E.cast(self._expr, _type_json(dataType)))

    astype = cast

    def try_cast(self, dataType: Union[T.DataType, str]) -> "Column":
        """``try_cast``: null instead of an error on bad input."""
        return Column(E.function("try_cast", [self._expr, make_literal(
            T.DataType.fromDDL(dataType).simpleString() if isinstance(dataType, str) else dataType.simpleString())]))

    def when(self, condition: "Column", value: Any) -> "Column":
        """Add a branch to a ``when(...)`` chain."""
        e = self._expr
        if e.get("kind") != "CaseWhen" or "elseValue" in e:
            raise PySparkValueError(errorClass="INVALID_WHEN_USAGE", messageParameters={})
        if not isinstance(condition, Column):
            raise PySparkTypeError(errorClass="NOT_COLUMN", messageParameters={
                "arg_name": "condition", "arg_type": type(condition).__name__})
        branches = [tuple(b) for b in e["branches"]] + [(condition._expr, to_expr(value))]
        return Column(E.case_when(branches))  # type: ignore[arg-type]

    def otherwise(self, value: Any) -> "Column":
        """The ELSE value of a ``when(...)`` chain."""
        e = self._expr
        if e.get("kind") != "CaseWhen" or "elseValue" in e:
            # PySpark's JVM raises this text with no error condition.
            raise IllegalArgumentException(
                "otherwise() can only be applied once on a Column previously generated by when()")
        return Column(E.case_when([tuple(b) for b in e["branches"]], to_expr(value)))  # type: ignore[misc]

    def _sort(self, ascending: bool, nulls_first: bool) -> "Column":
        child = self._expr["child"] if self._expr.get("kind") == "SortOrder" else self._expr
        return Column(E.sort_order(child, ascending, nulls_first))

    def asc(self) -> "Column":
        """Ascending, nulls first."""
        return self._sort(True, True)

    def asc_nulls_first(self) -> "Column":
        """Ascending, nulls first."""
        return self._sort(True, True)

    def asc_nulls_last(self) -> "Column":
        """Ascending, nulls last."""
        return self._sort(True, False)

    def desc(self) -> "Column":
        """Descending, nulls last."""
        return self._sort(False, False)

    def desc_nulls_first(self) -> "Column":
        """Descending, nulls first."""
        return self._sort(False, True)

    def desc_nulls_last(self) -> "Column":
        """Descending, nulls last."""
        return self._sort(False, False)

    def getItem(self, key: Any) -> "Column":
        """Array element or map value: ``self[key]``."""
        return Column(E.function("get_item", [self._expr, to_expr(key)]))

    def getField(self, name: str) -> "Column":
        """Struct field by name."""
        return Column(E.function("get_field", [self._expr, make_literal(name)]))

    def withField(self, fieldName: str, col: "Column") -> "Column":
        """The struct with field ``fieldName`` (a dotted path for nested structs) set to ``col``."""
        if not isinstance(fieldName, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
                "arg_name": "fieldName", "arg_type": type(fieldName).__name__})
        if not isinstance(col, Column):
            raise PySparkTypeError(errorClass="NOT_COLUMN", messageParameters={
                "arg_name": "col", "arg_type": type(col).__name__})
        return Column(E.function("update_fields", [self._expr, make_literal("set"), make_literal(fieldName), col._expr]))

    def dropFields(self, *fieldNames: str) -> "Column":
        """The struct without the named fields (dotted paths reach nested structs)."""
        args = [self._expr]
        for n in fieldNames:
            args += [make_literal("drop"), make_literal(n)]
        return Column(E.function("update_fields", args))

    def __getattr__(self, item: str) -> "Column":
        # PySpark's Column.__getattr__: `c.field` is `c["field"]` (a struct field, a map key)
        if item.startswith("__"):
            from tspark.errors import PySparkAttributeError
            raise PySparkAttributeError(errorClass="CANNOT_ACCESS_TO_DUNDER", messageParameters={})
        if item == "_expr":
            # the Column's own state (absent while it is being built or unpickled): no field of it
            raise AttributeError(item)
        return self[item]

    def __getitem__(self, k: Any) -> "Column":
        if isinstance(k, slice):
            return self.substr(k.start, k.stop)
        return self.getItem(k)

    def __repr__(self) -> str:
        return "Column<'%s'>" % expr_repr(self._expr)
