from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import ArrayType, DoubleType, StructField, StructType, UserDefinedType

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0].split("; line ")[0].rstrip(";"))


class PointUDT(UserDefinedType):
    @classmethod
    def sqlType(cls):
        return ArrayType(DoubleType(), False)

    @classmethod
    def module(cls):
        return "__main__"

    def serialize(self, obj):
        return [obj.x, obj.y]

    def deserialize(self, datum):
        return Point(datum[0], datum[1])


class Point:
    __UDT__ = PointUDT()

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%s,%s)" % (self.x, self.y)

    def __str__(self):
        return "(%s,%s)" % (self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Point) and (other.x, other.y) == (self.x, self.y)


df = spark.createDataFrame([(1, Point(1.0, 2.0)), (2, None), (3, Point(3.5, -1.0))], ["id", "p"]).coalesce(1)
print(df.schema)
print(df.dtypes)
df.printSchema()
print(df.collect())
df.show()
print(PointUDT().simpleString(), PointUDT().typeName(), PointUDT().sqlType(), PointUDT() == PointUDT())

# unwrap_udt gives the sqlType's values
print(df.select(F.unwrap_udt("p")).schema)
print(df.select(F.unwrap_udt("p")).collect())
attempt("unwrap non udt", lambda: df.select(F.unwrap_udt("id")).collect())

# the values go through filters, sorts, groups, casts and SQL as the sqlType's
print(df.filter(F.col("p").isNotNull()).collect())
print(df.orderBy(F.col("p").desc()).collect())
print(df.groupBy("p").count().orderBy("p").collect())
print(df.select(F.col("p").cast("string"), F.typeof("p")).collect())
print(df.select(F.coalesce("p", "p")).schema)
df.createOrReplaceTempView("points")
print(spark.sql("select id, p from points where id > 1").collect())
print(df.toPandas())
print(df.toPandas().dtypes.to_dict())

# an explicit schema, arrays of a UDT, and values that are not the UDT's
print(spark.createDataFrame([(Point(1.0, 2.0),)], StructType([StructField("p", PointUDT())])).collect())
arr = spark.createDataFrame([([Point(1.0, 2.0), Point(0.5, 0.0)],)], ["ps"])
print(arr.schema)
print(arr.collect())
arr.show()
attempt("not a point", lambda: spark.createDataFrame([(1,)], StructType([StructField("p", PointUDT())])).collect())
