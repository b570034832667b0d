from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])


q = spark.sql("select make_interval(1, 2, 3, 4, 5, 6, 7.5) a, make_interval(0, 0, 0, 0, 0, 0, -0.000001) b, make_interval() c, make_interval(1) d, "
              "make_interval(0, -13) e, make_interval(0, 0, 0, 0, 25) f, make_interval(-1, -2, 0, -3, -4, -5, -6.000001) g")
q.show(truncate=False)
q.printSchema()
print(q.dtypes, q.schema.simpleString())
print(q.schema)
attempt("collect", lambda: q.collect())
attempt("collect null", lambda: spark.sql("select make_interval(null, 1) n").collect())
attempt("toPandas", lambda: q.toPandas())
r = spark.range(1)
r.select(F.make_interval(F.lit(1), F.lit(2)), F.make_interval(), F.try_make_interval(F.lit(2147483647), F.lit(12)), F.make_interval(secs=F.lit(1.25)),
         F.make_interval(weeks=F.lit(2), hours=F.lit(-1))).show(truncate=False)
spark.sql("select cast(make_interval(1, 2, 3, 4, 5, 6, 7.5) as string) s, typeof(make_interval(1)) t, to_json(named_struct('a', make_interval(1, 2))) j, "
          "concat('a', make_interval(1, 2)) c, hash(make_interval(1, 2)) h").show(truncate=False)
spark.sql("select cast('1 day 2 hours' as interval) a, cast('interval 1 year -3 months 10 seconds' as interval) b, cast('3 weeks 1.5 seconds' as interval) c, "
          "cast('nonsense' as interval) d").show(truncate=False)
spark.sql("select date'2024-01-31' + make_interval(0, 1) a, timestamp'2024-01-31 10:00:00' + make_interval(0, 1, 0, 1, 2) b, "
          "date'2024-03-31' - make_interval(0, 1) c, timestamp'2024-03-31 10:00:00' - make_interval(0, 1, 0, 1, 2) d, "
          "make_interval(0, 0, 1) + date'2024-02-27' e, timestamp_ntz'2024-01-31 10:00:00' + make_interval(0, 1, 0, 1, 2, 3, 4.5) f, "
          "'2024-01-31' + make_interval(0, 1) g").show(truncate=False)
spark.sql("select make_interval(1) + make_interval(0, 1) a, make_interval(1) - make_interval(0, 1) b, -make_interval(1, 1) c, "
          "make_interval(1, 1, 0, 1, 1) * 1.5 d, make_interval(0, 3, 0, 3) / 2 e, 2 * make_interval(1) f").show(truncate=False)
spark.sql("select extract(year from i) y, extract(month from i) mo, extract(day from i) d, extract(hour from i) h, extract(minute from i) mi, "
          "extract(second from i) s, date_part('month', make_interval(1, 14)) p from (select make_interval(1, 2, 3, 4, 5, 6, 7.5) i)").show()
spark.sql("select array(make_interval(1, 2)) a, named_struct('i', make_interval(0, 0, 0, 1)) s").show(truncate=False)
spark.sql("select count(*) n from (select make_interval(1) a union all select make_interval(0, 12)) group by a").show()
with_tz = spark.sql("select timestamp'2024-03-09 12:00:00' + make_interval(0, 0, 0, 1) a")
spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
spark.sql("select timestamp'2024-03-09 12:00:00' + make_interval(0, 0, 0, 1) a, timestamp'2024-03-09 12:00:00' + make_interval(0, 0, 0, 0, 24) b").show()
spark.conf.set("spark.sql.session.timeZone", "UTC")
attempt("overflow", lambda: spark.sql("select make_interval(178956970, 8)").collect())
attempt("seconds overflow", lambda: spark.sql("select make_interval(0, 0, 0, 0, 0, 0, 1e20)").collect())
attempt("date with micros", lambda: spark.sql("select date'2024-01-31' + make_interval(0, 0, 0, 0, 1)").collect())
attempt("equality", lambda: r.select(F.make_interval(F.lit(1)) == F.make_interval(F.lit(0), F.lit(12))).collect())
attempt("cast to day", lambda: r.select(F.make_interval(days=F.lit(1)).cast("interval day")).collect())
attempt("sort", lambda: r.select(F.make_interval(F.lit(1)).alias("i")).orderBy("i").collect())
spark.stop()
