"""The public API builds exactly the golden messages in bridge/vectors (byte for byte)."""
import datetime
from decimal import Decimal
import itertools
import json
import pathlib

from tspark._bridge import codec, protocol
from tspark.sql import functions as F
from tspark.sql._plan import relations as R
from tspark.sql.dataframe import DataFrame

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "bridge" / "vectors" / "plan"
SESSION = "0b1c2d3e-4f50-4617-8899-aabbccddeeff"


class Spark:
    """Just enough of SparkSession to build plans (range, createDataFrame)."""

    _options: dict = {}

    def range(self, start, end, step=1, numPartitions=None):
        return DataFrame(R.range_(start, end, step, numPartitions), self)

    def createDataFrame(self, data, schema=None):
        from tspark.sql._convert import wire_type
        from tspark.sql._local_data import local_relation_parts
        s, rows = local_relation_parts(data, schema)
        return DataFrame(R.local_relation(wire_type(s), rows), self)


def golden(name):
    # Vectors are committed (bridge/record_vectors.py): a missing one is a failure, not a skip.
    return (VECTORS / (name + ".msgpack")).read_bytes()


def plan_ids_from(n, monkeypatch):
    monkeypatch.setattr(R, "_plan_ids", itertools.count(n))


def encode(req_id, df):
    return codec.pack(protocol.execute(req_id, SESSION, df._plan, "rows"))


def test_filter_range(monkeypatch):
    plan_ids_from(0, monkeypatch)
    df = Spark().range(0, 100, 1, 2).filter(F.col("id") > 50)
    assert encode("r1", df) == golden("execute-filter-range")


def test_local_relation_bigint(monkeypatch):
    plan_ids_from(2, monkeypatch)
    df = Spark().createDataFrame([(9007199254740993, "a", 1.0, datetime.date(2020, 1, 1)),
                                  (-(2 ** 63), None, None, None)], ["big", "s", "x", "d"])
    assert encode("r2", df) == golden("local-relation-bigint")


def test_join_union(monkeypatch):
    plan_ids_from(3, monkeypatch)
    spark = Spark()
    a = spark.range(0, 10)
    from tspark.sql.types import LongType, StructType
    a._schema = StructType().add("id", LongType(), False)  # df["id"] checks the schema
    b = spark.range(5, 15).alias("b")
    left = a.join(b, a["id"] == F.col("b.id"), "left")
    inner = spark.range(0, 10).join(spark.range(5, 15), ["id"], "inner")
    assert encode("r3", left.union(inner)) == golden("join")


def test_python_udf_and_case_cast(monkeypatch):
    plan_ids_from(15, monkeypatch)
    case = json.loads((VECTORS / "python-udf.json").read_text())
    pickled = case["message"]["plan"]["exprs"][0]["child"]["func"]["$bin"]
    import base64
    from tspark.sql import udf as udf_mod
    monkeypatch.setattr(udf_mod.UserDefinedFunction, "_command", lambda self: base64.b64decode(pickled))
    df = Spark().range(0, 3).select(F.udf(lambda x: x + 1, "int")(F.col("id")).alias("y"),
                                    F.when(F.col("id") > 1, "big").otherwise(None),
                                    F.col("id").cast("decimal(10,2)"), F.lit(Decimal("12.50")))
    assert encode("r5", df) == golden("python-udf")


def test_projections_star_distinct_todf(monkeypatch):
    plan_ids_from(20, monkeypatch)
    df = (Spark().range(0, 10, 1, 2)
          .withColumns({"a": F.col("id") + 1, "b": F.lit("x")})
          .withColumnsRenamed({"a": "a2"})
          .drop("b")
          .select("*", F.col("a2") * 2)
          .distinct()
          .toDF("x", "y", "z"))
    assert encode("r7", df) == golden("projections-star-distinct-todf")


def test_higher_order_lambda(monkeypatch):
    from tspark.sql.functions import _collection
    plan_ids_from(20, monkeypatch)
    monkeypatch.setattr(_collection, "_var_ids", itertools.count(1))
    df = Spark().range(0, 3).select(F.transform(F.array("id"), lambda x: x + 1).alias("t"),
                                    F.aggregate(F.array("id"), F.lit(0), lambda acc, x: acc + x))
    assert encode("r9", df) == golden("higher-order-lambda")


def test_hints_broadcast_and_merge(monkeypatch):
    plan_ids_from(30, monkeypatch)
    spark = Spark()
    a = spark.range(0, 10).hint("merge")
    b = F.broadcast(spark.range(5, 15))
    assert encode("r8", a.join(b, ["id"], "left")) == golden("hint-join")


def test_repartition_kinds(monkeypatch):
    plan_ids_from(40, monkeypatch)
    df = (Spark().range(0, 10).repartition(3, "id").coalesce(2)
          .repartitionByRange(4, F.col("id").desc()).repartition(5))
    assert encode("r10", df) == golden("repartition")
