from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])


k16, k24, k32 = "abcdefghijklmnop", "abcdefghijklmnop12345678", "abcdefghijklmnop1234567890123456"
# Ciphertexts PySpark 4.0.1 made with random IVs: decrypting them proves the byte layout.
made_by_spark = [
    (k16, "GCM", "DEFAULT", "Ec/PMKZXcHi0CF2f9Z9+OneqCx7yujP0AAZCXicKUOlMnTCaig=="),
    (k16, "CBC", "DEFAULT", "5zoF9njE+1JcTVgXULL5YXzj38ROz3eSN88D3Pw4448="),
    (k16, "GCM", "NONE", "m4ES3TSGEhYkZikeLSIGDUrRF4cNTg+ZjkC6IAq+gt7VyAOraA=="),
    (k24, "GCM", "DEFAULT", "DC9sLLD5Xd5pngu2B8qLlG2b59qvgnzQUMShjcdAZQqdaUuT5Q=="),
    (k24, "CBC", "PKCS", "EM0td9TJ97pP8lFco3JzDQYAwlvm1wu7fCbxqbSf8OE="),
    (k32, "GCM", "DEFAULT", "AnXYqJ9V66iE/kNP4hGsDNoVJb8RfcbtKg5O+bSL7vKD8gKayQ=="),
    (k32, "CBC", "DEFAULT", "JrXrSwRM70d3P4EtmSV4HYzV76HvlrHzLnOLIxXuYhs="),
]
c = spark.createDataFrame(made_by_spark, "key string, mode string, padding string, b64 string")
c.select("mode", "padding", F.aes_decrypt(F.unbase64("b64"), "key", "mode", "padding").cast("string").alias("plain")).show()
t = spark.createDataFrame([("Spark SQL", k16, k24, k32), ("", k16, k24, k32), (None, k16, k24, k32)], "s string, k16 string, k24 string, k32 string")
# Deterministic outputs (ECB, or an explicit IV) equal Spark's bytes; random-IV outputs round-trip.
t.select(F.base64(F.aes_encrypt("s", "k16", F.lit("ECB"))).alias("ecb16"), F.base64(F.aes_encrypt("s", "k32", F.lit("ECB"), F.lit("PKCS"))).alias("ecb32"),
         F.base64(F.aes_encrypt("s", "k16", F.lit("GCM"), F.lit("DEFAULT"), F.unhex(F.lit("000000000000000000000000")), F.lit("an AAD"))).alias("gcm_iv_aad"),
         F.base64(F.aes_encrypt("s", "k24", F.lit("CBC"), F.lit("DEFAULT"), F.unhex(F.lit("00112233445566778899AABBCCDDEEFF")))).alias("cbc_iv")).show(truncate=False)
for key in ["k16", "k24", "k32"]:
    for mode, pad in [("GCM", "DEFAULT"), ("CBC", "PKCS"), ("ECB", "DEFAULT")]:
        t.select(F.lit(key + " " + mode).alias("case"), F.aes_decrypt(F.aes_encrypt("s", key, F.lit(mode), F.lit(pad)), key, F.lit(mode), F.lit(pad)).cast("string").alias("roundtrip"),
                 F.length(F.aes_encrypt("s", key, F.lit(mode), F.lit(pad))).alias("len")).show()
t.select(F.aes_decrypt(F.aes_encrypt("s", "k16", F.lit("GCM"), F.lit("DEFAULT"), F.lit(""), F.lit("aad")), "k16", F.lit("GCM"), F.lit("DEFAULT"), F.lit("aad")).cast("string").alias("aad"),
         F.try_aes_decrypt(F.aes_encrypt("s", "k16"), "k32").alias("wrong_key"), F.try_aes_decrypt(F.unhex(F.lit("00")), F.lit("short")).alias("bad")).show()
t.select(F.aes_encrypt("s", "k16"), F.aes_decrypt("s", "k16"), F.try_aes_decrypt("s", "k16")).printSchema()
spark.sql("select aes_encrypt('Spark', 'abcdefghijklmnop', 'ECB') e, cast(aes_decrypt(aes_encrypt('x', 'abcdefghijklmnop', 'ecb'), 'abcdefghijklmnop', 'ecb') as string) d").show()
attempt("key length", lambda: spark.sql("select aes_encrypt('a', 'short')").collect())
attempt("decrypt key length", lambda: spark.sql("select aes_decrypt(unhex('00'), 'short')").collect())
attempt("mode", lambda: spark.sql("select aes_encrypt('a', '%s', 'CTR')" % k16).collect())
attempt("padding", lambda: spark.sql("select aes_encrypt('a', '%s', 'GCM', 'PKCS')" % k16).collect())
attempt("ECB IV", lambda: spark.sql("select aes_encrypt('a', '%s', 'ECB', 'DEFAULT', unhex('00000000000000000000000000000000'))" % k16).collect())
attempt("CBC AAD", lambda: spark.sql("select aes_encrypt('a', '%s', 'CBC', 'DEFAULT', '', 'x')" % k16).collect())
attempt("IV length", lambda: spark.sql("select aes_encrypt('a', '%s', 'GCM', 'DEFAULT', unhex('0000'))" % k16).collect())
attempt("GCM tag", lambda: spark.sql("select aes_decrypt(unhex('%s'), '%s')" % ("00" * 40, k16)).collect())
attempt("CBC padding", lambda: spark.sql("select aes_decrypt(unhex('%s'), '%s', 'CBC')" % ("00" * 32, k16)).collect())
attempt("ECB length", lambda: spark.sql("select aes_decrypt(unhex('%s'), '%s', 'ECB')" % ("00" * 20, k16)).collect())
spark.stop()
