# JSON schema inference, one code path for the reader and schema_of_json (Spark's JsonInferSchema):
# empty objects dropped, nulls as strings, options, and inference over several files and splits.
import os
import shutil

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.master("local[2]").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")

for j in ['{"a":{}}', '{"a":[]}', '[{"a":1}]', '1', '[]', '{"a":null}', '[1, "x"]', '{"b": {"c": null}, "a": 1}',
          '{"n": 12345678901234567890123}', '{"d": 1.5e300}', '[{}]', '{"a": [{}], "b": true}']:
    print(j, spark.range(1).select(F.schema_of_json(F.lit(j))).first()[0])
df = spark.range(1).select(F.schema_of_json(F.lit('{"a":1, "b": null}'), {"primitivesAsString": "true", "dropFieldIfAllNull": "true"}))
print(df.columns, df.first()[0])
print(spark.range(1).select(F.schema_of_json(F.lit('{"a":0.5, "b": [1.25]}'), {"prefersDecimal": "true"})).first()[0])

base = "/tmp/tspark_golden_files_json_infer"
shutil.rmtree(base, ignore_errors=True)
os.makedirs(base)
with open(f"{base}/a.json", "w") as f:
    f.write('{"a":{}}\n{"a":{}, "b": 1}\n{"c": []}\n{"e": {"f": {}}, "g": [{}]}\n')
d = spark.read.json(f"{base}/a.json")
print(d.schema.simpleString())
print(sorted(str(r) for r in d.collect()))

# many files: the schema merges across them (ints widen to doubles, conflicts become strings)
os.makedirs(f"{base}/many")
for i in range(6):
    with open(f"{base}/many/part-{i}.json", "w") as f:
        for r in range(2000):
            if i == 5 and r == 0:
                f.write('{"id": 1.5, "k": {"x": 1}, "tag": "t"}\n')
            else:
                f.write('{"id": %d, "k": %s, "tag": %s}\n' % (r, '{"y": "a"}' if i == 2 else "null", "null" if i < 4 else "true"))
m = spark.read.json(f"{base}/many")
print(m.schema.simpleString(), m.count())
print(spark.read.option("primitivesAsString", "true").json(f"{base}/many").schema.simpleString())
