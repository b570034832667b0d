# CSV filter push-down as Spark's CSV parser applies it (spark.sql.csv.filterPushdown.enabled,
# OrderedFilters): each pushed filter runs once the columns it reads are converted, in column
# order, and a record it rejects is dropped before the mode sees it: FAILFAST does not fail on
# a malformed record a filter on an earlier column rejects, and DROPMALFORMED / PERMISSIVE
# never see it. With push-down off, the same reads fail or keep the malformed record.
import os
import shutil

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.master("local[1]").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
base = "/tmp/tspark_golden_files_csv_filter_pushdown"
shutil.rmtree(base, ignore_errors=True)
os.makedirs(base)


def write(name, text):
    path = f"{base}/{name}"
    with open(path, "w") as f:
        f.write(text)
    return path


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:  # noqa: BLE001 - whether it is the malformed-record failure is the output
        # (PySpark wraps it in a Py4JJavaError whose first line names a JVM object id)
        print(label, "ERR", "MALFORMED_RECORD_IN_PARSING" in str(e))


def rows(df):
    return [tuple(r) for r in df.collect()]


p = write("t.csv", "a,b,c\n1,2,x\n2,oops,y\n3,4,z\n4,5\nfive,6,w\n6,7,v,extra\n7,,u\n")
schema = "a int, b int, c string"
corrupt = "a int, b int, c string, _corrupt_record string"


f = write("f.csv", "a,b\n1,2\n2,oops\n3,4\n")


def failfast():
    return spark.read.schema("a int, b int").option("header", True).option("mode", "FAILFAST").csv(f)


def read(mode, s=schema):
    return spark.read.schema(s).option("header", True).option("mode", mode).csv(p)


for enabled in ["true", "false"]:
    spark.conf.set("spark.sql.csv.filterPushdown.enabled", enabled)
    print("== pushdown", enabled)
    attempt("failfast a != 2", lambda: rows(failfast().where(F.col("a") != 2)))
    attempt("failfast b > 3", lambda: rows(failfast().where(F.col("b") > 3)))
    attempt("failfast a < 2", lambda: rows(failfast().where(F.col("a") < 2)))
    attempt("failfast a >= 2", lambda: rows(failfast().where(F.col("a") >= 2)))
    attempt("failfast five", lambda: rows(read("FAILFAST").where(F.col("a") != 2).where(F.col("a") < 4)))
    attempt("drop a > 1", lambda: rows(read("DROPMALFORMED").where(F.col("a") > 1)))
    attempt("drop c in", lambda: rows(read("DROPMALFORMED").where(F.col("c").isin("x", "y", "u"))))
    attempt("permissive a > 1", lambda: rows(read("PERMISSIVE", corrupt).where(F.col("a") > 1)))
    attempt("permissive b is null", lambda: rows(read("PERMISSIVE", corrupt).where(F.col("b").isNull())))
    attempt("permissive or", lambda: rows(read("PERMISSIVE", corrupt).where((F.col("a") == 1) | (F.col("c") == "z"))))
    attempt("permissive not", lambda: rows(read("PERMISSIVE", corrupt).where(~(F.col("a") >= 3))))
    attempt("permissive like", lambda: rows(read("PERMISSIVE").where(F.col("c").startswith("x") | F.col("c").endswith("v") | F.col("c").contains("w"))))
    attempt("count a >= 3", lambda: read("PERMISSIVE").where(F.col("a") >= 3).count())

d = write("d.csv", "d,x,s\n2024-01-02,1.50,NaN\n2023-12-31,-0.25,1.0\n2024-02-29,2.00,-0.0\nbad,3.00,2\n2024-03-01,,inf\n")
dschema = "d date, x decimal(5,2), s double"
spark.conf.set("spark.sql.csv.filterPushdown.enabled", "true")
for label, cond in [
    ("date >=", F.col("d") >= F.lit("2024-01-01").cast("date")),
    ("decimal <", F.col("x") < F.lit(2).cast("decimal(5,2)")),
    ("decimal between", F.col("x").between(F.lit(0).cast("decimal(5,2)"), F.lit(2).cast("decimal(5,2)"))),
    ("double > 0", F.col("s") > 0.0),
    ("double = NaN", F.col("s") == float("nan")),
    ("double = 0", F.col("s") == 0.0),
    ("null-safe", F.col("x").eqNullSafe(F.lit(None).cast("decimal(5,2)"))),
]:
    for mode in ["PERMISSIVE", "DROPMALFORMED", "FAILFAST"]:
        attempt(f"{label} {mode}", lambda: rows(spark.read.schema(dschema).option("header", True).option("mode", mode).csv(d).where(cond)))
