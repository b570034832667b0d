# Spark 4.0's built-in XML source: rows are rowTag elements wherever they sit, attributes as
# prefixed fields (attributePrefix, excludeAttribute), an element's text next to attributes
# as the valueTag field, nested structs, repeated elements as arrays, type inference (long,
# double, boolean, date, timestamp, string; fields sorted), nullValue, the three modes with a
# malformed record, a user schema; df.write.xml (rootTag, rowTag) read back and printed.
import glob
import os
import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.conf.set("spark.sql.session.timeZone", "UTC")
root = "/tmp/tspark_golden_files_xml"
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)


def put(rel, text):
    with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
        f.write(text)


put("books.xml", """<?xml version="1.0"?>
<catalog>
  <book id="bk101" lang="en">
    <author>Gambardella, Matthew</author>
    <title>XML Developer's Guide</title>
    <price>44.95</price>
    <publish_date>2000-10-01</publish_date>
    <count>3</count>
    <available>true</available>
    <tags><tag>xml</tag><tag>dev</tag></tags>
    <note kind="short">first &amp; best</note>
  </book>
  <book id="bk102">
    <author>Ralls, Kim</author>
    <title>Midnight Rain</title>
    <price>5</price>
    <publish_date>2000-12-16</publish_date>
    <count>12</count>
    <available>false</available>
    <tags><tag>fantasy</tag></tags>
    <note>plain</note>
    <seen>2024-01-02T03:04:05Z</seen>
  </book>
  <shelf><book id="bk103"><title>Nested</title><count></count></book></shelf>
</catalog>
""")
df = spark.read.option("rowTag", "book").xml(os.path.join(root, "books.xml"))
df.printSchema()
df.orderBy("_id").show(truncate=False)

df = spark.read.xml(os.path.join(root, "books.xml"), rowTag="book", attributePrefix="@", valueTag="text", inferSchema=False)
df.printSchema()
df.select("`@id`", "note", "count").orderBy("`@id`").show(truncate=False)

df = spark.read.xml(os.path.join(root, "books.xml"), rowTag="book", excludeAttribute=True, nullValue="plain")
df.printSchema()
df.select("title", "note").orderBy("title").show(truncate=False)

put("bad.xml", """<rows>
<r><a>1</a><b>x</b></r>
<r><a>oops</a><b>y</b></r>
<r><a>3</a><b>z</b></r>
</rows>
""")
for mode in ("PERMISSIVE", "DROPMALFORMED"):
    d = spark.read.schema("a INT, b STRING, _corrupt_record STRING").option("mode", mode).xml(os.path.join(root, "bad.xml"), rowTag="r")
    d.show(truncate=False)
d = spark.read.xml(os.path.join(root, "bad.xml"), rowTag="r")
d.printSchema()
d.show()

out = os.path.join(root, "out")
src = spark.createDataFrame(
    [(1, "a<b", 2.5, [1, 2], ("n1", 7)), (2, None, None, [], None)],
    "id INT, name STRING, score DOUBLE, nums ARRAY<INT>, inner STRUCT<x: STRING, y: INT>")
src.coalesce(1).write.option("rowTag", "item").option("rootTag", "items").xml(out)
for p in sorted(glob.glob(os.path.join(out, "part-*"))):
    print(open(p, encoding="utf-8").read())
back = spark.read.xml(out, rowTag="item")
back.printSchema()
back.orderBy("id").show(truncate=False)
try:
    src.write.mode("overwrite").xml(out)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
try:
    spark.read.xml(os.path.join(root, "books.xml")).collect()
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
