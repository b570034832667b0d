from decimal import Decimal

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0].split("; line ")[0].rstrip(";"))


df = spark.createDataFrame([(Decimal("12345678901234567890.123456789"), Decimal("3.141592653589793238462643383"))],
                           "a decimal(38,9), b decimal(38,27)")
for loss in ["true", "false"]:
    spark.conf.set("spark.sql.decimalOperations.allowPrecisionLoss", loss)
    print("allowPrecisionLoss", loss)
    out = df.select((F.col("a") + F.col("b")).alias("add"), (F.col("a") * F.col("b")).alias("mul"), (F.col("a") / F.col("b")).alias("div"),
                    (F.col("b") - F.col("a")).alias("sub"), (F.col("a") % F.col("b")).alias("mod"))
    print(out.schema.simpleString())
    attempt("values", lambda: print(out.collect()))
    small = spark.sql("select cast(1.5 as decimal(20,10)) * cast(2.25 as decimal(20,10)) m, cast(1 as decimal(30,2)) / cast(3 as decimal(30,2)) d")
    print(small.schema.simpleString(), small.collect())
    spark.conf.set("spark.sql.ansi.enabled", "false")
    print(df.select((F.col("a") * F.col("b")).alias("mul")).collect())
    spark.conf.set("spark.sql.ansi.enabled", "true")
spark.stop()
