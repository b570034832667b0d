# DecimalType end to end: createDataFrame from decimal.Decimal, show/collect/printSchema, Spark's
# result precision and scale for + - * / %, exact values, overflow (ANSI error and legacy null),
# sum/avg/min/max over decimals, casts to and from decimal, toPandas.
import decimal
from decimal import Decimal as D
from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import DecimalType, StructField, StructType, StringType

spark = SparkSession.builder.appName("types_decimal").config("spark.sql.session.timeZone", "UTC").getOrCreate()
schema = StructType([StructField("k", StringType()), StructField("a", DecimalType(10, 2)), StructField("b", DecimalType(5, 3)),
                     StructField("w", DecimalType(38, 6))])
rows = [("x", D("12.50"), D("1.250"), D("12345678901234567890123456789012.123456")),
        ("x", D("-0.01"), D("-9.999"), D("-0.000001")),
        ("y", None, D("0.000"), None),
        ("y", D("99999999.99"), D("3.141"), D("1"))]
df = spark.createDataFrame(rows, schema)
df.printSchema()
df.show()
df.show(truncate=False)
for r in df.collect():
    print(r, [type(v).__name__ for v in r])
ops = df.select((F.col("a") + F.col("b")).alias("plus"), (F.col("a") - F.col("b")).alias("minus"), (F.col("a") * F.col("b")).alias("times"),
                (F.col("a") / F.col("b")).alias("div"), (F.col("a") % F.col("b")).alias("mod"), (-F.col("a")).alias("neg"))
ops.printSchema()
try:
    ops.show(truncate=False)
except Exception as e:
    print(type(e).__name__, e.getCondition())
ok = df.filter(F.col("b") != 0)
ok.select((F.col("a") / F.col("b")).alias("div"), (F.col("a") % F.col("b")).alias("mod")).show(truncate=False)
df.select((F.col("w") * F.col("w")).alias("ww"), (F.col("w") + F.col("a")).alias("wa"), (F.col("w") / F.col("b")).alias("wb")).printSchema()
try:
    df.select((F.col("w") * F.col("w")).alias("ww")).collect()
except Exception as e:
    print(type(e).__name__, e.getCondition())
    print(str(e).splitlines()[0])
df.groupBy("k").agg(F.sum("a"), F.avg("a"), F.min("b"), F.max("w"), F.sum("w"), F.avg("b")).orderBy("k").show(truncate=False)
df.agg(F.sum("a").alias("s"), F.avg("w").alias("m")).printSchema()
print(df.agg(F.sum("a"), F.avg("a"), F.sum("w")).collect())
one = spark.createDataFrame([(1,)], "i INT")
for sql in ["1.5 + 2.25", "0.1 * 0.2", "1.0 / 3", "2 / 3.0", "cast(1 as decimal(38,0)) / 3", "10.5 % 3", "-7.5 % 2",
            "cast(99999 as decimal(5,0)) * 10", "cast(12.345 as decimal(10,3)) * cast(1.5 as decimal(3,1))",
            "cast(1e-7 as decimal(10,8))", "cast(0.00000001 as decimal(10,8))", "cast(123.456 as decimal(4,1))", "cast(-0.5 as decimal(1,0))",
            "cast(2.5 as decimal(1,0))", "cast('1.23e2' as decimal(5,1))", "cast(' 7.125 ' as decimal(4,2))", "cast(12.99 as int)",
            "cast(-12.99 as bigint)", "cast(12.5 as double)", "cast(12.5 as string)", "cast(1 as decimal(3,2))", "cast(true as decimal(2,1))",
            "cast(3.14159 as float)", "cast(99.5 as decimal(2,0))", "cast(12345678901234567890 as decimal(20,0)) + 1",
            "cast(1 as decimal(38,37)) + cast(1 as decimal(38,37))"]:
    try:
        r = one.selectExpr(sql).collect()[0][0]
        print(sql, "=>", repr(r), one.selectExpr(sql).schema.fields[0].dataType.simpleString())
    except Exception as e:
        print(sql, "=>", type(e).__name__, e.getCondition())
        print("  ", str(e).splitlines()[0])
spark.conf.set("spark.sql.ansi.enabled", "false")
for sql in ["cast(99999 as decimal(5,0)) * 10", "cast(123.456 as decimal(4,1))", "1.5 / 0", "cast('abc' as decimal(5,2))", "cast(1 as decimal(38,37)) + cast(1 as decimal(38,37))"]:
    print(sql, "=>", repr(one.selectExpr(sql).collect()[0][0]))
df.select((F.col("w") * F.col("w")).alias("ww")).show(truncate=False)
spark.conf.set("spark.sql.ansi.enabled", "true")
pdf = df.toPandas()
print(pdf.dtypes.to_dict())
print([type(v).__name__ for v in pdf["a"]], list(pdf["w"]))
spark.stop()
