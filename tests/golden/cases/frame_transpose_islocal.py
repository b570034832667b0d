import datetime

from _fixtures import attempt, golden_session
from pyspark.sql import functions as F

# df.transpose(indexColumn) with Spark's rules (index values ascending, nulls dropped, the
# values' tightest common type, duplicates kept) and errors; df.isLocal()
spark = golden_session()
df = spark.createDataFrame([("x", 1, 2.0), ("y", 3, 4.5), (None, 5, 6.0)], ["k", "a", "b"])
t = df.transpose()
t.printSchema()
t.show()
df.select("a", "b").transpose(F.col("b")).show()
df.select("a", "b").transpose("a").show()
d2 = spark.createDataFrame([(2, "p", "q"), (1, "r", "s")], ["id", "u", "v"])
d2.transpose().show()
d2.transpose().printSchema()
d3 = spark.createDataFrame([(1.5, 1, None), (0.5, 2, 3)], "f double, a int, b long")
d3.transpose().show()
d3.transpose().printSchema()
spark.createDataFrame([(1, 1, 2)], "i int, a tinyint, b smallint").transpose().printSchema()
spark.createDataFrame([(datetime.date(2020, 1, 2), 1, 2), (datetime.date(2019, 1, 2), 3, None)], ["d", "a", "b"]).transpose().show()
spark.createDataFrame([("x", 1), ("x", 2)], ["k", "a"]).transpose().show()
spark.createDataFrame([("x",)], ["k"]).transpose().printSchema()
print(spark.createDataFrame([("x",)], ["k"]).transpose().count())
spark.createDataFrame([], "k string, a int").transpose().show()
spark.createDataFrame([], "k string, a int").transpose().printSchema()
attempt("mixed", lambda: spark.createDataFrame([("x", 1, "s")], ["k", "a", "b"]).transpose().show())
attempt("by a", lambda: df.transpose(F.col("a")).show())
attempt("int and decimal", lambda: spark.range(1).selectExpr("id", "1 AS a", "CAST(2 AS DECIMAL(5,2)) AS b").transpose().show())
attempt("array index", lambda: spark.createDataFrame([([1], 1)], ["k", "a"]).transpose().show())
attempt("struct index", lambda: spark.createDataFrame([((1,), 1)], "s struct<x:int>, a int").transpose().show())
attempt("not a column", lambda: df.transpose(5))
spark.conf.set("spark.sql.transposeMaxValues", "2")
attempt("too many", lambda: spark.createDataFrame([("x", 1), ("y", 3), ("z", 5)], ["k", "a"]).transpose().show())
spark.conf.unset("spark.sql.transposeMaxValues")

for name, d in [("values", spark.sql("VALUES (1), (2)")), ("show tables", spark.sql("SHOW TABLES")),
                ("select 1", spark.sql("SELECT 1")), ("range", spark.range(2)),
                ("createDataFrame", df), ("values filtered", spark.sql("VALUES (1), (2)").where("col1 > 1")),
                ("select from values", spark.sql("SELECT * FROM VALUES (1), (2)"))]:
    print(name, d.isLocal())
