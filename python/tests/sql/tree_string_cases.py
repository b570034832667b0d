"""Schemas for the treeString golden test, built from a types module (PySpark's or tspark's)."""

CASES = [("flat", None), ("nested", None), ("nested", 1), ("nested", 2), ("nested", 0), ("nested", -1), ("odd_names", None)]


def build(T, name):  # noqa: N803 (T is a types module)
    if name == "flat":
        return T.StructType([
            T.StructField("id", T.LongType(), False), T.StructField("s", T.StringType()),
            T.StructField("d", T.DecimalType(10, 2)), T.StructField("c", T.CharType(3)),
            T.StructField("v", T.VarcharType(5)), T.StructField("n", T.NullType()),
            T.StructField("ts", T.TimestampType()), T.StructField("ntz", T.TimestampNTZType()),
            T.StructField("b", T.BinaryType()), T.StructField("dt", T.DateType()),
            T.StructField("dti", T.DayTimeIntervalType()), T.StructField("ymi", T.YearMonthIntervalType()),
        ])
    if name == "nested":
        inner = T.StructType([T.StructField("x", T.IntegerType(), False), T.StructField("y", T.ArrayType(T.DoubleType(), False))])
        return T.StructType([
            T.StructField("a", T.ArrayType(inner, True)),
            T.StructField("m", T.MapType(T.StringType(), T.MapType(T.IntegerType(), inner, False), True), False),
            T.StructField("s", inner),
            T.StructField("deep", T.ArrayType(T.ArrayType(T.ArrayType(T.ShortType())))),
        ])
    if name == "odd_names":
        return T.StructType([T.StructField("a\nb", T.IntegerType()), T.StructField("tab\there", T.ByteType()),
                             T.StructField("a.b", T.BooleanType()), T.StructField("", T.FloatType())])
    raise ValueError(name)
