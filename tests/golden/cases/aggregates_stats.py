from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [("a", 1, 2.0, True, 5), ("a", 2, 4.5, False, 3), ("a", 3, None, True, 6), ("a", 4, 7.0, None, 12),
     ("b", 10, 1.0, True, 1), ("b", None, 3.0, True, 2), ("c", 5, 5.0, False, None), ("d", None, None, None, None)],
    "k STRING, i INT, x DOUBLE, b BOOLEAN, m INT",
)
r = lambda c: F.round(c, 6)
df.groupBy("k").agg(r(F.corr("i", "x")), r(F.covar_pop("i", "x")), r(F.covar_samp("i", "x")), F.count_if(F.col("i") > 1),
                    F.max_by("k", "x"), F.min_by("i", "x")).orderBy("k").show()
df.groupBy("k").agg(r(F.skewness("x")), r(F.kurtosis("x")), F.product("i"), F.bool_and("b"), F.bool_or("b"), F.every("b"), F.some("b")).orderBy("k").show()
df.groupBy("k").agg(F.bit_and("m"), F.bit_or("m"), F.bit_xor("m"), F.median("x"), F.percentile("i", 0.5), F.percentile("x", [0.25, 0.75]),
                    F.percentile_approx("i", 0.5), F.approx_percentile("x", [0.1, 0.9], 100)).orderBy("k").show(truncate=False)
df.groupBy("k").agg(F.regr_count("x", "i"), r(F.regr_avgx("x", "i")), r(F.regr_avgy("x", "i")), r(F.regr_slope("x", "i")),
                    r(F.regr_intercept("x", "i")), r(F.regr_r2("x", "i")), r(F.regr_sxx("x", "i")), r(F.regr_syy("x", "i")),
                    r(F.regr_sxy("x", "i"))).orderBy("k").show()
df.groupBy("k").agg(F.first_value("x"), F.last_value("x", True), F.array_agg("i")).orderBy("k").show()
df.select(r(F.corr("i", "x")), F.count_if(F.col("b")), F.max_by("i", "m"), F.percentile("i", 0.3), F.median("i"), F.bit_xor("i"),
          F.percentile_approx("x", [0.0, 0.5, 1.0], 1000)).show(truncate=False)
df.groupBy("k").agg(F.sum_distinct("i"), F.countDistinct("b"), F.count_if(F.col("i") > 2)).orderBy("k").show()
df.selectExpr("count_if(i > 1)", "bool_and(b)", "any(b)", "max_by(k, i)", "percentile(i, 0.5)", "median(x)",
              "percentile_approx(i, 0.5)").show()
df.groupBy("k").agg(F.corr("i", "x"), F.percentile("x", [0.5]), F.max_by("k", "x"), F.bit_and("m"), F.product("i")).printSchema()
print(df.agg(F.percentile("i", 0.5), F.percentile_approx("x", 0.5), F.first_value("x"), F.array_agg("i"), F.regr_r2("x", "i")).columns)
spark.stop()
