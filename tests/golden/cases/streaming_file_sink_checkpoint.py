# Structured Streaming: a parquet file sink with a _spark_metadata log read back in batch, a
# query restarted from its checkpoint that resumes after the last committed batch, the
# checkpoint's offsets/commits layout, and foreachBatch.
import os
import tempfile

from _fixtures import golden_session

spark = golden_session()
d = tempfile.mkdtemp()
src, out, ck = (os.path.join(d, n) for n in ("in", "out", "ck"))
os.makedirs(src)


def add(name, text, t):
    with open(os.path.join(src, name), "w") as f:
        f.write(text)
    os.utime(os.path.join(src, name), (t, t))


add("a.json", '{"k":"a","v":1}\n{"k":"b","v":2}\n', 1_700_000_000)
df = spark.readStream.schema("k STRING, v INT").json(src)


def run():
    q = df.writeStream.format("parquet").option("path", out).option("checkpointLocation", ck).trigger(availableNow=True).start()
    q.awaitTermination()
    return q


q1 = run()
spark.read.parquet(out).orderBy("v").show()
add("b.json", '{"k":"c","v":3}\n', 1_700_000_100)
q2 = run()
print(q1.id == q2.id, q1.runId == q2.runId)
print([p["batchId"] for p in q2.recentProgress], q2.lastProgress["sink"]["numOutputRows"])
spark.read.parquet(out).orderBy("v").show()
print(sorted(n for n in os.listdir(os.path.join(out, "_spark_metadata")) if not n.startswith(".")))
print(sorted(n for n in os.listdir(ck) if not n.startswith(".")))
print(sorted(n for n in os.listdir(os.path.join(ck, "offsets")) if not n.startswith(".")))
print(sorted(n for n in os.listdir(os.path.join(ck, "commits")) if not n.startswith(".")))
with open(os.path.join(ck, "commits", "1")) as f:
    print(f.read())
with open(os.path.join(ck, "offsets", "1")) as f:
    lines = f.read().split("\n")
print(lines[0], lines[2])
q3 = run()
print(q3.lastProgress["batchId"] if q3.lastProgress else None, len(q3.recentProgress))


def each(batch, batch_id):
    print("batch", batch_id, sorted((r.k, r.v) for r in batch.collect()), batch.count())


q = df.writeStream.foreachBatch(each).trigger(availableNow=True).start()
q.awaitTermination()


def boom(batch, batch_id):
    raise ValueError("boom in batch %d" % batch_id)


q = df.writeStream.foreachBatch(boom).trigger(availableNow=True).start()
try:
    q.awaitTermination()
except Exception as e:
    print(type(e).__name__, e.getCondition(), "boom in batch 0" in str(e))
print(type(q.exception()).__name__, q.isActive, q.status["message"].startswith("Terminated with exception"))
spark.stop()
