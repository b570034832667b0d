# Hadoop SequenceFiles and text formats: saveAsSequenceFile (Writable classes from the first
# pair), sequenceFile / hadoopFile / newAPIHadoopFile reading them back (splits by sync
# markers), TextInputFormat's (offset, line) pairs, TextOutputFormat, and each part file's
# bytes with its random sync marker masked, so files must match Spark's byte for byte.
import hashlib
import os
import tempfile

from _fixtures import golden_session

spark = golden_session()
sc = spark.sparkContext
root = tempfile.mkdtemp()


def listing(d):
    return sorted(f for f in os.listdir(d) if not f.startswith("."))


def masked(path):
    """Size, sync markers and a digest of the file with its sync marker zeroed."""
    data = open(path, "rb").read()
    pos = 4
    for _ in range(2):  # the key and value class names (one-byte lengths)
        pos += 1 + data[pos]
    pos += 2 + 4  # compression flags, metadata count
    sync = data[pos:pos + 16]
    return len(data), data.count(sync), hashlib.sha256(data.replace(sync, b"\0" * 16)).hexdigest()[:16]


def save(name, rdd, how=None):
    d = os.path.join(root, name)
    (how or (lambda p: rdd.saveAsSequenceFile(p)))(d)
    print(name, listing(d))
    for f in listing(d):
        if f.startswith("part-") and how is None:
            print(" ", f, masked(os.path.join(d, f)))
    return d


ints = save("ints", sc.parallelize([(i, "v%d" % i) for i in range(10)], 2))
mixed = save("mixed", sc.parallelize([("a", 1.5), ("b", -2.25), ("c", float("inf"))], 3))
nulls = save("nulls", sc.parallelize([(None, b"\x00\x01"), (None, bytearray(b"xyz"))], 1))
longs = save("longs", sc.parallelize([(2 ** 40, True), (-(2 ** 40), False)], 2))
big = save("big", sc.parallelize([(i, "x" * 40) for i in range(6000)], 1))
empty_part = save("empty_part", sc.parallelize([(1, 2)], 3))

# a directory's part files come in listing (readdir) order, as Hadoop lists them: sorted here
print(sorted(sc.sequenceFile(ints).collect()))
print(sorted(sc.sequenceFile(mixed).collect()))
print(sc.sequenceFile(nulls).collect())
print(sorted(sc.sequenceFile(longs).collect()))
print(sc.sequenceFile(empty_part).collect(), sc.sequenceFile(empty_part).getNumPartitions())
for n in (None, 3, 7):
    r = sc.sequenceFile(big, minSplits=n)
    print("big", n, r.getNumPartitions(), r.count(), r.keys().sum(), r.glom().map(len).collect())
print(sorted(sc.hadoopFile(ints, "org.apache.hadoop.mapred.SequenceFileInputFormat",
                           "org.apache.hadoop.io.IntWritable", "org.apache.hadoop.io.Text").collect()))
print(sorted(sc.newAPIHadoopFile(ints, "org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat",
                                 "org.apache.hadoop.io.IntWritable", "org.apache.hadoop.io.Text").collect()))

text = os.path.join(root, "lines.txt")
with open(text, "w") as f:
    f.write("".join("line %d %s\n" % (i, "y" * (i % 7)) for i in range(40)))
r = sc.hadoopFile(text, "org.apache.hadoop.mapred.TextInputFormat",
                  "org.apache.hadoop.io.LongWritable", "org.apache.hadoop.io.Text")
print(r.getNumPartitions(), r.take(3), r.count(), r.keys().sum())
r = sc.newAPIHadoopFile(text, "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
                        "org.apache.hadoop.io.LongWritable", "org.apache.hadoop.io.Text")
print(r.getNumPartitions(), r.take(2), r.count())

pairs = sc.parallelize([(1, "a"), ("k", 2.5), (None, "only value"), ("only key", None), (None, None), (True, b"\x0a\xff")], 2)
out = save("text_out", pairs, lambda p: pairs.saveAsHadoopFile(p, "org.apache.hadoop.mapred.TextOutputFormat"))
for f in listing(out):
    if f.startswith("part-"):
        print(" ", f, repr(open(os.path.join(out, f)).read()))
out = save("new_api", sc.parallelize([(3, 4), (5, 6)], 2),
           lambda p: sc.parallelize([(3, 4), (5, 6)], 2).saveAsNewAPIHadoopFile(
               p, "org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat"))
for f in listing(out):
    if f.startswith("part-"):
        print(" ", f, masked(os.path.join(out, f)))
print(sorted(sc.sequenceFile(out).collect()))

try:
    sc.parallelize([(1, "a"), (2 ** 40, "b")], 1).saveAsSequenceFile(os.path.join(root, "bad"))
    print("no error")
except Exception as e:
    print(type(e).__name__, "wrong key class: org.apache.hadoop.io.LongWritable is not class "
          "org.apache.hadoop.io.IntWritable" in str(e))
spark.stop()
