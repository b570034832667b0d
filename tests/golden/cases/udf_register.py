# Python UDFs: every return type, asNondeterministic, useArrow, spark.udf.register used from
# SQL, expr and selectExpr (a registered name shadows a built-in), UDFs in filter, orderBy,
# groupBy, aggregates and join conditions, and the registration errors.
from datetime import date, datetime
from decimal import Decimal

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.range(4)
for rt, f in [("long", lambda x: x * x), ("double", lambda x: x / 2), ("string", lambda x: "s%d" % x),
              ("boolean", lambda x: x % 2 == 0), ("array<int>", lambda x: list(range(x))),
              ("map<string,int>", lambda x: {"k": x}), ("struct<a:int,b:string>", lambda x: (x, str(x))),
              ("date", lambda x: date(2020, 1, x + 1)), ("timestamp", lambda x: datetime(2020, 1, 1, x)),
              ("decimal(10,2)", lambda x: Decimal(x) / 4), ("binary", lambda x: bytes([x])),
              ("float", lambda x: x * 1.5), ("int", lambda x: x), ("byte", lambda x: x), ("short", lambda x: -x)]:
    out = df.select(F.udf(f, rt)("id").alias("v"))
    print(rt, out.schema.simpleString(), out.collect())
print(df.select(F.udf(lambda x: None, "long")("id")).collect())
u = F.udf(lambda x: x + 1, "long")
print(df.select(u("id"), u(F.col("id") * 10).alias("t")).columns)
print(df.filter(u("id") > 2).collect(), df.orderBy(u("id").desc()).collect())
print(sorted(df.groupBy((u("id") % 2).alias("m")).count().collect()), df.agg(F.sum(u("id"))).collect())
a, b = df.alias("a"), df.alias("b")
print(sorted(a.join(b, u(F.col("a.id")) == F.col("b.id")).collect()))
print(df.select(F.udf(lambda x: x, "long").asNondeterministic()("id")).collect())
print(df.select(F.udf(lambda x: x + 1, "long", useArrow=True)("id")).collect())
plus1 = spark.udf.register("plus1", lambda x: x + 1, "long")
spark.sql("select plus1(id) as p, PLUS1(id * 2) from range(3)").show()
df.selectExpr("plus1(id)", "plus1(plus1(id)) as pp").show()
df.select(plus1("id")).show()
print(spark.sql("select plus1(id) from range(2)").schema.simpleString())
up = F.udf(lambda s: s.upper())
spark.udf.register("up", up)
spark.sql("select up('abc') as u").show()
spark.udf.register("upper", lambda s: "shadow:" + s)
spark.sql("select upper('x')").show()
df.createOrReplaceTempView("t")
spark.sql("select id from t where plus1(id) > 2 order by plus1(id) desc").show()
print(spark.catalog.functionExists("plus1"), spark.catalog.functionExists("no_such_udf"))
try:
    spark.udf.register("bad", up, "int")
except Exception as e:
    print(type(e).__name__, e)
try:
    df.select(F.udf(lambda x: 1 // 0, "long")("id")).collect()
except Exception as e:
    print(type(e).__name__, "ZeroDivisionError" in str(e))
spark.stop()
