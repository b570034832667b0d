from _fixtures import attempt, attempt_condition, golden_session
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

spark = golden_session()

df = spark.createDataFrame([("Abc", "ABC"), ("abc", "xyz"), ("ß", "SS"), ("İ", "i"), (None, "a")], "a string, b string").coalesce(1)
d2 = df.select(F.collate("a", "UTF8_LCASE").alias("l"), F.collate("b", "UNICODE_CI").alias("u"), "a", "b")

# types: printSchema, dtypes, schema objects, simpleString, DDL
d2.printSchema()
print(d2.dtypes)
print(d2.schema)
print(StringType("UNICODE_CI").simpleString(), repr(StringType("UTF8_LCASE")), StringType("UTF8_BINARY") == StringType())
print(spark.createDataFrame([("A",)], "s string collate utf8_lcase").schema)
print(spark.createDataFrame([("A",)], StructType([StructField("s", StringType("UNICODE"))])).schema)
print(spark.sql("select cast('a' as string collate unicode_ci) as x").schema)
d2.select(F.array("l").alias("arr"), F.struct("u").alias("st")).printSchema()

# collate / collation
d2.select(F.collation("l"), F.collation("a"), F.collation(F.collate("a", "unicode_ci")), F.typeof("l")).show(1, truncate=False)
print(df.select(F.collate("a", "de_CI_AI"), F.collate("a", "unicode_ci_ai"), F.collate("a", "utf8_binary")).schema)

# equality and comparison
d2.select("a", F.col("l") == "ABC", F.col("u") == "abc", F.col("l") < "B", F.col("u") > "b", F.collate("a", "UTF8_LCASE") == F.col("b")).show(truncate=False)
d2.select(F.col("l").isin("ABC", "x"), F.col("l").eqNullSafe(F.lit("ABC")), F.greatest("l", F.lit("B"))).show(truncate=False)
spark.sql("select 'a' = 'A' collate utf8_lcase, 'a' collate unicode_ci = 'A', 'ä' collate unicode_ci_ai = 'A', 'a' < 'B' collate unicode, 'a' collate unicode = 'A'").show(truncate=False)

# collation-aware string functions
d2.select(F.col("l").contains("B"), F.col("u").contains("B"), F.startswith("l", F.lit("AB")), F.endswith("u", F.lit("c")), F.col("u").startswith("a")).show(truncate=False)
d2.select(F.instr("l", "C"), F.locate("C", "u"), F.replace("l", F.lit("B"), F.lit("-")), F.replace("u", F.lit("b"), F.lit("_"))).show(truncate=False)
d2.select(F.upper("l"), F.lower("l"), F.substring("l", 1, 2), F.trim("u"), F.length("l")).show()
print(d2.select(F.upper("l"), F.lower("u"), F.concat("l", F.lit("Q")), F.coalesce("l", F.lit("z"))).dtypes)
d2.select(F.col("l").like("a%"), F.col("l").like("AB_")).show()

# grouping, distinct, sorting, joins
d2.groupBy("l").count().orderBy("l").show()
d2.groupBy("u").count().orderBy("u").show()
print(d2.select("l").distinct().count(), d2.select("u").distinct().count())
words = spark.createDataFrame([(x,) for x in ["b", "A", "a", "B", "ä", "Ä", "z", "_x", "1"]], "s string").coalesce(1)
for c in ["UNICODE", "UNICODE_CI", "UTF8_LCASE", "UTF8_BINARY"]:
    print(c, [r.s for r in words.select(F.collate("s", c).alias("s")).orderBy("s").collect()])
print([r.s for r in words.select(F.collate("s", "UTF8_LCASE").alias("s")).orderBy(F.desc("s")).collect()])
print(d2.alias("x").join(d2.alias("y"), F.col("x.l") == F.collate(F.col("y.b"), "UTF8_LCASE")).select("x.l", "y.b").orderBy("x.a", "y.b").collect())
print(d2.agg(F.min("l"), F.max("u")).collect())

# errors
attempt("explicit mismatch", lambda: df.select(F.collate("a", "UTF8_LCASE") == F.collate("b", "UNICODE")).collect())
attempt("implicit mismatch", lambda: d2.select(F.col("l") == F.col("u")).collect())
attempt("implicit vs default", lambda: d2.select(F.col("l") == F.col("b")).collect())
attempt_condition("bad name", lambda: df.select(F.collate("a", "UTF8_LCAS")).collect())
attempt_condition("bad name sql", lambda: spark.sql("select 'a' collate unicod").collect())
attempt("trim collation", lambda: df.select(F.collate("a", "UNICODE_RTRIM")).collect())
attempt("like unicode_ci", lambda: d2.select(F.col("u").like("a%")).collect())
attempt("rlike unicode_ci", lambda: d2.select(F.col("u").rlike("a")).collect())
attempt("collate int", lambda: df.select(F.collate(F.lit(1), "UNICODE")).collect())
attempt("collation int", lambda: df.select(F.collation(F.lit(1))).collect())
