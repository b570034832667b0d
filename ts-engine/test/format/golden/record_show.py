"""Records show()/printSchema goldens from real PySpark (run: /work/pyspark-venv/bin/python record_show.py).

Each case stores the schema (Spark JSON), the rows in the engine's vector convention, the show
parameters and the exact string Spark's Dataset.showString / StructType.treeString returns.
"""
import datetime
import decimal
import json
import math
import os

from pyspark.sql import SparkSession
from pyspark.sql.types import (ArrayType, BinaryType, DateType, DecimalType, FloatType, IntegerType,
                               LongType, MapType, StringType, StructField, StructType, TimestampType)

spark = SparkSession.builder.master("local[1]").config("spark.sql.session.timeZone", "UTC").getOrCreate()
spark.sparkContext.setLogLevel("OFF")
EPOCH = datetime.date(1970, 1, 1)


def enc(v, t):
    """Python value -> JSON in the engine's vector convention (longs/special doubles tagged)."""
    if v is None:
        return None
    if isinstance(t, LongType):
        return {"$long": str(v)}
    if isinstance(t, (FloatType,)) or t.typeName() == "double":
        if math.isnan(v) or math.isinf(v):
            return {"$double": str(v)}
        return v
    if isinstance(t, DateType):
        return (v - EPOCH).days
    if isinstance(t, TimestampType):
        d = v.replace(tzinfo=datetime.timezone.utc) - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        return {"$long": str(d.days * 86400000000 + d.seconds * 1000000 + d.microseconds)}
    if isinstance(t, DecimalType):
        return str(v)
    if isinstance(t, BinaryType):
        return {"$binary": list(bytes(v))}
    if isinstance(t, ArrayType):
        return [enc(x, t.elementType) for x in v]
    if isinstance(t, MapType):
        return [[enc(k, t.keyType), enc(x, t.valueType)] for k, x in v.items()]
    if isinstance(t, StructType):
        return [enc(v[i], f.dataType) for i, f in enumerate(t.fields)]
    return v


cases = []


def record(name, df, shows):
    rows = df.collect()
    data = [[enc(r[i], f.dataType) for i, f in enumerate(df.schema.fields)] for r in rows]
    for (n, truncate, vertical) in shows:
        cases.append({
            "name": f"{name} n={n} truncate={truncate} vertical={vertical}",
            "schema": json.loads(df.schema.json()), "rows": data, "numRows": n, "truncate": truncate,
            "vertical": vertical, "expected": df._jdf.showString(n, truncate, vertical),
        })
    cases.append({"name": f"{name} treeString", "schema": json.loads(df.schema.json()),
                  "tree": df._jdf.schema().treeString()})


basic = spark.createDataFrame([
    ("a very long string that goes past twenty characters", 1.5, True, None),
    ("short", -2.0, False, 7), (None, 1e10, None, -3), ("x", 0.1, True, 123456789)],
    "s STRING, d DOUBLE, b BOOLEAN, i INT")
record("basic", basic, [(20, 20, False), (20, 0, False), (2, 20, False), (20, 5, False), (20, 20, True),
                        (1, 20, True), (0, 20, False), (20, 2, False)])

schema = StructType([
    StructField("a", ArrayType(IntegerType())), StructField("m", MapType(StringType(), IntegerType())),
    StructField("st", StructType([StructField("x", IntegerType()), StructField("y", StringType())])),
    StructField("d", DateType()), StructField("t", TimestampType()), StructField("dec", DecimalType(10, 2)),
    StructField("f", FloatType()), StructField("bin", BinaryType()), StructField("l", LongType(), False)])
complex_rows = [
    ([1, 2, None], {"a": 1, "b": None}, (1, "q"), datetime.date(2024, 1, 2),
     datetime.datetime(2024, 1, 2, 3, 4, 5, 123000), decimal.Decimal("3.10"), 1.25, bytearray(b"ab"), 9007199254740993),
    (None, None, None, None, datetime.datetime(2024, 1, 2, 3, 4, 5), None, None, None, -1),
    ([], {}, (None, None), datetime.date(1, 1, 1), datetime.datetime(2024, 1, 2, 3, 4, 5, 100),
     decimal.Decimal("-0.5"), float("nan"), bytearray(b""), 0)]
record("complex", spark.createDataFrame(complex_rows, schema), [(20, 20, False), (20, 0, False), (20, 3, True)])

doubles = spark.createDataFrame([(x,) for x in [1e7, 1e-4, 123456789.123, 1e21, -0.0, float("inf"), 1e-3, 12345678.9, 100.0, 0.1 + 0.2]], "d double")
record("doubles", doubles, [(20, 20, False)])
record("floats", spark.createDataFrame([(1e7,), (1e-4,), (3.4e38,), (0.1,)], "f float"), [(20, 20, False)])
record("unicode", spark.createDataFrame([("日本語テキスト",), ("ab\ncd",), ("tab\there",)], "s string"), [(20, 20, False), (20, 0, False), (20, 20, True)])
record("empty", spark.createDataFrame([], "x INT, y STRING"), [(20, 20, False), (20, 20, True)])
record("range", spark.range(3), [(20, 20, False), (1, 20, False)])
record("long names", spark.createDataFrame([(1, "abcdefgh")], "`a very long column name indeed` INT, s STRING"), [(20, 20, False), (20, 5, False), (20, 0, True), (20, 3, True)])
nested = StructType([StructField("o", StructType([
    StructField("arr", ArrayType(StructType([StructField("k", StringType(), False)]), False)),
    StructField("mp", MapType(StringType(), ArrayType(LongType()), False), False)]), False)])
record("nested", spark.createDataFrame([], nested), [])

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "show-cases.json")
with open(out, "w") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
print(f"wrote {len(cases)} cases to {out}")
spark.stop()
