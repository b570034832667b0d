# CSV quoting options as univocity reads and writes them: unescapedQuoteHandling (BACK_TO_DELIMITER
# in line mode), charToEscapeQuoteEscaping on read and write, escapes undone before an unescaped quote.
import os
import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[1]").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
base = "/tmp/tspark_golden_files_csv_quotes"
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
    except Exception as e:  # noqa: BLE001 - the error's class and first line are the output
        print(label, "ERR", type(e).__name__, str(e).split("\n")[0])


q = write("q.csv", 'a,"b"c,d\n"x"y"z,2,3\n"ab,cd"e,f\n1,"a""b",2\n"o\\"p"q,r\n"a\\\\"b",1\n')
for h in ["STOP_AT_DELIMITER", "BACK_TO_DELIMITER", "STOP_AT_CLOSING_QUOTE", "SKIP_VALUE"]:
    attempt(h, lambda: [tuple(r) for r in spark.read.option("unescapedQuoteHandling", h).csv(q).collect()])
attempt("BACK_TO_DELIMITER sep ;", lambda: [tuple(r) for r in spark.read.option("sep", ";").option("unescapedQuoteHandling", "BACK_TO_DELIMITER").csv(write("s.csv", '"a;b"c;d\n')).collect()])

e = write("e.csv", '"a\\\\"b",1\n"c#\\"d",2\n"e\\"f",3\n"g#h",4\n"i\\\\",5\n')
for opt in [None, "#", "\\"]:
    r = spark.read if opt is None else spark.read.option("charToEscapeQuoteEscaping", opt)
    attempt(f"read charToEscapeQuoteEscaping={opt}", lambda: [tuple(x) for x in r.csv(e).collect()])
attempt("too long", lambda: spark.read.option("charToEscapeQuoteEscaping", "ab").csv(e).collect())

df = spark.createDataFrame([('x\\y"z',), ('a\\b,c',), ('a\\',), ('q"',), ('\\"',), ('plain\\',)], "s string")
for i, opts in enumerate([{}, {"charToEscapeQuoteEscaping": "#"}, {"escape": "#"}, {"quoteAll": "true"}, {"escape": '"', "charToEscapeQuoteEscaping": "#"}]):
    out = f"{base}/w{i}"
    df.coalesce(1).write.options(**opts).csv(out)
    part = [x for x in sorted(os.listdir(out)) if x.startswith("part")][0]
    with open(f"{out}/{part}") as f:
        print("write", opts, repr(f.read()))
    print("  read back", sorted(r[0] for r in spark.read.options(**opts).csv(out).collect()))
