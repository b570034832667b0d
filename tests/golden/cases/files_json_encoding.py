# JSON in charsets other than UTF-8 (the `encoding` option): UTF-16LE/BE with lineSep, UTF-16 and
# UTF-32 with a byte-order mark in multiLine mode (one document per file: the first), Latin-1,
# and Spark's refusals (lineSep required; UTF-16/UTF-32 without endianness denied line by line).
import os
import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
root = "/tmp/tspark_golden_files_json_encoding"
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)
s = '{"a": 1, "b": "é€"}\n{"a": 2, "b": "ü"}\n'
for name, codec in [("u16le", "utf-16-le"), ("u16be", "utf-16-be"), ("u16", "utf-16"), ("u32", "utf-32"), ("latin1", "latin-1"), ("cp1252", "cp1252")]:
    data = s.replace("€", "E") if codec == "latin-1" else s
    with open(os.path.join(root, name + ".json"), "wb") as f:
        f.write(data.encode(codec))

cases = [
    ("u16le", "UTF-16LE", False, "\n"), ("u16be", "UTF-16BE", False, "\n"), ("u16le", "UTF-16LE", True, None),
    ("u16", "UTF-16", True, None), ("u32", "UTF-32", True, None), ("latin1", "ISO-8859-1", False, "\n"),
    ("cp1252", "windows-1252", False, "\n"),
    ("u16le", "UTF-16LE", False, None), ("u16", "UTF-16", False, "\n"), ("u32", "UTF-32", False, None), ("latin1", "ISO-8859-1", False, None),
]
for name, enc, ml, sep in cases:
    r = spark.read.option("encoding", enc).option("multiLine", ml)
    if sep is not None:
        r = r.option("lineSep", sep)
    try:
        df = r.json(os.path.join(root, name + ".json"))
        print(name, enc, ml, repr(sep), df.collect())
    except Exception as e:
        print(name, enc, ml, repr(sep), type(e).__name__, str(e).splitlines()[0])
spark.read.json(os.path.join(root, "u16le.json"), encoding="UTF-16LE", lineSep="\n", schema="a INT, b STRING").show()
