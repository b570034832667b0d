import re

from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import StructType, StructField, IntegerType, StringType

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        # Errors raised while rows are computed reach PySpark wrapped in a Py4JJavaError; print the condition.
        found = re.search(r"\[([A-Z_.]+)\] [^\n]*", str(e))
        print(label, found.group(0).split(" SQLSTATE")[0].split("; line ")[0] if found else type(e).__name__)


docs = spark.createDataFrame([('<p><a>1</a><b>x</b></p>',), ('<p a="7"><b>y</b><b>z</b><c>1.5</c></p>',), ('<p><a>x</a></p>',), ('bad',), (None,)], "x string")
parsed = docs.select(F.from_xml("x", "a INT, b STRING").alias("r"))
parsed.show(truncate=False)
parsed.printSchema()
print(parsed.collect(), parsed.columns)
schema = StructType([StructField("_a", IntegerType()), StructField("b", StringType()), StructField("c", StringType())])
print(docs.select(F.from_xml("x", schema).alias("r")).collect())
inferred = docs.select(F.from_xml("x", F.schema_of_xml('<p a="7"><b>y</b><b>z</b><c>1.5</c></p>')).alias("r"))
inferred.printSchema()
print(inferred.collect())
print(docs.select(F.from_xml("x", "a STRING", {"attributePrefix": "@"})).collect())
print(spark.range(1).select(F.schema_of_xml(F.lit('<p a="1"><b>x</b><b>y</b><c>1.5</c><d><e>t</e></d></p>')).alias("s")).collect())
print(spark.range(1).select(F.schema_of_xml('<p><a>1</a><a>2.5</a><t>2020-01-01</t></p>', {"inferSchema": "true"})).collect())
rows = spark.createDataFrame([(1, "x", [1, 2], (3, "q")), (None, "<&>", None, None)], "a int, _b string, c array<int>, d struct<e:int,f:string>")
out = rows.select(F.to_xml(F.struct("a", "_b", "c", "d")).alias("x"))
out.show(truncate=False)
print(out.collect(), rows.select(F.to_xml(F.struct("a"))).columns)
print(rows.select(F.to_xml(F.struct("a", "_b"), {"rowTag": "row", "attributePrefix": "_"})).collect())
attempt("failfast", lambda: docs.select(F.from_xml("x", "a INT", {"mode": "FAILFAST"})).collect())
attempt("not struct", lambda: spark.range(1).select(F.to_xml(F.lit(1))).collect())
attempt("non-foldable", lambda: docs.select(F.schema_of_xml(F.col("x"))).collect())
spark.stop()
