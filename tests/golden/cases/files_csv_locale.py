# The CSV `locale` option: month names in dateFormat/timestampFormat (read, infer and write)
# and the locale's decimal separators for DECIMAL columns (Spark's DecimalFormat parser).
import os
import shutil

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.master("local[1]").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
base = "/tmp/tspark_golden_files_csv_locale"
shutil.rmtree(base, ignore_errors=True)
os.makedirs(base)


def write(name, text):
    path = f"{base}/{name}"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def rows(df):
    return [tuple(r) for r in df.collect()]


p = write("l.csv", "1.000,5;01 janv. 2020;3,25\n2,5;15 févr. 2021;1.234\n-7;31 déc. 1999;x\n")
schema = "d DECIMAL(10,2), t DATE, x DOUBLE"
for loc in ["de-DE", "fr-FR", "en-US", "xx-YY"]:
    r = spark.read.option("sep", ";").option("locale", loc).option("dateFormat", "dd MMM yyyy")
    print(loc, rows(r.schema(schema).csv(p)))
print(spark.read.option("sep", ";").option("locale", "fr-FR").option("inferSchema", True).option("dateFormat", "dd MMM yyyy").csv(p).schema.simpleString())
print(spark.read.option("sep", ";").option("locale", "de-DE").option("inferSchema", True).csv(p).schema.simpleString())
big = write("big.csv", "1.234.567.890.123.456.789\n12\n")
print(spark.read.option("locale", "de-DE").option("inferSchema", True).csv(big).schema.simpleString())

ts = write("ts.csv", "Jan. 05 2020,1\nMärz 07 2021,2\nMär 07 2021,3\n")
print(rows(spark.read.option("locale", "de-DE").schema("t TIMESTAMP, n INT").option("timestampFormat", "MMM dd yyyy").csv(ts)))
print(rows(spark.read.schema("t TIMESTAMP, n INT").option("timestampFormat", "MMMM dd yyyy").csv(write("en.csv", "January 05 2020,1\n"))))

df = spark.range(1).select(F.lit("2020-02-05").cast("date").alias("d"), F.lit("2021-08-01 10:00:00").cast("timestamp").alias("t"), F.lit(1234.5).cast("decimal(10,2)").alias("m"))
for loc in ["fr-FR", "de-DE"]:
    out = f"{base}/w-{loc}"
    df.coalesce(1).write.option("locale", loc).option("dateFormat", "dd MMMM yyyy").option("timestampFormat", "MMM d yyyy HH:mm").csv(out)
    part = [x for x in sorted(os.listdir(out)) if x.startswith("part")][0]
    with open(f"{out}/{part}", encoding="utf-8") as f:
        print(loc, repr(f.read()))
