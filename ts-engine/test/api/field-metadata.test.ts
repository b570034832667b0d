import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// StructField metadata from the Node API (tests/golden/cases/frame_metadata.py): withMetadata
// and alias(name, { metadata }), kept by the operators that keep the column, as PySpark.
const spark = SparkSession.builder.appName("metadata").getOrCreate();
afterAll(() => spark.stop());

describe("field metadata", () => {
  const df = spark.range(3).withColumn("s", F.lit("a"));
  const m = df.withMetadata("id", { comment: "the id", n: 1 });
  const metaOf = (d: typeof df, name: string): unknown => d.schema.fields.find((f) => f.name === name)?.metadata ?? {};

  it("sets a column's metadata, kept through select, filter, join and union's first side", () => {
    expect(metaOf(m, "id")).toEqual({ comment: "the id", n: 1 });
    expect(metaOf(m, "s")).toEqual({});
    expect(metaOf(m.select("id"), "id")).toEqual({ comment: "the id", n: 1 });
    expect(metaOf(m.select(F.col("id").alias("j")), "j")).toEqual({ comment: "the id", n: 1 });
    expect(metaOf(m.filter(F.col("id").gt(0)), "id")).toEqual({ comment: "the id", n: 1 });
    expect(metaOf(m.join(df, "id"), "id")).toEqual({ comment: "the id", n: 1 });
    expect(metaOf(m.union(df), "id")).toEqual({ comment: "the id", n: 1 });
    expect(metaOf(df.union(m), "id")).toEqual({});
  });

  it("drops it for a computed column; alias(name, {metadata}) sets it; an empty object keeps it", () => {
    expect(metaOf(m.select(F.col("id").plus(1).alias("j")), "j")).toEqual({});
    expect(metaOf(df.select(F.col("id").alias("k", { metadata: { a: "b" } })), "k")).toEqual({ a: "b" });
    expect(metaOf(m.withMetadata("id", {}), "id")).toEqual({ comment: "the id", n: 1 });
    expect(() => df.withMetadata("id", "x" as unknown as Record<string, string>)).toThrow(/NOT_DICT/);
  });

  it("survives a Parquet round trip (Spark's row.metadata footer key)", async () => {
    const dir = `${process.env.TMPDIR ?? "/tmp"}/tspark-meta-${process.pid}-${Date.now()}`;
    await m.write.parquet(dir);
    const back = await spark.read.parquet(dir);
    expect(metaOf(back, "id")).toEqual({ comment: "the id", n: 1 });
  });
});
