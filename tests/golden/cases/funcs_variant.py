import datetime
from decimal import Decimal

from _fixtures import attempt, attempt_condition, golden_session
from pyspark.sql import functions as F
from pyspark.sql.types import VariantVal

spark = golden_session()
spark.conf.set("spark.sql.session.timeZone", "UTC")

docs = ['{"b":1,"a":[1,2.50,"x",null,true,1e3,12345678901234567890123,-129,40000,3000000000]}',
        '{"z":{"y":[1,{"q":"\\u00e9\\n"}]},"a":1.5e300,"long_key_name_for_offsets":"' + "s" * 70 + '"}',
        '"abc"', '1', 'null', '-0.0', '[]', '{}', None]
df = spark.createDataFrame([(d,) for d in docs], "j string")
v = df.select("j", F.parse_json("j").alias("v"))
v.show(truncate=False)
v.printSchema()
for r in v.collect():
    print(repr(r.v), str(r.v) if r.v is not None else None)
    if r.v is not None:
        print(r.v.toPython(), r.v.toJson())
print(v.select(F.to_json("v"), F.schema_of_variant("v"), F.is_variant_null("v")).collect())
print(v.select(F.variant_get("v", "$.a[1]", "decimal(5,2)").alias("d"), F.variant_get("v", "$.a[2]", "string").alias("s"),
               F.variant_get("v", "$.z.y[1].q", "string").alias("q"), F.variant_get("v", "$['b']", "double").alias("b"),
               F.try_variant_get("v", "$.a[2]", "int").alias("t"), F.try_variant_get("v", "$.a", "array<string>").alias("arr"),
               F.variant_get("v", "$.z", "variant").alias("z")).collect())
print(v.select(F.variant_get("v", "$.a[1]", "int")).columns, v.select(F.try_variant_get("v", "$.a", "string")).columns)
attempt("bad cast", lambda: v.select(F.variant_get("v", "$.a[2]", "int")).collect())
attempt("bad path", lambda: v.select(F.variant_get("v", "a.b", "int")).collect())
attempt_condition("malformed", lambda: spark.sql("select parse_json('{bad')").collect())
attempt_condition("duplicate", lambda: spark.sql("""select parse_json('{"a":1,"a":2}')""").collect())
spark.sql("""select try_parse_json('{"a":1,"a":2}') d, try_parse_json('{bad') m, try_parse_json('[1]') ok""").show()
spark.sql("""select schema_of_variant(parse_json('[1, 2.5]')) a, schema_of_variant(parse_json('[1, 1e1]')) b, schema_of_variant(parse_json('[1, "a"]')) c,
          schema_of_variant(parse_json('[{"a":1},{"b":"x","a":null}]')) d, schema_of_variant(parse_json('{"a b":1}')) e""").show(truncate=False)
spark.sql("""select schema_of_variant_agg(parse_json(j)) s from values ('{"a":1}'), ('{"b":"x","a":2.5}'), (null) as t(j)""").show(truncate=False)
spark.sql("""select k, schema_of_variant_agg(parse_json(j)) s from values (1, '{"a":1}'), (1, '[1]'), (2, '"x"') as t(k, j) group by k order by k""").show(truncate=False)
spark.sql("""select cast(parse_json('12') as int) a, cast(parse_json('"12"') as int) b, cast(parse_json('{"a":1}') as string) c,
          cast(parse_json('"s"') as string) s, cast(parse_json('[1,2]') as array<int>) d,
          cast(parse_json('{"a":1,"b":"x"}') as struct<a:int,b:string,c:double>) e, cast(parse_json('{"a":1,"b":2}') as map<string,int>) f""").show()
casted = spark.sql("""select cast(1 as variant) a, cast('x' as variant) b, cast(array(1,2) as variant) c, cast(array(array('p'), null) as variant) d,
          cast(date'2020-01-01' as variant) e, cast(timestamp'2020-01-01 10:00:00' as variant) f, cast(1.5bd as variant) g,
          cast(2.5d as variant) h, cast(x'0102' as variant) i, cast(2.5f as variant) j, cast(null as variant) k""")
casted.show(truncate=False)
print(casted.collect())
print([str(x) for x in casted.collect()[0] if x is not None])
print(casted.select([F.schema_of_variant(c) for c in casted.columns[:-1]]).collect())
spark.sql("""select to_variant_object(named_struct('b',1,'a',named_struct('c','x'))) a, to_variant_object(array(named_struct('a',1))) b,
          to_variant_object(map('k', 1)) c""").show(truncate=False)
attempt("struct cast", lambda: spark.sql("select cast(named_struct('a', cast(null as int)) as variant)").collect())
attempt("map cast", lambda: spark.sql("select cast(map('a', 1) as variant)").collect())
attempt("compare", lambda: spark.sql("select parse_json('1') = parse_json('1')").collect())
attempt("order", lambda: spark.sql("select v from (select parse_json('1') v) order by v").collect())
attempt("hash", lambda: spark.sql("select hash(parse_json('1'))").collect())
attempt("not variant", lambda: spark.sql("select is_variant_null(1)").collect())
attempt("not string", lambda: spark.sql("select parse_json(1)").collect())
back = spark.createDataFrame([(VariantVal.parseJson('{"k":[1,2.5,"t"]}'),), (None,)], "v variant")
back.show()
print(back.collect(), back.schema)
print(VariantVal.parseJson('{"b":{"c":1},"a":2}').toPython())
spark.stop()
