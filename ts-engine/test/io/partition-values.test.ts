import { describe, expect, it } from "vitest";
import { escapePathName, inferPartitionType, parsePartitionDir, widerPartitionType } from "../../src/io/partition-values.js";
import { DoubleType, IntegerType, LongType, StringType } from "../../src/types/data-type.js";

describe("partition values", () => {
  it("infers Spark's types in order: int, long, decimal, double, timestamp, date, string", () => {
    const t = (raw: string) => inferPartitionType(raw, "UTC").kind;
    expect(["1", "-7", "3000000000", "123456789012345678901", "1.5", "2024-01-02 03:04:05", "2024-01-02", "abc", "__HIVE_DEFAULT_PARTITION__"].map(t)).toEqual([
      "integer",
      "integer",
      "long",
      "decimal",
      "double",
      "timestamp",
      "date",
      "string",
      "null",
    ]);
  });

  it("widens across partitions: int with long is long, with double is double, with string is string", () => {
    expect(widerPartitionType(IntegerType, LongType)).toEqual(LongType);
    expect(widerPartitionType(IntegerType, DoubleType)).toEqual(DoubleType);
    expect(widerPartitionType(IntegerType, StringType)).toEqual(StringType);
  });

  it("escapes and unescapes directory names as Spark does", () => {
    expect(escapePathName("a=b/c:d")).toBe("a%3Db%2Fc%3Ad");
    expect(parsePartitionDir("k=a%3Db")).toEqual({ key: "k", raw: "a=b" });
    expect(parsePartitionDir("plain")).toBeNull();
  });
});
