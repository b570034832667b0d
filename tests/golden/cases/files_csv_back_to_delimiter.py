# unescapedQuoteHandling BACK_TO_DELIMITER with multiLine as univocity reads it (and line mode
# beside it): values cut at delimiters and line breaks, the first line break inside a quoted
# value ending the record, the values after it completed by the next record's, the corrupt
# record column (null for a record completed at the end of the file), DROPMALFORMED, \r\n input
# read as \n inside values, whitespace after a closing quote.
import os
import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[1]").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
base = "/tmp/tspark_golden_files_csv_back_to_delimiter"
shutil.rmtree(base, ignore_errors=True)
os.makedirs(base)

CASES = [
    'a,"b"c,d\n1,2,3\n',
    'a,"x\ny"z,w\n1,2,3\n',
    '"ab"cd"ef",g\nh,i\n',
    'a,"b,c"d,e\nf,g,h\n',
    'a,"b\nc,d"e,f\n1,2,3\n',
    'a,"b\nc",d\n1,2,3\n',
    'a,"b"c\nd,e\nf,g,h\n',
    'a,"b""c"d,e\n1,2,3\n',
    'a,"b\\"c"d,e\n1,2,3\n',
    'a,"b"c\r\nd,e\r\n1,2,3\r\n',
    'a,"b" c ,d\n1,2,3\n',
    'x,"unterminated\nnext,line\n',
    'a,"b"c"d\ne"f,g\n1,2,3\n',
    'a,"x\ny"z",w\n1,2,3\n',
    'a,"x\ny"z",w\n1,2\nq,r,s\n',
    'a,"p\nq\nr"s,t\n',
    'a,"x\ny"z"\n1,2\n',
    'a,"x\ny"z",w\n',
    'a,"x\r\ny"z",w\r\n1,2,3\r\n',
]
SCHEMA = "c0 string, c1 string, c2 string, c3 string, c4 string, _corrupt_record string"
for i, text in enumerate(CASES):
    path = f"{base}/c{i}.csv"
    with open(path, "w", newline="") as f:
        f.write(text)
    print(i, repr(text))
    reader = lambda: spark.read.option("unescapedQuoteHandling", "BACK_TO_DELIMITER")  # noqa: E731
    for multi in (False, True):
        rows = reader().option("multiLine", multi).schema(SCHEMA).csv(path).collect()
        print("  multiLine" if multi else "  lines", [tuple(r) for r in rows])
    print("  DROPMALFORMED", [tuple(r) for r in reader().option("multiLine", True).option("mode", "DROPMALFORMED").schema(SCHEMA).csv(path).collect()])
    print("  two columns", [tuple(r) for r in reader().option("multiLine", True).schema("c0 string, c1 string").csv(path).collect()])
header = f"{base}/header.csv"
with open(header, "w") as f:
    f.write('h1,h2\na,"x\ny"z",w\n1,2\n')
df = spark.read.option("unescapedQuoteHandling", "BACK_TO_DELIMITER").option("multiLine", True).option("header", True).csv(header)
print(df.columns, [tuple(r) for r in df.collect()])
