# sc.textFile and sc.wholeTextFiles on the text source's reader: files, directories (hidden
# names skipped), globs, comma-separated lists, gzip and bzip2 files; partitions as Hadoop's
# input splits make them (getNumPartitions and per-partition sizes for several minPartitions),
# including an empty file; wholeTextFiles' (path, content) pairs.
import bz2
import gzip
import os
import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
root = "/tmp/tspark_golden_files_textfile"
shutil.rmtree(root, ignore_errors=True)


def put(rel, data):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)


put("plain/a.txt", b"alpha\nbeta\r\ngamma\rdelta\n\nlast")
put("plain/b.txt", b"one\ntwo\n")
put("plain/_ignored.txt", b"hidden\n")
put("plain/.also_ignored", b"hidden\n")
put("withempty/x.txt", b"x1\nx2\n")
put("withempty/y.txt", b"")
put("gz/c.txt.gz", gzip.compress(b"g1\ng2\r\ng3\n"))
put("bz/d.txt.bz2", bz2.compress(b"b1\nb2\nb3"))
put("big/big.txt", "".join("row %05d %s\n" % (i, "z" * (i % 13)) for i in range(3000)).encode())

for mp in (None, 1, 2, 3, 7):
    rdd = sc.textFile(root + "/plain") if mp is None else sc.textFile(root + "/plain", mp)
    print("plain", mp, rdd.getNumPartitions(), rdd.glom().map(len).collect())
    print(rdd.collect())

for mp in (1, 4, 9):
    rdd = sc.textFile(root + "/big/big.txt", mp)
    sizes = rdd.glom().map(len).collect()
    print("big", mp, rdd.getNumPartitions(), sizes, sum(sizes), rdd.first(), rdd.count())

rdd = sc.textFile(root + "/withempty", 2)
print("withempty", rdd.getNumPartitions(), rdd.glom().map(len).collect(), rdd.collect())

rdd = sc.textFile(root + "/gz/c.txt.gz", 5)
print("gz", rdd.getNumPartitions(), rdd.collect())
print("bz2", sc.textFile(root + "/bz/d.txt.bz2").collect())
print("glob", sc.textFile(root + "/plain/*.txt").collect())
print("list", sc.textFile(root + "/plain/b.txt," + root + "/gz").collect())
print("words", sorted(sc.textFile(root + "/plain").flatMap(lambda l: l.split("a")).map(lambda w: (w, 1)).reduceByKey(lambda x, y: x + y).collect()))

w = sc.wholeTextFiles(root + "/plain")
print("whole", w.getNumPartitions(), sorted(w.collect()))
print("whole gz", sorted(sc.wholeTextFiles(root + "/gz," + root + "/bz").collect()))
print("whole big", sc.wholeTextFiles(root + "/big").map(lambda kv: (kv[0], len(kv[1]))).collect())
print("whole values", sorted(sc.wholeTextFiles(root + "/withempty", 3).values().collect()))
