"""Collection functions: arrays, maps, structs, higher-order functions and generators.

One-line wrappers over the engine's registry names (PySpark 4.0's signatures). Higher-order
functions call the Python lambda once with placeholder Columns, as PySpark does, so the lambda
becomes an engine LambdaFunction expression; it never runs in Python.
"""
import inspect
import itertools
from typing import Any, Callable, List, Optional

from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql.functions._family import family_all



def _lit_or_col(v: Any) -> Any:
    """A Column's expression, else a literal (PySpark's ``lit(value)`` for element arguments)."""
    return to_expr(v)


def _int_or_col(v: Any, arg_name: str) -> Any:
    """An int literal or a Column/column name (``slice``'s start, ``array_repeat``'s count)."""
    if isinstance(v, bool) or not isinstance(v, (int, str, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_INT", messageParameters={
            "arg_name": arg_name, "arg_type": type(v).__name__})
    return make_literal(v) if isinstance(v, int) else to_col_expr(v, arg_name)


def _call(name: str, *args: Any) -> Column:
    return Column(E.function(name, list(args)))


def _list_cols(cols: Any) -> Any:
    if len(cols) == 1 and isinstance(cols[0], (list, set, tuple)):
        return tuple(cols[0])
    return cols


# --- arrays ---
def array(*cols: Any) -> Column:
    return invoke("array", *_list_cols(cols))


def array_append(col: Any, value: Any) -> Column:
    return _call("array_append", to_col_expr(col), _lit_or_col(value))


def array_prepend(col: Any, value: Any) -> Column:
    return _call("array_prepend", to_col_expr(col), _lit_or_col(value))


def array_insert(arr: Any, pos: Any, value: Any) -> Column:
    return _call("array_insert", to_col_expr(arr, "arr"), _int_or_col(pos, "pos"), _lit_or_col(value))


def array_compact(col: Any) -> Column:
    return invoke("array_compact", col)


def array_contains(col: Any, value: Any) -> Column:
    return _call("array_contains", to_col_expr(col), _lit_or_col(value))


def array_distinct(col: Any) -> Column:
    return invoke("array_distinct", col)


def array_except(col1: Any, col2: Any) -> Column:
    return invoke("array_except", col1, col2)


def array_intersect(col1: Any, col2: Any) -> Column:
    return invoke("array_intersect", col1, col2)


def array_union(col1: Any, col2: Any) -> Column:
    return invoke("array_union", col1, col2)


def arrays_overlap(a1: Any, a2: Any) -> Column:
    return invoke("arrays_overlap", a1, a2)


def array_join(col: Any, delimiter: str, null_replacement: Optional[str] = None) -> Column:
    args = [to_col_expr(col), make_literal(delimiter)]
    if null_replacement is not None:
        args.append(make_literal(null_replacement))
    return _call("array_join", *args)


def array_max(col: Any) -> Column:
    return invoke("array_max", col)


def array_min(col: Any) -> Column:
    return invoke("array_min", col)


def array_position(col: Any, value: Any) -> Column:
    return _call("array_position", to_col_expr(col), _lit_or_col(value))


def array_remove(col: Any, element: Any) -> Column:
    return _call("array_remove", to_col_expr(col), _lit_or_col(element))


def array_repeat(col: Any, count: Any) -> Column:
    return _call("array_repeat", to_col_expr(col), _int_or_col(count, "count"))


def array_size(col: Any) -> Column:
    return invoke("array_size", col)


def cardinality(col: Any) -> Column:
    return invoke("cardinality", col)


def size(col: Any) -> Column:
    return invoke("size", col)


def arrays_zip(*cols: Any) -> Column:
    return invoke("arrays_zip", *cols)


def element_at(col: Any, extraction: Any) -> Column:
    return _call("element_at", to_col_expr(col), _lit_or_col(extraction))


def try_element_at(col: Any, extraction: Any) -> Column:
    return _call("try_element_at", to_col_expr(col), to_col_expr(extraction, "extraction"))


def get(col: Any, index: Any) -> Column:
    idx = make_literal(index) if isinstance(index, int) else to_col_expr(index, "index")
    return _call("get", to_col_expr(col), idx)


def flatten(col: Any) -> Column:
    return invoke("flatten", col)


def reverse(col: Any) -> Column:
    return invoke("reverse", col)


def sequence(start: Any, stop: Any, step: Any = None) -> Column:
    return invoke("sequence", start, stop) if step is None else invoke("sequence", start, stop, step)


def shuffle(col: Any, seed: Any = None) -> Column:
    args = [to_col_expr(col)] + ([] if seed is None else [_lit_or_col(seed)])
    return _call("shuffle", *args)


def slice(x: Any, start: Any, length: Any) -> Column:
    return _call("slice", to_col_expr(x, "x"), _int_or_col(start, "start"), _int_or_col(length, "length"))


def sort_array(col: Any, asc: bool = True) -> Column:
    return _call("sort_array", to_col_expr(col), make_literal(asc))


def array_sort(col: Any, comparator: Optional[Callable[[Column, Column], Column]] = None) -> Column:
    if comparator is None:
        return invoke("array_sort", col)
    return _call("array_sort", to_col_expr(col), _create_lambda(comparator))


# --- maps and structs ---
def create_map(*cols: Any) -> Column:
    return invoke("map", *_list_cols(cols))


def map_concat(*cols: Any) -> Column:
    return invoke("map_concat", *_list_cols(cols))


def map_contains_key(col: Any, value: Any) -> Column:
    return _call("map_contains_key", to_col_expr(col), _lit_or_col(value))


def map_entries(col: Any) -> Column:
    return invoke("map_entries", col)


def map_from_arrays(col1: Any, col2: Any) -> Column:
    return invoke("map_from_arrays", col1, col2)


def map_from_entries(col: Any) -> Column:
    return invoke("map_from_entries", col)


def map_keys(col: Any) -> Column:
    return invoke("map_keys", col)


def map_values(col: Any) -> Column:
    return invoke("map_values", col)


def str_to_map(text: Any, pairDelim: Any = None, keyValueDelim: Any = None) -> Column:
    args = [to_col_expr(text, "text"), _lit_or_col(pairDelim if pairDelim is not None else ",")]
    args.append(_lit_or_col(keyValueDelim if keyValueDelim is not None else ":"))
    return _call("str_to_map", *args)


def struct(*cols: Any) -> Column:
    return invoke("struct", *_list_cols(cols))


def named_struct(*cols: Any) -> Column:
    return invoke("named_struct", *cols)


# --- higher-order functions ---
_var_ids = itertools.count(1)


def _lambda_parameters(f: Callable[..., Any]) -> List[inspect.Parameter]:
    params = list(inspect.signature(f).parameters.values())
    if not 1 <= len(params) <= 3:
        raise PySparkValueError(errorClass="WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION",
                                messageParameters={"func_name": f.__name__, "num_args": str(len(params))})
    for p in params:
        if p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            raise PySparkValueError(errorClass="UNSUPPORTED_PARAM_TYPE_FOR_HIGHER_ORDER_FUNCTION",
                                    messageParameters={"func_name": f.__name__})
    return params


def _create_lambda(f: Callable[..., Any]) -> Any:
    """PySpark's _create_lambda: call ``f`` once with variables x_N, y_N, z_N (one counter per process)."""
    params = _lambda_parameters(f)
    names = ["%s_%d" % (n, next(_var_ids)) for n in ["x", "y", "z"][: len(params)]]
    variables = [E.unresolved_named_lambda_variable(n) for n in names]
    result = f(*[Column(v) for v in variables])
    if not isinstance(result, Column):
        raise PySparkValueError(errorClass="HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN",
                                messageParameters={"func_name": f.__name__,
                                                   "return_type": type(result).__name__})
    return E.lambda_function(result._expr, variables)


def _hof(name: str, cols: List[Any], *funcs: Callable[..., Any]) -> Column:
    return _call(name, *([to_col_expr(c) for c in cols] + [_create_lambda(f) for f in funcs]))


def transform(col: Any, f: Callable[..., Column]) -> Column:
    return _hof("transform", [col], f)


def filter(col: Any, f: Callable[..., Column]) -> Column:
    return _hof("filter", [col], f)


def exists(col: Any, f: Callable[[Column], Column]) -> Column:
    return _hof("exists", [col], f)


def forall(col: Any, f: Callable[[Column], Column]) -> Column:
    return _hof("forall", [col], f)


def aggregate(col: Any, initialValue: Any, merge: Callable[[Column, Column], Column],
              finish: Optional[Callable[[Column], Column]] = None) -> Column:
    funcs = [merge] if finish is None else [merge, finish]
    return _call("aggregate", to_col_expr(col), to_col_expr(initialValue, "initialValue"),
                 *[_create_lambda(f) for f in funcs])


def reduce(col: Any, initialValue: Any, merge: Callable[[Column, Column], Column],
           finish: Optional[Callable[[Column], Column]] = None) -> Column:
    funcs = [merge] if finish is None else [merge, finish]
    return _call("reduce", to_col_expr(col), to_col_expr(initialValue, "initialValue"),
                 *[_create_lambda(f) for f in funcs])


def zip_with(left: Any, right: Any, f: Callable[[Column, Column], Column]) -> Column:
    return _hof("zip_with", [left, right], f)


def map_filter(col: Any, f: Callable[[Column, Column], Column]) -> Column:
    return _hof("map_filter", [col], f)


def map_zip_with(col1: Any, col2: Any, f: Callable[[Column, Column, Column], Column]) -> Column:
    return _hof("map_zip_with", [col1, col2], f)


def transform_keys(col: Any, f: Callable[[Column, Column], Column]) -> Column:
    return _hof("transform_keys", [col], f)


def transform_values(col: Any, f: Callable[[Column, Column], Column]) -> Column:
    return _hof("transform_values", [col], f)


# --- generators ---
def explode(col: Any) -> Column:
    return invoke("explode", col)


def explode_outer(col: Any) -> Column:
    return invoke("explode_outer", col)


def posexplode(col: Any) -> Column:
    return invoke("posexplode", col)


def posexplode_outer(col: Any) -> Column:
    return invoke("posexplode_outer", col)


def inline(col: Any) -> Column:
    return invoke("inline", col)


def inline_outer(col: Any) -> Column:
    return invoke("inline_outer", col)


def stack(*cols: Any) -> Column:
    return invoke("stack", *cols)


__all__ = family_all(globals())
