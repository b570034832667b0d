# pandas and Arrow interop (issue 9 §10): toPandas dtypes and values for every type on the
# Arrow and the non-Arrow path (spark.sql.execution.arrow.pyspark.enabled, with the fallback
# for types Arrow cannot carry), toArrow, and createDataFrame from pandas (every dtype,
# nullable extension dtypes, categorical, zoned datetimes, timedeltas), pyarrow, numpy and RDDs.
import datetime, decimal, warnings
warnings.simplefilter("ignore")
import numpy as np, pandas as pd, pyarrow as pa
from pyspark.sql import SparkSession, functions as F, types as T
spark = SparkSession.builder.appName("golden").getOrCreate()
def run(label, f):
    print("==", label)
    try:
        r = f()
        if r is not None: print(r)
    except Exception as e:
        print(type(e).__name__, getattr(e, "getErrorClass", lambda: None)(), str(e).split("\n")[0][:300])
def cells(pdf):
    return [[(type(v).__name__, repr(v)) for v in row] for row in pdf.itertuples(index=False, name=None)]
def topd(df):
    pdf = df.toPandas()
    print(list(pdf.dtypes.astype(str)))
    print(cells(pdf))
full = spark.sql("""select cast(1 as tinyint) b, cast(2 as smallint) s, 3 i, 4L l, cast(1.5 as float) f, 2.5d d, true t,
 'x' str, cast('ab' as binary) bin, 1.25bd dec, date'2020-01-02' dt, timestamp'2020-01-02 03:04:05.123456' ts,
 timestamp_ntz'2020-01-02 03:04:05' tsntz, interval '1 2:03:04' day to second dti, interval '1-2' year to month ymi,
 array(1,2) arr, map('a',1) m, named_struct('x',1,'y','s') st, null nul""")
nulls = spark.sql("""select cast(null as tinyint) b, cast(null as smallint) s, cast(null as int) i, cast(null as bigint) l, cast(null as float) f,
 cast(null as double) d, cast(null as boolean) t, cast(null as string) str, cast(null as binary) bin, cast(null as decimal(3,2)) dec,
 cast(null as date) dt, cast(null as timestamp) ts, cast(null as timestamp_ntz) tsntz, cast(null as array<int>) arr, cast(null as map<string,int>) m, cast(null as struct<x:int>) st""")
for arrow in ["false", "true"]:
    spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", arrow)
    print("#### arrow", arrow)
    run("full", lambda: topd(full))
    run("nulls", lambda: topd(nulls))
    run("no ym interval", lambda: topd(full.drop("ymi")))
    run("nested", lambda: topd(spark.sql("select array(named_struct('a', 1, 'b', timestamp'2021-03-04 05:06:07')) x, map(1, named_struct('a', 2)) y, named_struct('a', array(1), 'b', map('k', 1.5d)) z")))
    run("empty", lambda: topd(full.limit(0)))
    run("ymi only", lambda: topd(full.select("ymi")))
    run("dti only", lambda: topd(full.select("dti")))
    run("nul only", lambda: topd(full.select("nul")))
spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "false")
pdf = pd.DataFrame({
  "i8": np.array([1, 2], dtype=np.int8), "i16": np.array([1, 2], dtype=np.int16), "i32": np.array([1, 2], dtype=np.int32),
  "i64": np.array([1, 2], dtype=np.int64), "u8": np.array([1, 2], dtype=np.uint8), "f32": np.array([1.5, np.nan], dtype=np.float32),
  "f64": [1.5, np.nan], "b": [True, False], "s": ["a", None], "Int64": pd.array([1, None], dtype="Int64"),
  "Int32": pd.array([1, None], dtype="Int32"), "boolean": pd.array([True, None], dtype="boolean"), "string": pd.array(["a", None], dtype="string"),
  "cat": pd.Categorical(["x", "y"]), "dt": pd.to_datetime(["2020-01-01 01:02:03", None]),
  "dttz": pd.to_datetime(["2020-01-01 01:02:03", None]).tz_localize("US/Eastern"), "td": pd.to_timedelta(["1 days 00:00:01", None]),
  "obj_dec": [decimal.Decimal("1.5"), None], "obj_date": [datetime.date(2020, 1, 1), None], "bytes": [b"ab", None], "lst": [[1, 2], None],
})
for arrow in ["false", "true"]:
    spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", arrow)
    print("#### from pandas arrow", arrow)
    for c in pdf.columns:
        run("col " + c, lambda: (spark.createDataFrame(pdf[[c]]).schema.simpleString(), spark.createDataFrame(pdf[[c]]).collect()))
    run("all", lambda: spark.createDataFrame(pdf).schema.simpleString())
    run("with schema", lambda: spark.createDataFrame(pdf[["i64", "s"]], "a long, b string").collect())
    run("with schema coerced", lambda: spark.createDataFrame(pdf[["i64", "f64"]], "a int, b float").collect())
    run("names list", lambda: spark.createDataFrame(pdf[["i64", "s"]], ["x", "y"]).collect())
    run("empty pdf", lambda: spark.createDataFrame(pdf.iloc[:0][["i64", "s"]]).schema.simpleString())
    run("nparts", lambda: spark.createDataFrame(pdf).rdd.getNumPartitions())
    run("int index col names", lambda: spark.createDataFrame(pd.DataFrame([[1, 2]])).columns)
spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "false")
t = pa.table({"a": pa.array([1, None], pa.int64()), "b": pa.array(["x", None]), "c": pa.array([1.5, 2.5], pa.float32()),
  "d": pa.array([datetime.date(2020,1,1), None]), "ts": pa.array([datetime.datetime(2020,1,1,1,2,3), None], pa.timestamp("us")),
  "tstz": pa.array([datetime.datetime(2020,1,1,1,2,3), None], pa.timestamp("us", tz="UTC")), "l": pa.array([[1], None], pa.list_(pa.int32())),
  "dec": pa.array([decimal.Decimal("1.25"), None], pa.decimal128(5, 2)), "bin": pa.array([b"x", None]), "bo": pa.array([True, None])})
run("arrow table", lambda: (spark.createDataFrame(t).schema.simpleString(), spark.createDataFrame(t).collect()))
run("arrow table schema", lambda: spark.createDataFrame(t.select(["a", "b"]), "x long, y string").collect())
run("arrow table nparts", lambda: spark.createDataFrame(t).rdd.getNumPartitions())
run("toArrow", lambda: full.toArrow().schema)
run("toArrow v", lambda: full.drop("ymi").toArrow().to_pylist())
run("toArrow empty", lambda: full.limit(0).toArrow())
run("np 1d", lambda: spark.createDataFrame(np.array([1, 2, 3])).collect())
run("np 2d", lambda: (spark.createDataFrame(np.array([[1.5, 2.0], [3.0, 4.0]])).schema.simpleString(), spark.createDataFrame(np.array([[1.5, 2.0], [3.0, 4.0]])).collect()))
run("np 2d int32", lambda: spark.createDataFrame(np.array([[1, 2]], dtype=np.int32)).schema.simpleString())
run("np bool", lambda: spark.createDataFrame(np.array([True, False])).schema.simpleString())
run("np str", lambda: spark.createDataFrame(np.array(["a", "b"])).schema.simpleString())
run("np 3d", lambda: spark.createDataFrame(np.zeros((1, 1, 1))))
run("np schema", lambda: spark.createDataFrame(np.array([[1, 2]]), ["a", "b"]).collect())
rdd = spark.sparkContext.parallelize([(1, "a"), (2, "b")], 3)
run("rdd", lambda: (spark.createDataFrame(rdd).collect(), spark.createDataFrame(rdd).rdd.getNumPartitions()))
run("rdd schema", lambda: spark.createDataFrame(rdd, "x int, y string").collect())
run("rdd names", lambda: spark.createDataFrame(rdd, ["x", "y"]).schema.simpleString())
run("toDF", lambda: rdd.toDF(["x", "y"]).collect())
run("list nparts", lambda: spark.createDataFrame([(1,), (2,), (3,)], ["a"]).rdd.getNumPartitions())
run("list 1 row nparts", lambda: spark.createDataFrame([(1,)], ["a"]).rdd.getNumPartitions())
run("list spid", lambda: spark.createDataFrame([(i,) for i in range(5)], ["a"]).select("a", F.spark_partition_id()).collect())
spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "true")
spark.conf.set("spark.sql.execution.arrow.pyspark.fallback.enabled", "false")
run("no fallback", lambda: topd(full.select("ymi")))
spark.conf.set("spark.sql.execution.arrow.pyspark.fallback.enabled", "true")
spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
for arrow in ["false", "true"]:
    spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", arrow)
    run("zone " + arrow, lambda: topd(spark.sql("select timestamp'2020-07-01 12:00:00' ts, timestamp_ntz'2020-07-01 12:00:00' ntz")))
    run("zone from pandas " + arrow, lambda: spark.createDataFrame(pdf[["dt", "dttz"]]).selectExpr("cast(dt as string)", "cast(dttz as string)").collect())
spark.conf.set("spark.sql.session.timeZone", "UTC")
spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "false")
run("arrow table struct schema", lambda: spark.createDataFrame(t.select(["a", "b"]), "x long, y string").collect() if False else spark.createDataFrame(t.select(["a", "c"]), T.StructType([T.StructField("a", T.LongType()), T.StructField("c", T.DoubleType())])).collect())
run("toArrow types", lambda: spark.sql("select 1 a, 'x' b, array(1) c, map('k', 1) d, named_struct('x', 1) e, timestamp'2020-01-01 00:00:00' f, cast(1.5 as decimal(4,2)) g").toArrow().schema)
run("toArrow dup struct", lambda: spark.sql("select named_struct('a', 1, 'a', 2) s").toArrow())
run("toPandas dup struct arrow off", lambda: topd(spark.sql("select named_struct('a', 1, 'a', 2) s")))
spark.stop()
