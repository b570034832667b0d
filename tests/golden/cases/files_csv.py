# The CSV source and sink with Spark's options and semantics: header, inferSchema (Spark's type
# ladder and widening), quote/escape/unescaped quotes, nullValue/emptyValue/nanValue/
# positiveInf/negativeInf, comment, whitespace trimming, sep (also multi-character), multiLine,
# lineSep, encoding, dateFormat/timestampFormat, header name clean-up, the PERMISSIVE /
# DROPMALFORMED modes with columnNameOfCorruptRecord (ragged rows, bad values), gzip input,
# and df.write.csv with header/quoteAll/escapeQuotes/nullValue/sep/compression read back.
import gzip
import io
import contextlib
import os
import re
import shutil

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.getOrCreate()
spark.conf.set("spark.sql.session.timeZone", "UTC")
root = "/tmp/tspark_golden_files_csv"
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)


def put(name, data):
    with open(os.path.join(root, name), "wb") as f:
        f.write(data)
    return os.path.join(root, name)


def show(label, df):
    print("==", label)
    print(df.schema.simpleString())
    for r in df.collect():
        print(repr(r))


def explain(df):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    print(re.sub(r"#\d+", "#N", buf.getvalue()), end="")


quotes = put("quotes.csv", b'a,b,c\n"x,1",plain,"say ""hi"""\n"back\\"slash",  sp  ,""\n"unterminated,1,2\n"a"b,c,d\n')
types = put("types.csv", b'i,l,d,f,b,dt,ts,s,dec,big\n1,3000000000,1.5,NaN,true,2024-01-02,2024-01-02 03:04:05,x,1000000000000000000000,12\n2,4,2.5,Inf,False,2024-02-03,2024-01-02T03:04:05Z,y,5,13.5\n,,,,,,,,,\n')
ragged = put("ragged.csv", b'a,b,c\n1,2,3\n4,5\n6,7,8,9\nx,y,z\n')
nulls = put("nulls.csv", b'a,b\nNA,1\n,2\n"",3\nNA,NA\n')
comments = put("comments.csv", b'#c1\na,b\n#c2\n1,2\n\n3,4\n')
ws = put("ws.csv", b'a,b\n  x  ,  1  \n" y ", 2\n')
multi = put("multi.csv", b'a,b\n"line1\nline2",1\n"q""x",2\n')
dup = put("dup.csv", b'a,A,,b,b\n1,2,3,4,5\n')
widen = put("widen.csv", b'a,b,c,d,e,f\n1,1,1,2024-01-01,true,1\n2.5,x,3000000000,2024-01-01 10:00:00,false,99999999999999999999\n')
special = put("special.csv", b'x;y\n-;n/a\noo;1\n-oo;nan\n')
dates = put("dates.csv", b'd|t\n02/01/2024|2024.01.02 03:04\n31/12/1999|1999.12.31 23:59\n')
sep2 = put("sep2.csv", b'a||b\n1||2\n3||4\n')
linesep = put("linesep.csv", b'a,b;1,2;3,4;')
latin = put("latin.csv", "name,city\nJos\u00e9,K\u00f6ln\n".encode("latin-1"))
zipped = put("z.csv.gz", gzip.compress(b"a,b\n1,2\n3,4\n"))

show("quotes", spark.read.csv(quotes, header=True))
show("quotes noheader", spark.read.csv(quotes))
show("types infer", spark.read.csv(types, header=True, inferSchema=True))
show("ragged permissive", spark.read.csv(ragged, header=True, schema="a int, b int, c int, _corrupt_record string"))
show("ragged custom corrupt", spark.read.csv(ragged, header=True, schema="a int, b int, c int, bad string", columnNameOfCorruptRecord="bad"))
show("ragged drop", spark.read.csv(ragged, header=True, schema="a int, b int, c int", mode="DROPMALFORMED"))
show("ragged infer", spark.read.csv(ragged, header=True, inferSchema=True))
show("nulls NA", spark.read.csv(nulls, header=True, nullValue="NA"))
show("nulls default", spark.read.csv(nulls, header=True))
show("nulls emptyValue", spark.read.csv(nulls, header=True, emptyValue="EMPTY"))
show("nulls infer", spark.read.csv(nulls, header=True, nullValue="NA", inferSchema=True))
show("comments", spark.read.csv(comments, header=True, comment="#"))
show("comments off", spark.read.csv(comments, header=True))
show("ws", spark.read.csv(ws, header=True))
show("ws trimmed", spark.read.csv(ws, header=True, ignoreLeadingWhiteSpace=True, ignoreTrailingWhiteSpace=True, inferSchema=True))
show("multiLine", spark.read.csv(multi, header=True, multiLine=True))
show("multiLine off", spark.read.csv(multi, header=True))
show("dup header", spark.read.csv(dup, header=True))
show("widen", spark.read.csv(widen, header=True, inferSchema=True))
show("special values", spark.read.csv(special, header=True, sep=";", schema="x double, y double", nanValue="nan", positiveInf="oo", negativeInf="-oo", nullValue="-"))
show("formats", spark.read.csv(dates, header=True, sep="|", schema="d date, t timestamp", dateFormat="dd/MM/yyyy", timestampFormat="yyyy.MM.dd HH:mm"))
show("formats infer", spark.read.csv(dates, header=True, sep="|", inferSchema=True, dateFormat="dd/MM/yyyy", timestampFormat="yyyy.MM.dd HH:mm"))
show("bad values", spark.read.csv(types, header=True, schema="i int, l int, d int, f double, b boolean, dt date, ts timestamp, s int, dec decimal(5,1), big int, _corrupt_record string"))
show("bad values drop", spark.read.csv(types, header=True, schema="i int, l int, d int, f double, b boolean, dt date, ts timestamp, s string, dec decimal(25,1), big double", mode="DROPMALFORMED"))
show("sep ||", spark.read.csv(sep2, header=True, sep="||", inferSchema=True))
show("lineSep", spark.read.csv(linesep, header=True, lineSep=";"))
show("latin-1", spark.read.csv(latin, header=True, encoding="ISO-8859-1"))
show("gzip", spark.read.csv(zipped, header=True, inferSchema=True))
show("options()", spark.read.format("csv").options(header="true", inferSchema="true").load(zipped))
show("schema DDL pruned", spark.read.csv(types, header=True, schema="i int, l long, d double").select("d", "i"))
explain(spark.read.csv(types, header=True, inferSchema=True).filter((F.col("i") > 1) & (F.col("s") == "y")).select("i", "s"))
print(spark.read.csv(types, header=True).count(), spark.read.csv(ragged, header=True, schema="a int, b int, c int", mode="DROPMALFORMED").count())

out = root + "/out"
data = spark.createDataFrame(
    [(1, "plain", 1.5, True, None), (2, 'has "quote"', -0.0, False, "x"), (3, "comma, here", 1e20, None, ""), (4, "  padded  ", float("nan"), True, "line\nbreak")],
    "id int, s string, d double, b boolean, n string")
data.coalesce(1).write.csv(out, header=True)
print(sorted(f for f in os.listdir(out) if not f.startswith(".") and not f.startswith("part-")))
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
show("read back", spark.read.csv(out, header=True, inferSchema=True, multiLine=True))
data.coalesce(1).write.mode("overwrite").csv(out, header=False, quoteAll=True, nullValue="NULL", sep="\t")
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
data.coalesce(1).write.mode("overwrite").csv(out, escapeQuotes=False, emptyValue="")
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
when = spark.createDataFrame([(1,)], "x int").select(F.to_date(F.lit("2024-03-05")).alias("d"), F.to_timestamp(F.lit("2024-03-05 06:07:08.123")).alias("t"), F.lit(12.5).cast("decimal(6,2)").alias("m"))
when.coalesce(1).write.mode("overwrite").csv(out)
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
when.coalesce(1).write.mode("overwrite").csv(out, dateFormat="dd.MM.yyyy", timestampFormat="yyyy/MM/dd HH:mm")
print(repr(open([os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-")][0]).read()))
data.select("id", "s").write.mode("overwrite").csv(root + "/gzout", compression="gzip", header=True)
print(set(f.endswith(".csv.gz") for f in os.listdir(root + "/gzout") if f.startswith("part-")))
show("gzip back", spark.read.csv(root + "/gzout", header=True, inferSchema=True).orderBy("id"))
data.write.partitionBy("b").csv(root + "/byb", header=True)
show("partitioned back", spark.read.csv(root + "/byb", header=True, inferSchema=True).orderBy("id"))
try:
    spark.read.csv(root + "/nope.csv")
except Exception as e:
    print(type(e).__name__, e)
try:
    spark.read.csv(root + "/empty_dir_missing")
except Exception as e:
    print(type(e).__name__, e)
os.makedirs(root + "/empty")
try:
    spark.read.csv(root + "/empty")
except Exception as e:
    print(type(e).__name__, e)
try:
    spark.createDataFrame([([1],)], "a array<int>").write.csv(root + "/arr")
except Exception as e:
    print(type(e).__name__, e)
