from _fixtures import golden_session, sql_reporter

# Malformed interval literals: Spark's interval string parser's INVALID_INTERVAL_FORMAT reasons
# (raised bare, as IllegalArgumentException), the unit-to-unit patterns, typed literals'
# INVALID_TYPED_LITERAL and the legacy errors, each with its query context, and the literals
# the same parser accepts (units repeated, plural, sub-second, an `interval` prefix)
spark = golden_session()
spark.conf.set("spark.sql.session.timeZone", "UTC")
report = sql_reporter(spark)
for q in [
    "SELECT INTERVAL '1 2' DAY",
    "SELECT INTERVAL 'abc' DAY",
    "SELECT INTERVAL 'x' SECOND",
    "SELECT INTERVAL '1.5' DAY",
    "SELECT INTERVAL '-' DAY",
    "SELECT INTERVAL '2147483648' MONTH",
    "SELECT INTERVAL '99999999999' DAY",
    "SELECT INTERVAL '1.1234567890 second'",
    "SELECT INTERVAL '1-13' YEAR TO MONTH",
    "SELECT INTERVAL '1 year 2 month' YEAR TO MONTH",
    "SELECT INTERVAL '1 25:00:00' DAY TO SECOND",
    "SELECT INTERVAL '10 11:12:13.123' DAY TO HOUR",
    "SELECT INTERVAL '1' DAY TO SECOND",
    "SELECT INTERVAL '1' YEAR TO SECOND",
    "SELECT INTERVAL '1' HOUR TO DAY",
    "SELECT INTERVAL 'abc'",
    "SELECT INTERVAL ''",
    "SELECT INTERVAL '1 day 2 dayz'",
    "SELECT INTERVAL '1 day -'",
    "SELECT INTERVAL '1 days 2'",
    "SELECT INTERVAL 'intervalx 1 day'",
    "SELECT INTERVAL '3 microseconds 5 nanoseconds'",
    "SELECT INTERVAL '1 year 1 day'",
    "SELECT INTERVAL 1 year 1 day",
]:
    print(q)
    report(q)
(spark.sql("SELECT INTERVAL '1 day 1 day' AS a, INTERVAL 'interval 1 day' AS b, INTERVAL '  2 hours  30 minutes ' AS c, "
                "INTERVAL '1 day 30 microseconds' AS d, INTERVAL '.5 seconds' AS e, INTERVAL '-1 day +2 hours' AS f, "
                "INTERVAL 1 day 2 hours AS g, INTERVAL '1' year '2' month AS h, INTERVAL '1.5' SECOND AS i").show(truncate=False))
spark.range(1).selectExpr("INTERVAL '2' DAY + INTERVAL '3 hours' AS x").show(truncate=False)
