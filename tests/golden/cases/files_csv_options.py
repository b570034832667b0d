# CSV reader options beyond the basics: every unescapedQuoteHandling that tspark supports
# (STOP_AT_DELIMITER, the default; STOP_AT_CLOSING_QUOTE; SKIP_VALUE; RAISE_ERROR) on values
# with stray quotes, doubled quotes and quotes before a delimiter; maxCharsPerColumn, which fails
# the read in every mode (univocity's TextParsingException under FAILED_READ_FILE).
import os
import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
root = "/tmp/tspark_golden_files_csv_options"
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)
with open(os.path.join(root, "q.csv"), "w") as f:
    f.write('a,b\n1,"x"y"z,2\n"ab"c,d\n"un"quoted,"e"\n3,"f""g"\n"ok",plain\n"tail"  ,x\n')
for m in ["STOP_AT_DELIMITER", "STOP_AT_CLOSING_QUOTE", "SKIP_VALUE", "RAISE_ERROR"]:
    try:
        rows = spark.read.option("unescapedQuoteHandling", m).csv(os.path.join(root, "q.csv")).collect()
        print(m, rows)
    except Exception as e:
        msg = str(e)
        print(m, "FAILED_READ_FILE.NO_HINT" in msg, "Unescaped quote character" in msg)
with open(os.path.join(root, "long.csv"), "w") as f:
    f.write("a,b\nshort,1\n" + "x" * 30 + ",2\n")
print(spark.read.option("maxCharsPerColumn", 30).csv(os.path.join(root, "long.csv")).collect())
for mode in ["PERMISSIVE", "DROPMALFORMED", "FAILFAST"]:
    try:
        print(spark.read.option("maxCharsPerColumn", 10).option("mode", mode).csv(os.path.join(root, "long.csv")).collect())
    except Exception as e:
        msg = str(e)
        print(mode, "FAILED_READ_FILE.NO_HINT" in msg, "Length of parsed input (11) exceeds the maximum number of characters defined in your parser settings (10)" in msg)
