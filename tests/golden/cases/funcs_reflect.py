from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])


r = spark.range(1)
r.select(F.reflect(F.lit("java.net.URLDecoder"), F.lit("decode"), F.lit("a%20b%2Bc"), F.lit("UTF-8")).alias("dec"),
         F.java_method(F.lit("java.net.URLEncoder"), F.lit("encode"), F.lit("a b+c/é"), F.lit("UTF-8")).alias("enc"),
         F.try_reflect(F.lit("java.net.URLDecoder"), F.lit("decode"), F.lit("%zz"), F.lit("UTF-8")).alias("bad"),
         F.reflect(F.lit("java.util.UUID"), F.lit("fromString"), F.lit("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")).alias("uuid"),
         F.length(F.reflect(F.lit("java.util.UUID"), F.lit("randomUUID"))).alias("random_len")).show(truncate=False)
r.select(F.reflect(F.lit("java.lang.Math"), F.lit("abs"), F.lit(-2)).alias("a"), F.reflect(F.lit("java.lang.Math"), F.lit("sqrt"), F.lit(2.0)).alias("b"),
         F.reflect(F.lit("java.lang.Math"), F.lit("max"), F.lit(3), F.lit(7)).alias("c"), F.reflect(F.lit("java.lang.Math"), F.lit("pow"), F.lit(2.0), F.lit(10.0)).alias("d"),
         F.reflect(F.lit("java.lang.String"), F.lit("valueOf"), F.lit(1.5)).alias("e"), F.reflect(F.lit("java.lang.Integer"), F.lit("parseInt"), F.lit("42")).alias("f"),
         F.reflect(F.lit("java.lang.Math"), F.lit("abs"), F.lit(-2.5)).alias("g"), F.reflect(F.lit("java.lang.Math"), F.lit("min"), F.lit(3).cast("long"), F.lit(-7).cast("long")).alias("h")).show()
print(r.select(F.reflect(F.lit("java.lang.Math"), F.lit("abs"), F.lit(-1)), F.java_method(F.lit("java.lang.Math"), F.lit("abs"), F.lit(-1)),
               F.try_reflect(F.lit("java.lang.Math"), F.lit("abs"), F.lit(-1))).schema)
attempt("no class", lambda: r.select(F.reflect(F.lit("no.such.Clazz"), F.lit("x"))).collect())
attempt("no method", lambda: r.select(F.reflect(F.lit("java.lang.Math"), F.lit("nosuch"), F.lit(1))).collect())
attempt("argument types", lambda: r.select(F.reflect(F.lit("java.lang.Math"), F.lit("abs"), F.lit("x"))).collect())
attempt("non-foldable", lambda: r.select(F.reflect(F.col("id").cast("string"), F.lit("abs"))).collect())
attempt("one argument", lambda: r.select(F.reflect(F.lit("java.lang.Math"))).collect())
spark.stop()
