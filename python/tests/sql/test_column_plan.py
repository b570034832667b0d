"""Column operators and functions become Spark function calls by name."""
import datetime
from decimal import Decimal

import pytest

from tspark.errors import IllegalArgumentException, PySparkValueError
from tspark.sql import functions as F
from tspark.sql.types import IntegerType

A = {"kind": "UnresolvedAttribute", "nameParts": ["a"]}


def fn(name, *args, distinct=False):
    return {"kind": "UnresolvedFunction", "name": name, "args": list(args), "isDistinct": distinct}


def lit(v, t):
    return {"kind": "Literal", "value": v, "dataType": t}


@pytest.mark.parametrize("build,name", [
    (lambda c: c + 1, "+"), (lambda c: c - 1, "-"), (lambda c: c * 1, "*"), (lambda c: c / 1, "/"),
    (lambda c: c % 1, "%"), (lambda c: c ** 1, "power"), (lambda c: c == 1, "=="), (lambda c: c != 1, "!="),
    (lambda c: c < 1, "<"), (lambda c: c <= 1, "<="), (lambda c: c > 1, ">"), (lambda c: c >= 1, ">="),
    (lambda c: c.eqNullSafe(1), "<=>"), (lambda c: c & 1, "and"), (lambda c: c | 1, "or")])
def test_binary_operators(build, name):
    assert build(F.col("a"))._expr == fn(name, A, lit(1, "integer"))


def test_reflected_and_unary():
    assert (1 - F.col("a"))._expr == fn("-", lit(1, "integer"), A)
    assert (-F.col("a"))._expr == fn("negative", A)
    assert (~F.col("a"))._expr == fn("not", A)


def test_literal_types():
    assert F.lit(2 ** 40)._expr == lit(2 ** 40, "long")
    assert F.lit(1.5)._expr == lit(1.5, "double")
    assert F.lit(None)._expr == lit(None, "null")
    assert F.lit(True)._expr == lit(True, "boolean")
    assert F.lit(datetime.date(1970, 1, 2))._expr == lit(1, "date")
    assert F.lit(Decimal("1.50"))._expr == lit("1.50", "decimal(3,2)")


def test_between_expands_like_pyspark():
    assert F.col("a").between(1, 2)._expr == fn("and", fn(">=", A, lit(1, "integer")), fn("<=", A, lit(2, "integer")))


def test_isin_value_first():
    assert F.col("a").isin([1, 2])._expr == fn("in", A, lit(1, "integer"), lit(2, "integer"))
    assert F.col("a").isin(1, 2)._expr == F.col("a").isin([1, 2])._expr


def test_cast_with_type_or_string():
    assert F.col("a").cast("int")._expr == {"kind": "Cast", "child": A, "dataType": "integer"}
    assert F.col("a").astype(IntegerType())._expr == F.col("a").cast("int")._expr


def test_when_otherwise():
    e = F.when(F.col("a") > 1, "big").when(F.col("a") > 0, "small").otherwise("none")._expr
    assert e["kind"] == "CaseWhen" and len(e["branches"]) == 2 and e["elseValue"] == lit("none", "string")
    with pytest.raises(IllegalArgumentException):
        F.when(F.col("a") > 1, 1).otherwise(0).otherwise(1)


def test_count_star_and_distinct():
    assert F.count("*")._expr == fn("count", lit(1, "integer"))
    assert F.count_distinct("a")._expr == fn("count", A, distinct=True)


def test_column_bool_raises():
    with pytest.raises(PySparkValueError):
        bool(F.col("a"))


def test_reprs_match_pyspark():
    assert repr((F.col("a") + 1).alias("x")) == "Column<'+(a, 1) AS x'>"
    assert repr(F.col("a").between(1, 2)) == "Column<'and(>=(a, 1), <=(a, 2))'>"
    assert repr(F.when(F.col("a") > 1, 1).otherwise(0)) == "Column<'CASE WHEN >(a, 1) THEN 1 ELSE 0 END'>"
    assert repr(F.col("a").cast("int")) == "Column<'CAST(a AS INT)'>"
    assert repr(~F.col("a")) == "Column<'!(a)'>"
    assert repr(F.col("a").desc_nulls_first()) == "Column<'a DESC NULLS FIRST'>"


def test_udf_forms_pickle_function_and_type():
    from tspark.worker.func_cache import load_function

    plus = F.udf(lambda x: x + 1, "long")
    e = plus("a")._expr
    assert e["kind"] == "PythonUDF" and e["returnType"] == "long" and e["args"] == [A] and e["evalType"] == 100
    f, rt = load_function(e["func"])
    assert f(1) == 2 and rt.simpleString() == "bigint"

    @F.udf(returnType=IntegerType())
    def double(x):
        return x * 2
    assert double(F.col("a"))._expr["name"] == "double" and double(F.col("a"))._expr["returnType"] == "integer"
