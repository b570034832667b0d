# Casts between the atomic types, in ANSI mode (Spark 4's default) and with
# spark.sql.ansi.enabled=false: each value, target type, and the result or the error class.
from pyspark.sql import SparkSession
spark = SparkSession.builder.appName("types_cast_matrix").config("spark.sql.session.timeZone", "UTC").getOrCreate()
one = spark.range(1)
values = ["cast(127 as tinyint)", "cast(-32768 as smallint)", "2147483647", "9223372036854775807", "cast(-1.5 as float)", "1e300", "cast('NaN' as double)",
          "cast(12345.678 as decimal(8,3))", "'123'", "' -7 '", "'1.9'", "'abc'", "'true'", "''", "true", "X'6162'", "date'2024-02-29'",
          "INTERVAL '3' DAY", "INTERVAL '2' YEAR"]
# (timestamp sources and targets belong with the datetime casts, cast-datetime.ts)
targets = ["tinyint", "smallint", "int", "bigint", "float", "double", "decimal(5,2)", "string", "boolean", "binary", "date", "interval day", "interval year"]
for ansi in ["true", "false"]:
    spark.conf.set("spark.sql.ansi.enabled", ansi)
    print("ansi", ansi)
    for v in values:
        cells = []
        for t in targets:
            try:
                r = one.selectExpr(f"cast({v} as {t}) AS x").collect()[0][0]
                cells.append(f"{t}={r!r}")
            except Exception as e:
                cond = e.getCondition() if hasattr(e, "getCondition") else None
                cells.append(f"{t}=!{cond or type(e).__name__}")
        print(v, "|", "; ".join(cells))
spark.stop()
