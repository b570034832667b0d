# df.colRegex (issue 9 §3): a Java regex in backquotes selects the columns whose whole name
# matches (case-insensitively by default), expanded where it stands; other text is df[name].
from pyspark.sql import SparkSession, functions as F
from pyspark.errors import PySparkException

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([(1, "a", 2.0)], ["col1", "Col2", "x_3"])


def run(label, f):
    try:
        print(label, f())
    except (PySparkException, ValueError) as e:
        print(label, type(e).__name__, getattr(e, "getErrorClass", lambda: None)())


run("prefix", lambda: df.select(df.colRegex("`col.*`")).columns)
run("inline flag", lambda: df.select(df.colRegex("`(?i)COL.*`")).columns)
run("plain name", lambda: df.select(df.colRegex("col1")).columns)
run("no match", lambda: df.select(df.colRegex("`zz.*`")).columns)
run("all", lambda: df.select(df.colRegex("`.*`")).columns)
run("with others", lambda: df.select("x_3", df.colRegex("`c.l\\d`")).collect())
run("bad regex", lambda: df.select(df.colRegex("`(`")).columns)
run("not a string", lambda: df.colRegex(1))
run("in an expression", lambda: df.select(df.colRegex("`col1`") + 1).columns)
a = df.alias("t")
run("qualified", lambda: a.select(a.colRegex("t.`c.*`")).columns)
run("backquoted whole", lambda: a.select(a.colRegex("`t.col.*`")).columns)
run("quoted column name", lambda: df.select(F.col("`col.*`")).columns)
spark.conf.set("spark.sql.caseSensitive", "true")
run("case sensitive", lambda: df.select(df.colRegex("`col.*`")).columns)
spark.stop()
