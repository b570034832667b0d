# Python UDTFs: @udtf and udtf(cls, returnType=…) with eval / terminate, called as a table
# function from the DataFrame API, registered with spark.udtf.register and called from SQL's
# FROM clause and in LATERAL joins, TABLE arguments with PARTITION BY / ORDER BY / WITH SINGLE
# PARTITION (SQL and df.asTable()), keyword arguments, Arrow UDTFs (useArrow=True), call_udf,
# and the worker's and the client's errors.
from pyspark.sql import Row, SparkSession, functions as F
from pyspark.sql.functions import lit, udtf
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

spark = SparkSession.builder.appName("golden").getOrCreate()


@udtf(returnType="num: int, squared: int")
class SquareNumbers:
    def eval(self, start: int, end: int):
        for num in range(start, end + 1):
            yield (num, num * num)


SquareNumbers(lit(1), lit(3)).show()
print(SquareNumbers(lit(2), lit(4)).collect())
print(SquareNumbers(lit(1), lit(2)).schema.simpleString())


class Counter:
    def __init__(self):
        self.count = 0

    def eval(self, x):
        self.count += 1
        yield x, "eval"

    def terminate(self):
        yield self.count, "terminate"


counter = udtf(Counter, returnType=StructType([StructField("n", IntegerType()), StructField("where", StringType())]))
counter(lit(7)).show()

spark.udtf.register("square_numbers", SquareNumbers)
spark.sql("SELECT * FROM square_numbers(1, 3)").show()
spark.sql("SELECT num, squared * 10 AS s10 FROM square_numbers(2, 3) ORDER BY num DESC").show()


@udtf(returnType="c1: int, c2: int")
class PlusOne:
    def eval(self, x: int):
        yield x, x + 1


spark.udtf.register("plus_one", PlusOne)
spark.sql("SELECT * FROM VALUES (0, 1), (1, 2) t(x, y), LATERAL plus_one(x)").orderBy("x").show()
spark.sql("SELECT t.x, p.a, p.b FROM VALUES (5, 1), (6, 2) t(x, y), LATERAL plus_one(x) AS p(a, b)").orderBy("x").show()
spark.sql("SELECT * FROM VALUES (3), (4) t(x) JOIN LATERAL square_numbers(x, x + 1)").orderBy("x", "num").show()


@udtf(returnType="k: string, total: int, n: int")
class SumPerKey:
    def __init__(self):
        self.total = 0
        self.n = 0
        self.key = None

    def eval(self, row: Row):
        self.key = row["k"]
        self.total += row["v"]
        self.n += 1

    def terminate(self):
        yield self.key, self.total, self.n


spark.udtf.register("sum_per_key", SumPerKey)
spark.createDataFrame([("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5), ("a", 6)], "k string, v int").createOrReplaceTempView("kv")
spark.sql("SELECT * FROM sum_per_key(TABLE(kv) PARTITION BY k)").orderBy("k").show()
spark.sql("SELECT * FROM sum_per_key(TABLE(SELECT * FROM kv WHERE v > 1) PARTITION BY k)").orderBy("k").show()
spark.sql("SELECT * FROM sum_per_key(TABLE(kv) WITH SINGLE PARTITION)").show()


@udtf(returnType="k: string, vs: string")
class Ordered:
    def __init__(self):
        self.vs = []
        self.key = None

    def eval(self, row: Row):
        self.key = row.k
        self.vs.append(str(row.v))

    def terminate(self):
        yield self.key, ",".join(self.vs)


spark.udtf.register("ordered", Ordered)
spark.sql("SELECT * FROM ordered(TABLE(kv) PARTITION BY k ORDER BY v DESC)").orderBy("k").show()
kv = spark.table("kv")
Ordered(kv.asTable().partitionBy("k").orderBy("v")).orderBy("k").show()
SumPerKey(kv.asTable().partitionBy(kv.k)).orderBy("k").show()


@udtf(returnType="a: int, b: string")
class Named:
    def eval(self, a: int, b: str = "default"):
        yield a, b


Named(a=lit(1)).show()
Named(lit(2), b=lit("given")).show()
spark.udtf.register("named", Named)
spark.sql("SELECT * FROM named(b => 'x', a => 3)").show()


@udtf(returnType="x: int, half: double", useArrow=True)
class ArrowHalves:
    def eval(self, n: int):
        for i in range(n):
            yield i, i / 2


ArrowHalves(lit(3)).show()
print(ArrowHalves.evalType, SquareNumbers.evalType)


# Errors raised in the worker, as PythonException
def run(f, *args):
    try:
        f(*args).collect()
    except Exception as e:
        print(type(e).__name__, [l.split(": ", 1)[1] for l in str(e).splitlines() if "PySpark" in l and "Error:" in l][:1])


@udtf(returnType="a: int, b: int")
class WrongLength:
    def eval(self):
        yield 1,


@udtf(returnType="a: int")
class NotARow:
    def eval(self):
        yield 1


@udtf(returnType="a: int")
class NotIterable:
    def eval(self):
        return 1


@udtf(returnType="a: int")
class Raises:
    def eval(self):
        return [1 // 0]


@udtf(returnType="a: int")
class RaisesInTerminate:
    def eval(self):
        yield 1,

    def terminate(self):
        raise ValueError("no end")


@udtf(returnType="a: int")
class TakesTwo:
    def eval(self, x, y):
        yield x,


run(WrongLength)
run(NotARow)
run(NotIterable)
run(Raises)
run(RaisesInTerminate)
run(TakesTwo, lit(1))

# Errors raised in the client
for make in [lambda: udtf(returnType="a: int")(1), lambda: udtf(type("NoEval", (), {}), returnType="a: int"),
             lambda: udtf(type("NoType", (), {"eval": lambda self: None})),
             lambda: udtf(type("NotStruct", (), {"eval": lambda self: None}), returnType="int")(),
             lambda: spark.udtf.register("bad", lambda: 1)]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
try:
    spark.sql("SELECT * FROM no_such_udtf(1)").collect()
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])

# call_udf: a registered UDF by name
spark.udf.register("plus_ten", lambda x: x + 10, "int")
spark.range(3).select(F.call_udf("plus_ten", F.col("id").cast("int")).alias("r")).show()
spark.stop()
