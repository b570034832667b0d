from _fixtures import golden_session, sql_reporter

# SHOW PARTITIONS and ALTER TABLE … ADD / DROP / RENAME PARTITION: rows and Spark's messages;
# Hive tables (STORED AS, ROW FORMAT), which Spark without Hive support refuses
spark = golden_session(warehouse=True)
report = sql_reporter(spark)

spark.sql("CREATE TABLE s (amount INT, region STRING, year INT) USING parquet PARTITIONED BY (region, year)")
spark.sql("INSERT INTO s VALUES (1, 'north', 2024), (2, 'a b/c', 2025), (3, NULL, 2024)")
spark.sql("ALTER TABLE s ADD PARTITION (region = 'east', year = 2023)")
spark.sql("SHOW PARTITIONS s").show(truncate=False)
spark.sql("SHOW PARTITIONS s PARTITION (year = 2024)").show(truncate=False)
report("ALTER TABLE s ADD PARTITION (region = 'east', year = 2023)")
report("ALTER TABLE s DROP PARTITION (region = 'nowhere', year = 1)")
report("ALTER TABLE s PARTITION (region = 'east', year = 2023) RENAME TO PARTITION (region = 'north', year = 2024)")
spark.sql("ALTER TABLE s PARTITION (region = 'east', year = 2023) RENAME TO PARTITION (region = 'west', year = 2020)")
spark.sql("ALTER TABLE s DROP PARTITION (region = 'north', year = 2024)")
spark.sql("SHOW PARTITIONS s").show(truncate=False)
spark.sql("CREATE TABLE flat (a INT) USING parquet")
report("SHOW PARTITIONS flat")
report("ALTER TABLE flat ADD PARTITION (a = 1)")
report("CREATE TABLE h (a INT) STORED AS PARQUET")
report("CREATE TABLE IF NOT EXISTS h2 (a INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' STORED AS TEXTFILE")
spark.stop()
