from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])


x = "<a><b>b1</b><b>b2</b><b>b3</b><c>10</c><c>20</c><d attr='v'>x</d></a>"
df = spark.createDataFrame([(x,), ("<a><b>1</b></a>",), (None,)], "x string")
for fn, p in [("xpath", "a/b"), ("xpath", "a/b/text()"), ("xpath", "a/d/@attr"), ("xpath_string", "a/b"), ("xpath_string", "a/c"), ("xpath_boolean", "a/b"),
              ("xpath_boolean", "a/z"), ("xpath_int", "sum(a/c)"), ("xpath_long", "a/c"), ("xpath_short", "a/b"), ("xpath_double", "sum(a/c) div 3"),
              ("xpath_number", "a/b"), ("xpath_float", "a/c"), ("xpath_double", "a/z")]:
    print(fn, p, [r[0] for r in df.select(getattr(F, fn)("x", F.lit(p))).collect()])
print(df.select(F.xpath("x", F.lit("a/b")), F.xpath_int("x", F.lit("a/c"))).columns)
print(df.select(*[getattr(F, f)("x", F.lit("a/c")).alias(f) for f in ["xpath", "xpath_string", "xpath_boolean", "xpath_int", "xpath_long", "xpath_short",
                                                                     "xpath_double", "xpath_number", "xpath_float"]]).schema.simpleString())
spark.sql("select xpath_string('', 'a') e, xpath('', 'a') l, xpath_int('', 'a') i, xpath_string('<a/>', null) p").show()
spark.sql("select xpath_int('<a>3000000000</a>', 'a') big, xpath_long('<a>1e30</a>', 'a') exp, xpath_int('<a>x</a>', 'a') nan, xpath_short('<a>70000</a>', 'a') wrap, "
          "xpath_int('<a>-2.7</a>', 'a') neg, xpath_float('<a>0.1</a>', 'a') f, xpath_double('<a>x</a>', 'a') d").show()
spark.sql("select xpath('<a><b>1</b><b>2</b></a>', 'a/b/text()') x, xpath('<a><b>1</b></a>', 'a/b') y").show()
spark.sql("select xpath_string('<a xmlns=\"u\"><b>1</b></a>', 'a/b') ns, xpath_string('<a>&lt;x&amp;</a>', 'a') esc, "
          "xpath_string('<a><b>x</b><b>y</b></a>', 'concat(a/b[1], a/b[2])') c, xpath_int('<a><b/><b/></a>', 'count(a/b)') n, "
          "xpath_string('<a> s  t </a>', 'normalize-space(a)') w, xpath_boolean('<a><b>2</b></a>', 'a/b > 1') g").show()
attempt("non-foldable", lambda: df.select(F.xpath_string("x", "x")).collect())
attempt("not a string", lambda: df.select(F.xpath_string("x", F.lit(1))).collect())
spark.stop()
