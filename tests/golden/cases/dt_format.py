import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("dt_format").config("spark.sql.session.timeZone", "UTC").getOrCreate()
df = spark.createDataFrame([(datetime.datetime(2024, 3, 5, 7, 8, 9, 12345), datetime.date(2024, 3, 5)),
                            (datetime.datetime(1999, 12, 31, 23, 0, 0), datetime.date(1999, 12, 31)),
                            (datetime.datetime(2024, 7, 14, 12, 0, 0, 500000), datetime.date(1, 1, 1)), (None, None)], "t TIMESTAMP, d DATE")
pats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yy/M/d h:m:s a", "yyyyMMdd'T'HHmmss.SSS", "MMM dd, yyyy", "MMMM", "EEE EEEE E", "D DD DDD", "Q QQ QQQ QQQQ",
        "HH:mm:ss.SSSSSS", "S SS SSSSSSSSS", "k K h H", "'quoted ''text'''", "G yyyy", "y yyy yyyyy", "L LL LLL", "a", "dd.MM.yyyy", "F", "[yyyy]-MM", "VV", "z zzzz",
        "X XX XXX", "x xx xxx", "Z ZZZZ ZZZZZ", "O OOOO", "uuuu", "YYYY", "e", "A", "MMMMM", "ddd", "HHH", "aa", "yyyyyyyyyyy", "#", "{", "q", "n", "'unterminated"]
for zone in ["UTC", "America/Los_Angeles"]:
    spark.conf.set("spark.sql.session.timeZone", zone)
    print("== zone", zone)
    for p in pats:
        try:
            r = df.select(F.date_format("t", p).alias("a"), F.date_format("d", p).alias("b")).collect()
            print(repr(p), [tuple(x) for x in r])
        except Exception as e:
            print(repr(p), type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
            print("  ", str(e).strip().splitlines()[0])
spark.conf.set("spark.sql.session.timeZone", "UTC")
s = spark.createDataFrame([("2024-03-05 07:08:09",), ("2024-03-05",), (None,)], "s STRING")
s.select(F.date_format("s", "dd/MM/yyyy HH:mm")).show()
vals = ["05/03/2024 07:08", "5/3/2024 7:08", "31/02/2024 00:00", "05/03/2024 07:08:09", None]
d = spark.createDataFrame([(v,) for v in vals], "s STRING")
for p in ["dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "dd/MM/yyyy HH:mm[:ss]"]:
    for fn in ["to_timestamp", "to_date", "to_timestamp_ntz", "to_timestamp_ltz", "unix_timestamp", "try_to_timestamp", "to_unix_timestamp"]:
        # One row per query: which failing row Spark reports first depends on its partitions.
        for v in vals if fn not in ("to_timestamp", "to_date", "unix_timestamp") else vals[:1]:
            one = spark.createDataFrame([(v,)], "s STRING")
            try:
                print(p, fn, repr(v), [tuple(x) for x in one.select(getattr(F, fn)("s", F.lit(p))).collect()])
            except Exception as e:
                print(p, fn, repr(v), type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
                print("  ", str(e).strip().splitlines()[0])
cases = [("2024-03-05 07:08:09.123", "yyyy-MM-dd HH:mm:ss.SSS"), ("2024-03-05 07:08:09.1", "yyyy-MM-dd HH:mm:ss.SSS"), ("2024-03-05 07:08:09.1234", "yyyy-MM-dd HH:mm:ss.SSS"),
         ("20240305070809", "yyyyMMddHHmmss"), ("Mar 5, 2024 7:08 PM", "MMM d, yyyy h:mm a"), ("March 05 2024", "MMMM dd yyyy"), ("2024-03-05T07:08:09+0100", "yyyy-MM-dd'T'HH:mm:ssZ"),
         ("2024-03-05 07:08:09 -08:00", "yyyy-MM-dd HH:mm:ss XXX"), ("2024-03-05 07:08 Europe/Berlin", "yyyy-MM-dd HH:mm VV"), ("2024-03-05 07:08 PST", "yyyy-MM-dd HH:mm z"),
         ("24-03-05", "yy-MM-dd"), ("70-01-01", "yy-MM-dd"), ("2024-065", "yyyy-DDD"), ("12:30", "HH:mm"), ("2024", "yyyy"), ("2024-13-01", "yyyy-MM-dd"),
         ("2024-02-30", "yyyy-MM-dd"), (" 2024-03-05", "yyyy-MM-dd"), ("2024-3-5", "yyyy-MM-dd"), ("Tue 2024-03-05", "EEE yyyy-MM-dd"), ("2024-03-05 25:00", "yyyy-MM-dd HH:mm"),
         ("1 2024", "Q yyyy"), ("AD 2024", "G yyyy"), ("12 AM", "hh a"), ("2024-03-05 07", "yyyy-MM-dd hh")]
for v, p in cases:
    try:
        print(repr(v), repr(p), [tuple(x) for x in spark.createDataFrame([(v,)], "s STRING").select(F.to_timestamp("s", p), F.try_to_timestamp("s", F.lit(p))).collect()])
    except Exception as e:
        print(repr(v), repr(p), type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
        print("  ", str(e).strip().splitlines()[0])
spark.conf.set("spark.sql.ansi.enabled", "false")
print([tuple(x) for x in d.select(F.to_timestamp("s", "dd/MM/yyyy HH:mm"), F.to_date("s", "dd/MM/yyyy HH:mm"), F.unix_timestamp("s", "dd/MM/yyyy HH:mm")).collect()])
spark.conf.set("spark.sql.ansi.enabled", "true")
n = spark.createDataFrame([(0,), (1700000000,), (-1,), (None,)], "n LONG")
n.select(F.from_unixtime("n"), F.from_unixtime("n", "yyyy-MM-dd"), F.timestamp_seconds("n"), F.timestamp_millis("n"), F.timestamp_micros("n"), F.date_from_unix_date(F.col("n").cast("int") % 100000)).show(truncate=False)
s.select(F.to_timestamp("s"), F.to_date("s"), F.to_timestamp_ntz("s"), F.to_timestamp_ltz("s")).show()
try:
    s.select(F.unix_timestamp("s")).show()
except Exception as e:
    print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
    print(str(e).strip().splitlines()[0])
s.filter(F.length("s") > 10).select(F.unix_timestamp("s")).show()
s.select(F.to_timestamp("s"), F.to_date("s"), F.to_timestamp_ntz("s")).printSchema()
spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
s.filter(F.length("s") > 10).select(F.unix_timestamp("s"), F.from_unixtime(F.unix_timestamp("s")), F.to_timestamp("s"), F.to_timestamp_ntz("s")).show()
n.select(F.from_unixtime("n", "yyyy-MM-dd HH:mm:ss z")).show(truncate=False)
print(n.select(F.timestamp_seconds("n")).collect())
