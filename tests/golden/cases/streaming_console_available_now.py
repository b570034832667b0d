# Structured Streaming: console sink of an availableNow query over a fixed directory of JSON
# files (maxFilesPerTrigger gives one batch per file), a complete-mode aggregation to console,
# and the numRows/truncate options.
import os
import tempfile

from _fixtures import golden_session

spark = golden_session()
d = tempfile.mkdtemp()
src = os.path.join(d, "in")
os.makedirs(src)
with open(os.path.join(src, "a.json"), "w") as f:
    f.write('{"k":"a","v":1,"s":"a fairly long string value here"}\n{"k":"b","v":2,"s":"x"}\n')
os.utime(os.path.join(src, "a.json"), (1_700_000_000, 1_700_000_000))
with open(os.path.join(src, "b.json"), "w") as f:
    f.write('{"k":"a","v":3,"s":"y"}\n')
os.utime(os.path.join(src, "b.json"), (1_700_000_100, 1_700_000_100))

df = spark.readStream.schema("k STRING, v INT, s STRING").json(src)
print(df.isStreaming)
q = df.writeStream.format("console").trigger(availableNow=True).start()
q.awaitTermination()
print("all in one batch")

per_file = spark.readStream.schema("k STRING, v INT, s STRING").option("maxFilesPerTrigger", 1).json(src)
q = per_file.writeStream.format("console").option("truncate", False).option("numRows", 1).trigger(availableNow=True).start()
q.awaitTermination()
print("one file per batch")

q = per_file.groupBy("k").count().writeStream.format("console").outputMode("complete").trigger(availableNow=True).start()
q.awaitTermination()
print(q.isActive, q.exception(), q.status)
spark.stop()
