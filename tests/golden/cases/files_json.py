# The JSON source and sink: line-delimited and multiLine records, Spark's inference (fields
# sorted by name, long/double/decimal widening, conflicts as strings, nested structs and arrays,
# null-only fields), primitivesAsString, prefersDecimal, allowComments, allowUnquotedFieldNames,
# allowSingleQuotes, dropFieldIfAllNull, the PERMISSIVE / DROPMALFORMED modes with the corrupt
# record column, user schemas with dates and timestamps, and df.write.json read back.
import os
import shutil

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.getOrCreate()
spark.conf.set("spark.sql.session.timeZone", "UTC")
root = "/tmp/tspark_golden_files_json"
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)


def put(name, data):
    with open(os.path.join(root, name), "w") as f:
        f.write(data)
    return os.path.join(root, name)


def show(label, df):
    print("==", label)
    print(df.schema.simpleString())
    for r in df.collect():
        print(repr(r))


lines = put("lines.json", '{"name": "a", "n": 1, "x": 1.5, "ok": true, "tags": ["p", "q"], "st": {"k": 1}}\n'
            '{"n": 3000000000, "name": "b", "x": 2, "nul": null}\n'
            '\n'
            '{"name": "c", "n": 12345678901234567890123, "extra": {"deep": [1, 2.5]}}\n')
bad = put("bad.json", '{"a": 1, "b": "x"}\n{"a": "oops", "b": "y"}\nnot json\n[1, 2]\n{"a": 3}\n')
conflict = put("conflict.json", '{"v": 1}\n{"v": "s"}\n{"v": {"w": 1}}\n')
lenient = put("lenient.json", "// comment\n{unquoted: 1, 'single': 'q'}\n")
multi = put("multi.json", '[\n  {"a": 1, "b": [1, 2]},\n  {"a": 2, "c": {"d": "e"}}\n]\n')
times = put("times.json", '{"d": "2024-01-02", "t": "2024-01-02T03:04:05Z", "e": 1700000000}\n{"d": "02/03/2024", "t": "2024-02-03 04:05:06", "e": 0}\n')
allnull = put("allnull.json", '{"a": 1, "b": null}\n{"a": 2, "b": null}\n')

show("lines", spark.read.json(lines))
show("lines primitivesAsString", spark.read.json(lines, primitivesAsString=True))
show("lines prefersDecimal", spark.read.json(lines, prefersDecimal=True))
show("bad permissive", spark.read.json(bad))
show("bad drop", spark.read.json(bad, mode="DROPMALFORMED"))
show("bad schema", spark.read.json(bad, schema="a int, b string, _corrupt_record string"))
show("bad custom corrupt", spark.read.json(bad, schema="a int, b string, oops string", columnNameOfCorruptRecord="oops"))
show("conflict", spark.read.json(conflict))
show("lenient", spark.read.json(lenient, allowComments=True, allowUnquotedFieldNames=True))
print(spark.read.json(lenient).schema.simpleString())
show("multiLine", spark.read.json(multi, multiLine=True))
show("times", spark.read.json(times, schema="d date, t timestamp, e timestamp"))
show("times fmt", spark.read.json(times, schema="d date", dateFormat="dd/MM/yyyy"))
show("allnull", spark.read.json(allnull))
show("allnull drop", spark.read.json(allnull, dropFieldIfAllNull=True))
show("nested select", spark.read.json(lines).select("name", F.col("st.k").alias("k"), F.size("tags").alias("ntags")).orderBy("name"))
show("format load", spark.read.format("json").load(lines).filter("n > 1").select("name"))

out = root + "/out"
data = spark.createDataFrame(
    [(1, "plain", 1.5, True, None, [1, 2], {"k": "v"}), (2, 'q"uote\n', float("nan"), None, "x", [], {})],
    "id int, s string, d double, b boolean, n string, arr array<int>, m map<string,string>")
data.coalesce(1).write.json(out)
print(sorted(f for f in os.listdir(out) if not f.startswith(".") and not f.startswith("part-")))
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
show("read back", spark.read.json(out).orderBy("id"))
when = spark.createDataFrame([(1,)], "x int").select(F.to_date(F.lit("2024-03-05")).alias("d"), F.to_timestamp(F.lit("2024-03-05 06:07:08.123")).alias("t"), F.lit(12.5).cast("decimal(6,2)").alias("m"), F.struct(F.lit(1).alias("a"), F.lit(None).cast("string").alias("b")).alias("st"))
when.coalesce(1).write.mode("overwrite").json(out)
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
when.coalesce(1).write.mode("overwrite").json(out, ignoreNullFields=False, timestampFormat="yyyy/MM/dd HH:mm")
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
data.write.mode("overwrite").json(root + "/gz", compression="gzip")
print(set(f.endswith(".json.gz") for f in os.listdir(root + "/gz") if f.startswith("part-")))
show("gzip back", spark.read.json(root + "/gz").select("id", "s").orderBy("id"))
os.makedirs(root + "/empty")
try:
    spark.read.json(root + "/empty")
except Exception as e:
    print(type(e).__name__, e)
