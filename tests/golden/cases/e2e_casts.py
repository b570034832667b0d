from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("cmp4").config("spark.sql.session.timeZone", "UTC").getOrCreate()
df = spark.createDataFrame([("x",)], "s STRING")
def one(sql):
    try:
        print(sql, "=>", df.selectExpr(sql).collect()[0][0])
    except Exception as e:
        print(sql, "=>", type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
for sql in ["cast('1.5' as int)", "cast(' 12 ' as int)", "cast('1e3' as int)", "cast('1e3' as double)", "cast('NaN' as double)", "cast('inf' as double)",
            "cast('-Infinity' as double)", "cast('true ' as boolean)", "cast('2024-1-2' as date)", "cast('2024-01-02T03:04:05Z' as timestamp)",
            "cast('2024-01-02 03:04' as timestamp)", "cast('2024' as date)", "cast(1.9 as int)", "cast(-1.9 as int)", "cast(3.999 as decimal(3,2))",
            "cast(12345.6 as decimal(4,1))", "cast('12.345' as decimal(5,2))", "cast(true as int)", "cast(0 as boolean)", "cast(2.5 as string)",
            "cast(1e20 as bigint)", "cast(cast(1 as double) as string)", "cast(100 as tinyint)", "cast(300 as tinyint)", "cast('0x10' as int)",
            "cast('+5' as int)", "cast('1d' as double)", "cast('' as int)", "cast(date'2024-01-02' as timestamp)", "cast(timestamp'2024-01-02 10:00:00' as date)",
            "cast(1.5 as float)", "cast(0.1 as float)", "cast(cast(0.1 as float) as double)", "cast(cast(0.1 as float) as string)", "cast(null as string)"]:
    one(sql)
spark.stop()
