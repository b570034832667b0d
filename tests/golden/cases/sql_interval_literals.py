from pyspark.sql import SparkSession

# Interval literals and types at their edges: the smallest year-month literal, structs and arrays
# of intervals next to typed NULLs in VALUES and CASE, the nullability of interval × and ÷, and
# the target type to_date's cast names in its error
spark = SparkSession.builder.appName("golden").config("spark.sql.session.timeZone", "UTC").getOrCreate()


def report(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0])


def show(q):
    df = spark.sql(q)
    print(df.schema.simpleString())
    df.show(truncate=False)


show("SELECT INTERVAL '-178956970-8' YEAR TO MONTH AS a, INTERVAL '178956970-7' YEAR TO MONTH AS b, INTERVAL '-2147483648' MONTH AS c")
show("SELECT INTERVAL -'178956970-7' YEAR TO MONTH AS a, INTERVAL '-178956970' YEAR AS b")
show("SELECT * FROM VALUES (named_struct('a', INTERVAL '1' DAY)), (named_struct('a', CAST(NULL AS INTERVAL DAY))) AS t(s)")
show("SELECT * FROM VALUES (named_struct('a', INTERVAL '1' DAY, 'b', 1)), (named_struct('a', CAST(NULL AS INTERVAL DAY), 'b', 2)) AS t(s)")
show("SELECT * FROM VALUES (named_struct('a', INTERVAL '1 02' DAY TO HOUR)), (named_struct('a', CAST(NULL AS INTERVAL DAY))) AS t(s)")
show("SELECT * FROM VALUES (INTERVAL '1' DAY, 1), (CAST(NULL AS INTERVAL DAY), 2) AS t(a, b)")
show("SELECT CASE WHEN id > 0 THEN array(INTERVAL '2' MONTH, NULL) ELSE array() END AS c FROM range(2)")
show("SELECT CASE WHEN id > 0 THEN array() ELSE array(INTERVAL '2' MONTH, NULL) END AS c FROM range(2)")
for q in ["SELECT INTERVAL '1' DAY * (id - 2) AS a, INTERVAL '1' MONTH * (id - 2) AS b, (id - 2) * INTERVAL '3' HOUR AS c, "
          "INTERVAL '1' DAY / (id + 1) AS d, INTERVAL '1' DAY * 1.5D AS e, INTERVAL '1' DAY * CAST(NULL AS INT) AS f FROM range(3)"]:
    df = spark.sql(q)
    print([(f.name, f.dataType.simpleString(), f.nullable) for f in df.schema.fields])
    df.show(truncate=False)
report(lambda: spark.sql("SELECT INTERVAL '178956970' YEAR * 2").collect())
report(lambda: spark.sql("SELECT INTERVAL '106751990' DAY * 2").collect())
report(lambda: spark.sql("SELECT to_date('x')").collect())
report(lambda: spark.sql("SELECT to_date('x', 'yyyy-MM-dd')").collect())
report(lambda: spark.sql("SELECT to_timestamp('x')").collect())
print(spark.sql("SELECT to_date('2024-03-04 10:11:12'), to_date('2024-03-04T23:59:59+05:00'), to_date(TIMESTAMP'2024-03-04 23:00:00')").collect())
