# The text source: lines (\n, \r\n, \r), wholetext, lineSep, Hive partition directories with
# inferred types and pruning (explain's FileScan line, ids normalised), globs, lists of paths,
# recursiveFileLookup, pathGlobFilter, and the errors of a missing path and a bad save mode;
# then df.write.text with modes, partitionBy and gzip, read back.
import gzip
import io
import contextlib
import os
import re
import shutil

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.getOrCreate()
root = "/tmp/tspark_golden_files_text"
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root + "/plain")


def put(rel, data):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)


put("plain/a.txt", b"alpha\nbeta\r\ngamma\rdelta\n\nlast")
put("plain/b.txt", b"one\ntwo\n")
put("plain/_ignored.txt", b"hidden\n")
put("plain/.also_ignored", b"hidden\n")
put("sep.txt", b"x|y||z")
put("part/year=2024/month=1/f.txt", b"jan24\n")
put("part/year=2024/month=2/f.txt", b"feb24\n")
put("part/year=2025/month=1/f.txt", b"jan25\n")
put("strpart/tag=a%3Db/f.txt", b"escaped\n")
put("strpart/tag=__HIVE_DEFAULT_PARTITION__/f.txt", b"null tag\n")
put("nested/one/f.txt", b"n1\n")
put("nested/two/deeper/g.log", b"n2\n")
put("nested/two/h.txt", b"n3\n")
put("zipped/c.txt.gz", gzip.compress(b"z1\nz2\n"))


def explain(df):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    print(re.sub(r"#\d+", "#N", buf.getvalue()), end="")


def rows(df):
    for r in sorted(df.collect(), key=lambda r: str(r)):
        print(r)


df = spark.read.text(root + "/plain/a.txt")
df.printSchema()
df.show()
explain(df)
rows(spark.read.text(root + "/plain"))
rows(spark.read.text(root + "/plain", wholetext=True))
rows(spark.read.text(root + "/sep.txt", lineSep="|"))
rows(spark.read.text([root + "/plain/b.txt", root + "/sep.txt"]))
rows(spark.read.text(root + "/plain/*.txt"))
rows(spark.read.format("text").load(root + "/zipped"))

p = spark.read.text(root + "/part")
p.printSchema()
rows(p)
q = p.filter((F.col("year") == 2024) & (F.col("month") > 1))
explain(q)
rows(q)
s = spark.read.text(root + "/strpart")
s.printSchema()
rows(s)
rows(spark.read.text(root + "/nested", recursiveFileLookup=True))
rows(spark.read.text(root + "/nested", recursiveFileLookup=True, pathGlobFilter="*.txt"))

for bad in [root + "/missing", root + "/missing*/x.txt"]:
    try:
        spark.read.text(bad)
    except Exception as e:
        print(type(e).__name__, e)

out = root + "/out"
data = spark.createDataFrame([("a", 1), ("b", 2), ("c", 1)], "value string, k int")
data.select("value").write.text(out)
print(sorted(f for f in os.listdir(out) if not f.startswith(".") and not f.startswith("part-")))
rows(spark.read.text(out))
try:
    data.select("value").write.text(out)
except Exception as e:
    print(type(e).__name__, e)
data.select("value").write.mode("ignore").text(out)
data.filter("k = 1").select("value").write.mode("append").text(out)
rows(spark.read.text(out))
data.filter("k = 2").select("value").write.mode("overwrite").text(out)
rows(spark.read.text(out))
try:
    data.select("value").write.mode("sideways").text(out)
except Exception as e:
    print(type(e).__name__, e)

data.write.partitionBy("k").text(root + "/byk")
print(sorted(d for d in os.listdir(root + "/byk") if not d.startswith(".")))
rows(spark.read.text(root + "/byk"))
data.select("value").write.text(root + "/gz", compression="gzip")
print(set(f.endswith(".txt.gz") for f in os.listdir(root + "/gz") if f.startswith("part-")))
rows(spark.read.text(root + "/gz"))
