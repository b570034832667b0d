# XML reader options: wildcardColName (string / array / renamed / other types) and locale
# (month names in dateFormat, the locale's decimal separators).
import os
import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[1]").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
base = "/tmp/tspark_golden_files_xml_options"
shutil.rmtree(base, ignore_errors=True)
os.makedirs(base)


def write(name, text):
    path = f"{base}/{name}"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def rows(df):
    return [tuple(r) for r in df.collect()]


p = write("a.xml", "<rows><row><a>1</a><b>x</b><c><d>2</d></c></row><row><a>2</a><e>y</e><e>z</e></row><row><a>3</a></row></rows>")
read = spark.read.option("rowTag", "row")
print(rows(read.schema("a INT, xs_any STRING").xml(p)))
print(rows(read.schema("a INT, xs_any ARRAY<STRING>").xml(p)))
print(rows(read.option("wildcardColName", "rest").schema("a INT, rest ARRAY<STRING>").xml(p)))
print(rows(spark.read.option("rowTag", "row").schema("a INT, xs_any INT").xml(p)))

p3 = write("c.xml", "<rows><row><d>01 janv. 2020</d><m>1.000,5</m></row><row><d>15 févr. 2021</d><m>2,5</m></row></rows>")
for loc in ["fr-FR", "de-DE", "en-US"]:
    print(loc, rows(spark.read.option("rowTag", "row").option("locale", loc).option("dateFormat", "dd MMM yyyy").schema("d DATE, m DECIMAL(10,2)").xml(p3)))
print(spark.read.option("rowTag", "row").option("locale", "fr-FR").option("dateFormat", "dd MMM yyyy").xml(p3).schema.simpleString())
