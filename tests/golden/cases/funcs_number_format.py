from decimal import Decimal
import datetime

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])


s = spark.createDataFrame([("454",), ("12,454",), ("$78.12",), (" 1 2 ",), ("<12>",), ("-5",), ("0012",), (None,)], "s string")
for fmt in ["999", "000.00", "99,999", "$99.99", "99,999.9S", "999PR", "S999", "MI999", "9.9", "99G999D99", "0999", "s9999"]:
    s.select("s", F.try_to_number("s", F.lit(fmt)).alias(fmt)).show()
s.select(F.try_to_number("s", F.lit("99,999.9S")), F.to_number(F.lit("454"), F.lit("999"))).printSchema()
spark.sql("select to_number('12.5', '99d9') a, try_to_number('1,2', '9G9') b, to_number('1', null) c, typeof(to_number('1', null)) t").show()
attempt("mismatch", lambda: s.where(F.col("s") == "<12>").select(F.to_number("s", F.lit("999"))).collect())
for fmt in ["", "$", "9$", "9.$", "9,", "9,,9", "9.9,9", "9.9.9", "SS9", "9A", "99MI9", "PR99", "99PRPR", "9S9", "$$9", "x9"]:
    attempt("fmt %r" % fmt, lambda: s.select(F.to_number(F.lit("1"), F.lit(fmt))).collect())
attempt("precision", lambda: s.select(F.to_number(F.lit("1"), F.lit("9" * 39))).collect())
attempt("non-foldable", lambda: s.select(F.to_number("s", "s")).collect())

n = spark.createDataFrame([(454, 454.0, Decimal("454.00"), -12454.8, 0, 78.12, 1234567, Decimal("-0.5"))],
                          "i int, d double, m decimal(5,2), n double, z int, p double, big int, h decimal(3,1)")
for fmt in ["999", "000D00", "99G999", "$99.99", "99G999D9S", "S999", "MI999", "999MI", "999PR", "9999.99", "0000", ".99", "9", "99.9",
            "$9,999.99PR", "S$999", "0.9"]:
    n.select(*[F.to_char(c, F.lit(fmt)).alias(c) for c in n.columns]).show()
n.select(F.to_char("i", F.lit("999")), F.to_varchar("d", F.lit("999.9")), F.to_char(F.col("i").cast("long"), F.lit("9G999G999"))).show()
d = spark.createDataFrame([(datetime.date(2016, 4, 8), datetime.datetime(2020, 1, 2, 3, 4, 5), bytearray(b"Spark SQL"))], "d date, t timestamp, b binary")
d.select(F.to_char("d", F.lit("y")), F.to_char("t", F.lit("yyyy-MM-dd HH:mm")), F.to_char("b", F.lit("base64")), F.to_char("b", F.lit("hex")),
         F.to_varchar("b", F.lit("utf-8"))).show(truncate=False)
attempt("binary format", lambda: d.select(F.to_char("b", F.lit("b32"))).collect())
attempt("boolean", lambda: n.select(F.to_char(F.lit(True), F.lit("9"))).collect())
attempt("binary null", lambda: d.select(F.to_char("b", F.lit(None).cast("string"))).collect())
attempt("binary non-foldable", lambda: d.select(F.to_char("b", F.col("b").cast("string"))).collect())
spark.sql("select to_char(-5.5, '99.99PR') a, to_char(5.5, '99.99PR') b, to_number('<5.5>', '99.99PR') c, to_char(12.5, 'MI99.99') e").show()
spark.stop()
