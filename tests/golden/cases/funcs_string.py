from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [("k1", "abc-b,c", 3), ("k2", "héllo wörld", -2), ("k3", None, None), ("k4", "", 0), ("k5", "Straße \U0001F600 x", 7), ("k6", "  pad  ", 1)]
df = spark.createDataFrame(rows, "k string, s string, n int")
df.select("k", F.ascii("s"), F.bit_length("s"), F.octet_length("s"), F.char_length("s"), F.character_length("s"), F.lcase("s"), F.ucase("s")).orderBy("k").show(truncate=False)
df.select("k", F.instr("s", "b"), F.locate("l", "s"), F.locate("l", "s", 4), F.position(F.lit("o"), "s"), F.find_in_set(F.lit("c"), "s"), F.substring_index("s", "b", 1), F.substring_index("s", "b", -1)).orderBy("k").show(truncate=False)
df.select("k", F.split_part("s", F.lit(" "), F.lit(1)), F.split_part("s", F.lit(" "), F.lit(-1)), F.left("s", F.lit(3)), F.right("s", F.lit(3)), F.repeat("s", 2), F.replace("s", F.lit("l"), F.lit("L"))).orderBy("k").show(truncate=False)
df.select("k", F.lpad("s", 8, "xy"), F.rpad("s", 8, "-"), F.lpad("s", 2, "x"), F.translate("s", "lo", "0"), F.overlay("s", F.lit("ZZ"), 2), F.overlay("s", F.lit("ZZ"), 2, 0)).orderBy("k").show(truncate=False)
df.select("k", F.initcap("s"), F.soundex("s"), F.levenshtein("s", F.lit("hello world")), F.levenshtein("s", F.lit("abc"), 3), F.mask("s"), F.mask("s", F.lit("U"), F.lit("l"), F.lit("d"), F.lit("*"))).orderBy("k").show(truncate=False)
df.select("k", F.base64("s"), F.decode(F.unbase64(F.base64("s")), "UTF-8"), F.encode("s", "UTF-16BE"), F.decode(F.encode("s", "UTF-16LE"), "UTF-16LE")).orderBy("k").show(truncate=False)
df.select("k", F.url_encode("s"), F.url_decode(F.url_encode("s")), F.hex("s"), F.decode(F.to_binary(F.hex("s"), F.lit("hex")), "UTF-8"), F.is_valid_utf8("s")).orderBy("k").show(truncate=False)
df.select("k", F.char("n"), F.elt(F.abs("n"), F.lit("a"), F.lit("b"), F.lit("c")).alias("e")).where("abs(n) between 1 and 3").orderBy("k").show()
u = spark.createDataFrame([("http://user:pw@spark.apache.org:8080/path/a.html?query=1&k=v#Ref",), ("https://x.org",), ("not a url",)], ["u"])
u.select(F.parse_url("u", F.lit("HOST")), F.parse_url("u", F.lit("PATH")), F.parse_url("u", F.lit("QUERY")), F.parse_url("u", F.lit("QUERY"), F.lit("k")), F.try_parse_url("u", F.lit("PROTOCOL")), F.parse_url("u", F.lit("REF")), F.parse_url("u", F.lit("USERINFO")), F.parse_url("u", F.lit("FILE"))).where("u != 'not a url'").show(truncate=False)
print(u.select(F.try_url_decode(F.lit("%zz")), F.to_binary(F.lit("YWJj"), F.lit("base64")), F.try_to_binary(F.lit("xyz"), F.lit("hex"))).first())
for bad in [lambda: df.select(F.split_part("s", F.lit(","), F.lit(0))).collect(), lambda: df.select(F.url_decode(F.lit("%zz"))).collect(),
            lambda: df.select(F.encode("s", "latin9")).collect(), lambda: df.select(F.encode("s", "ISO-8859-1")).collect(), lambda: df.select(F.decode(F.unhex(F.lit("C3")), "UTF-8")).collect(), lambda: df.select(F.to_binary(F.lit("xyz"), F.lit("hex"))).collect()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
spark.stop()
