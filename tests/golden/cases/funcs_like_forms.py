"""LIKE and its relatives as Spark's SQL parser and functions build them: RLIKE/REGEXP infix, ILIKE,
ESCAPE, LIKE ANY/SOME/ALL over literals (likeany …) and over other lists (ORs/ANDs), Spark's escape
errors; and comparisons of structs whose fields differ only in name."""
from _fixtures import attempt, attempt_condition, golden_session, sql_reporter
from pyspark.sql import functions as F

spark = golden_session()
report = sql_reporter(spark)


def show(q):
    df = spark.sql(q)
    df.show(truncate=False)
    print(df.schema.simpleString())


show("SELECT 'abc' RLIKE 'b.', 'abc' REGEXP '^a', 'abc' NOT RLIKE 'z', 'abc' rlike null")
show("SELECT 'ABC' ILIKE 'a%', 'ABC' NOT ILIKE 'b%', 'a_c' LIKE 'a/_c' ESCAPE '/', 'a%c' LIKE 'a!%c' ESCAPE '!'")
show("SELECT 'abc' NOT LIKE 'a/_c' ESCAPE '/', 'ABC' ILIKE 'a/_c' ESCAPE '/', 'a_' ILIKE 'A/_' ESCAPE '/'")
show("SELECT 'abc' LIKE ANY ('a%', 'z%'), 'abc' LIKE ALL ('a%', '%c'), 'abc' NOT LIKE SOME ('a%', 'z%'), 'ABC' ILIKE ANY ('a%')")
show("SELECT 'abc' LIKE ANY ('a%', null), 'abc' LIKE ANY ('z%', null), 'abc' LIKE ALL ('a%', null), 'abc' NOT LIKE ALL ('z%', 'y%')")
show("SELECT 'abc' NOT LIKE ANY ('a%', null), 'abc' NOT LIKE ALL ('a%', null), 'ABC' NOT ILIKE ALL ('a%', 'z%'), 'ABC' ILIKE ANY ('a%', null)")
show("SELECT 'abc' LIKE ANY ('a%', concat('z', 'b')), 'abc' LIKE ANY (1), null LIKE ANY ('a%')")
show("SELECT s, s LIKE ANY ('a%', '%z'), s NOT LIKE ALL ('a%', '%z') FROM VALUES ('abz'), ('xyz'), ('q'), (null) AS t(s)")
show("SELECT 'a%' like 'a\\\\%', 'a\\\\' like 'a\\\\\\\\', like('a_c', 'a/_c', '/'), ilike('A_C', 'a/_c', '/')")
report("SELECT 'abc' LIKE 'abc' ESCAPE '//'")
report("SELECT 'abc' LIKE ANY ()")
attempt_condition("escape in the middle", lambda: spark.sql("SELECT 'abc' LIKE 'a/bc' ESCAPE '/'").collect())
attempt_condition("escape at the end", lambda: spark.sql("SELECT 'abc' LIKE 'abc/' ESCAPE '/'").collect())
attempt_condition("default escape in the middle", lambda: spark.sql("SELECT 'abc' LIKE 'a\\\\bc'").collect())

df = spark.createDataFrame([("a_c", "a/_c"), ("ab", "a\\b")], "s string, p string")
df.select(F.like("s", F.lit("a/_c"), F.lit("/")), F.ilike("s", F.lit("A/_C"), F.lit("/")), df.s.like("a_c"), df.s.ilike("A_C"), df.s.rlike("c$")).show()
df.limit(1).select(F.like("s", "p", F.lit("/"))).show()
attempt_condition("escape of two characters", lambda: df.select(F.like("s", F.lit("x"), F.lit("ab"))).collect())
attempt_condition("column pattern with a bad escape", lambda: df.select(F.like("s", "p")).collect())

show("SELECT named_struct('a', 1, 'b', 2) = named_struct('x', 1, 'y', 2), named_struct('a', 1, 'b', 2) < named_struct('x', 1, 'y', 3)")
show("SELECT named_struct('a', 1, 'b', 2) IN (named_struct('x', 1, 'y', 2)), named_struct('a', 1, 'b', null) <=> named_struct('x', 1, 'y', null)")
show("SELECT array(named_struct('a', 1)) = array(named_struct('x', 1))")
attempt("fields of other types", lambda: spark.sql("SELECT named_struct('a', 1, 'b', 2) = named_struct('x', 1L, 'y', 2)").collect())
attempt("other field counts", lambda: spark.sql("SELECT named_struct('a', 1) = named_struct('x', 1, 'y', 2)").collect())
