# Structured Streaming: memory sink contents (queryName → a temp view), the shape of
# lastProgress, the query manager, rate-micro-batch, and the errors Spark raises at start.
import os
import tempfile

from _fixtures import golden_session
from pyspark.sql import functions as F

spark = golden_session()
d = tempfile.mkdtemp()
src = os.path.join(d, "in")
os.makedirs(src)
with open(os.path.join(src, "a.csv"), "w") as f:
    f.write("a,1\nb,2\n")
os.utime(os.path.join(src, "a.csv"), (1_700_000_000, 1_700_000_000))
with open(os.path.join(src, "b.csv"), "w") as f:
    f.write("a,3\nc,4\n")
os.utime(os.path.join(src, "b.csv"), (1_700_000_100, 1_700_000_100))

df = spark.readStream.schema("k STRING, v INT").option("maxFilesPerTrigger", 1).csv(src)
q = df.writeStream.format("memory").queryName("events").trigger(availableNow=True).start()
q.awaitTermination()
spark.sql("SELECT * FROM events ORDER BY v").show()
print(spark.table("events").count())
p = q.lastProgress
print(sorted(p.keys()))
print(p["batchId"], p["numInputRows"], p["name"], p["sink"])
print(sorted(p["durationMs"].keys()))
print(sorted(p["sources"][0].keys()))
print(p["sources"][0]["startOffset"], p["sources"][0]["endOffset"])
print([r["batchId"] for r in q.recentProgress], [r["numInputRows"] for r in q.recentProgress])
print(q.name, q.isActive, q.status)

totals = df.groupBy("k").agg(F.sum("v").alias("total"))
q = totals.writeStream.format("memory").queryName("totals").outputMode("complete").trigger(availableNow=True).start()
q.awaitTermination()
spark.table("totals").orderBy("k").show()

rate = spark.readStream.format("rate-micro-batch").option("rowsPerBatch", 4).option("numPartitions", 1).load()
print(rate.schema.simpleString())
q = rate.writeStream.format("memory").queryName("ticks").trigger(availableNow=True).start()
q.awaitTermination()
spark.table("ticks").orderBy("value").show()
print(q.lastProgress["sources"][0]["endOffset"])

live = df.writeStream.format("memory").queryName("live").start()
live.processAllAvailable()
print([s.name for s in spark.streams.active], spark.streams.get(live.id).name)
live.stop()
print(spark.streams.active, live.isActive, spark.streams.get(live.id))


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        cond = e.getCondition() if hasattr(e, "getCondition") else None
        print(label, type(e).__name__, cond, str(e).split("\n")[0])


attempt("agg append", lambda: df.groupBy("k").count().writeStream.format("memory").queryName("x").start())
attempt("complete no agg", lambda: df.writeStream.format("console").outputMode("complete").start())
attempt("bad mode", lambda: df.writeStream.format("console").outputMode("bogus").start())
attempt("no query name", lambda: df.writeStream.format("memory").start())
attempt("no path", lambda: df.writeStream.format("parquet").start())
attempt("no checkpoint", lambda: df.writeStream.format("parquet").option("path", os.path.join(d, "o")).start())
attempt("batch action", lambda: df.count())
attempt("two triggers", lambda: df.writeStream.trigger(processingTime="1 second", once=True))
attempt("no schema", lambda: spark.readStream.csv(src))
attempt("rate schema", lambda: spark.readStream.format("rate").schema("a INT").load())
attempt("file sink complete", lambda: totals.writeStream.format("json").option("path", os.path.join(d, "o")).option("checkpointLocation", os.path.join(d, "c")).outputMode("complete").start())
spark.stop()
