"""Records the column names and types PySpark gives selectExpr expressions (run with /work/pyspark-venv/bin/python)."""
import json
import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[1]").config("spark.sql.session.timeZone", "UTC").getOrCreate()
spark.sparkContext.setLogLevel("OFF")
DDL = "i INT, l BIGINT, x DOUBLE, s STRING, b BOOLEAN"
df = spark.createDataFrame([], DDL)
exprs = [
    "i", "i + 1", "i + l", "i * x", "i / 2", "l % 3", "i div 2", "-i", "- x", "x - i", "i > 2", "x <= 2.0",
    "s = 'a'", "s != 'a'", "s <> 'a'", "x IS NULL", "s is not null", "(i > 1) AND (x > 0)", "i > 3 or x is null",
    "not i > 2", "i in (1, 3)", "i between 2 and 3", "cast(i as string)", "cast(x as int)", "cast(null as int)",
    "5", "'k'", "null", "true", "1.5", "1e3", "10000000000", "2.5d", "i <=> 1", "abs(i)", "upper(s)",
    "case when i > 2 then 'big' when i > 1 then 'mid' else 'small' end", "case when x > 0 then x end",
    "coalesce(x, 0)", "s like 'a%'", "i * 10 as ten", "i + 1 q", "`i` + 1", "sum(i)", "count(*)", "count(1)",
    "count(distinct s)", "avg(x)", "max(s)", "min(l)", "sum(x)", "count(s)", "sum(i) + 1", "i = 1 or i = 2 and l = 0",
    "2 * (3 + 4)", "i::string", "date '2024-01-02'", "length(s)", "lower(s)", "i + 1.5",
]
cases = []
for e in exprs:
    sel = df.selectExpr(e)
    f = sel.schema.fields[0]
    cases.append({"expr": e, "name": f.name, "type": f.dataType.simpleString(), "nullable": f.nullable})
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expr-names.json")
with open(out, "w") as fh:
    json.dump({"ddl": DDL, "cases": cases}, fh, indent=1)
print(f"wrote {len(cases)} cases")
spark.stop()
