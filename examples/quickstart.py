"""tspark quickstart: ordinary PySpark code, run on the embedded TypeScript engine.

    python examples/quickstart.py
"""
from tspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("quickstart").getOrCreate()

sales = spark.createDataFrame(
    [
        ("2024-01-03", "north", "widget", 4, 2.50),
        ("2024-01-03", "south", "gadget", 1, 10.00),
        ("2024-01-04", "north", "gadget", 2, 10.00),
        ("2024-01-05", "east", "widget", 10, 2.25),
        ("2024-01-05", "south", "widget", 3, 2.50),
        ("2024-01-06", "east", None, 1, 99.99),
    ],
    "day STRING, region STRING, product STRING, qty INT, price DOUBLE",
)
sales.printSchema()
sales.show()

revenue = sales.withColumn("amount", F.col("qty") * F.col("price"))
(
    revenue.groupBy("region")
    .agg(F.sum("amount").alias("total"), F.count("*").alias("orders"), F.countDistinct("product").alias("products"))
    .orderBy(F.col("total").desc())
    .show()
)

regions = spark.createDataFrame([("north", "Alice"), ("south", "Bob"), ("west", "Carol")], ["region", "manager"])
revenue.join(regions, "region", "left").select("region", "manager", "amount").filter("amount > 5").orderBy("region").show()

big = F.udf(lambda q: "bulk" if q >= 4 else "single", "string")
sales.select("product", "qty", big("qty").alias("kind")).where(F.col("product").isNotNull()).show()

ids = spark.range(0, 1_000_000)
print(ids.filter(F.col("id") % 7 == 0).agg(F.sum("id")).collect())

spark.stop()
