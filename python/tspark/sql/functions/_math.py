"""Math functions (Spark's math_funcs group)."""
from typing import Any

from tspark.sql._plan import expressions as E
from tspark.sql.column import Column, to_expr
from tspark.sql._invoke import invoke, invoke_with_literals, lit_or_col, num_or_col, to_col_expr
from tspark.sql.functions._family import family_all


def abs(col: Any) -> Column:
    return invoke("abs", col)


def sqrt(col: Any) -> Column:
    return invoke("sqrt", col)


def exp(col: Any) -> Column:
    return invoke("exp", col)


def ln(col: Any) -> Column:
    return invoke("ln", col)


def log(arg1: Any, arg2: Any = None) -> Column:
    """``log(col)`` is the natural logarithm; ``log(base, col)``."""
    if arg2 is None:
        return invoke("ln", arg1)
    return Column(E.function("log", [to_expr(arg1), to_col_expr(arg2)]))


def pow(col1: Any, col2: Any) -> Column:
    return Column(E.function("power", [num_or_col(col1), num_or_col(col2)]))


power = pow


def round(col: Any, scale: int = 0) -> Column:
    return invoke_with_literals("round", col, scale)


def floor(col: Any) -> Column:
    return invoke("floor", col)


def ceil(col: Any) -> Column:
    return invoke("ceil", col)


def ceiling(col: Any) -> Column:
    return invoke("ceiling", col)


def negate(col: Any) -> Column:
    return invoke("negative", col)


negative = negate


def greatest(*cols: Any) -> Column:
    return invoke("greatest", *cols)


def least(*cols: Any) -> Column:
    return invoke("least", *cols)


def acos(col: Any) -> Column:
    return invoke("acos", col)


def acosh(col: Any) -> Column:
    return invoke("acosh", col)


def asin(col: Any) -> Column:
    return invoke("asin", col)


def asinh(col: Any) -> Column:
    return invoke("asinh", col)


def atan(col: Any) -> Column:
    return invoke("atan", col)


def atanh(col: Any) -> Column:
    return invoke("atanh", col)


def cbrt(col: Any) -> Column:
    return invoke("cbrt", col)


def cos(col: Any) -> Column:
    return invoke("cos", col)


def cosh(col: Any) -> Column:
    return invoke("cosh", col)


def cot(col: Any) -> Column:
    return invoke("cot", col)


def csc(col: Any) -> Column:
    return invoke("csc", col)


def degrees(col: Any) -> Column:
    return invoke("degrees", col)


def expm1(col: Any) -> Column:
    return invoke("expm1", col)


def factorial(col: Any) -> Column:
    return invoke("factorial", col)


def hex(col: Any) -> Column:
    return invoke("hex", col)


def unhex(col: Any) -> Column:
    return invoke("unhex", col)


def bin(col: Any) -> Column:
    return invoke("bin", col)


def log10(col: Any) -> Column:
    return invoke("log10", col)


def log1p(col: Any) -> Column:
    return invoke("log1p", col)


def log2(col: Any) -> Column:
    return invoke("log2", col)


def positive(col: Any) -> Column:
    return invoke("positive", col)


def radians(col: Any) -> Column:
    return invoke("radians", col)


def rint(col: Any) -> Column:
    return invoke("rint", col)


def sec(col: Any) -> Column:
    return invoke("sec", col)


def sign(col: Any) -> Column:
    return invoke("sign", col)


def signum(col: Any) -> Column:
    return invoke("signum", col)


def sin(col: Any) -> Column:
    return invoke("sin", col)


def sinh(col: Any) -> Column:
    return invoke("sinh", col)


def tan(col: Any) -> Column:
    return invoke("tan", col)


def tanh(col: Any) -> Column:
    return invoke("tanh", col)


def bit_count(col: Any) -> Column:
    return invoke("bit_count", col)


def bitwise_not(col: Any) -> Column:
    return invoke("bitwise_not", col)


def toDegrees(col: Any) -> Column:
    """Deprecated alias of degrees, as PySpark (which warns)."""
    return degrees(col)


def toRadians(col: Any) -> Column:
    """Deprecated alias of radians, as PySpark (which warns)."""
    return radians(col)


def bitwiseNOT(col: Any) -> Column:
    """Deprecated alias of bitwise_not."""
    return bitwise_not(col)


def atan2(col1: Any, col2: Any) -> Column:
    return Column(E.function("atan2", [num_or_col(col1), num_or_col(col2)]))


def hypot(col1: Any, col2: Any) -> Column:
    return Column(E.function("hypot", [num_or_col(col1), num_or_col(col2)]))


def pmod(dividend: Any, divisor: Any) -> Column:
    return Column(E.function("pmod", [num_or_col(dividend), num_or_col(divisor)]))


def e() -> Column:
    return Column(E.function("e", []))


def pi() -> Column:
    return Column(E.function("pi", []))


def bround(col: Any, scale: Any = None) -> Column:
    if scale is None:
        return invoke("bround", col)
    return Column(E.function("bround", [to_col_expr(col), lit_or_col(scale, int)]))


def conv(col: Any, fromBase: int, toBase: int) -> Column:
    return invoke_with_literals("conv", col, fromBase, toBase)


def width_bucket(v: Any, min: Any, max: Any, numBucket: Any) -> Column:
    return Column(E.function("width_bucket", [to_col_expr(v, "v"), to_col_expr(min, "min"), to_col_expr(max, "max"),
                                              lit_or_col(numBucket, int)]))


def shiftleft(col: Any, numBits: int) -> Column:
    return invoke_with_literals("shiftleft", col, numBits)


def shiftright(col: Any, numBits: int) -> Column:
    return invoke_with_literals("shiftright", col, numBits)


def shiftrightunsigned(col: Any, numBits: int) -> Column:
    return invoke_with_literals("shiftrightunsigned", col, numBits)


def shiftLeft(col: Any, numBits: int) -> Column:
    """Deprecated alias of shiftleft."""
    return shiftleft(col, numBits)


def shiftRight(col: Any, numBits: int) -> Column:
    """Deprecated alias of shiftright."""
    return shiftright(col, numBits)


def shiftRightUnsigned(col: Any, numBits: int) -> Column:
    """Deprecated alias of shiftrightunsigned."""
    return shiftrightunsigned(col, numBits)


def bit_get(col: Any, pos: Any) -> Column:
    return invoke("bit_get", col, pos)


def getbit(col: Any, pos: Any) -> Column:
    return invoke("getbit", col, pos)


def bitmap_bucket_number(col: Any) -> Column:
    return invoke("bitmap_bucket_number", col)


def bitmap_bit_position(col: Any) -> Column:
    return invoke("bitmap_bit_position", col)


def bitmap_count(col: Any) -> Column:
    return invoke("bitmap_count", col)


def bitmap_construct_agg(col: Any) -> Column:
    return invoke("bitmap_construct_agg", col)


def bitmap_or_agg(col: Any) -> Column:
    return invoke("bitmap_or_agg", col)


__all__ = family_all(globals())
