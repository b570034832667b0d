import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import { sparkHash } from "../../../src/expr/kernels/spark-hash.js";
import { SPARK_HASH_SEED } from "../../../src/expr/kernels/murmur3.js";
import {
  BinaryType,
  BooleanType,
  DateType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  ShortType,
  StringType,
  TimestampNTZType,
  arrayType,
  decimalType,
  structField,
  structType,
  type DataType,
} from "../../../src/types/data-type.js";

const hashOf = (t: DataType, values: readonly unknown[]): number[] => Array.from(sparkHash([vectorFromValues(t, values)], values.length, SPARK_HASH_SEED));

// Expected values recorded on PySpark 4.0.1 (`SELECT hash(x) FROM VALUES …`).
describe("Spark's hash() (Murmur3 x86_32, seed 42)", () => {
  it("hashes strings on their UTF-8 bytes, with Spark's tail-byte rule", () => {
    const s = ["", "a", "ab", "abc", "abcd", "abcde", "Spark", "héllo", "日本語", "\u{1F600}x", null];
    expect(hashOf(StringType, s)).toEqual([142593372, 1485273170, -97053317, 1322437556, -396302900, 814637928, 228093765, 1212979866, -1143049834, -1814635023, 42]);
  });

  it("hashes ints, longs (both storages), booleans, shorts, dates and timestamps", () => {
    expect(hashOf(IntegerType, [0, 1, -1, 2147483647, -2147483648, 42])).toEqual([933211791, -559580957, -1604776387, 133916647, 723455942, 29417773]);
    expect(hashOf(LongType, [0, 1, -1, 9007199254740993n, -9223372036854775808n, 4294967296])).toEqual([-1670924195, -1712319331, -939490007, 1386081767, -853646085, -1307033787]);
    expect(hashOf(LongType, [0, 1, -1, 4294967296])).toEqual([-1670924195, -1712319331, -939490007, -1307033787]);
    expect(hashOf(BooleanType, [true, false])).toEqual([-559580957, 933211791]);
    expect(hashOf(ShortType, [5, -3])).toEqual([1023896466, -1573329414]);
    expect(hashOf(DateType, [19737, -1])).toEqual([1697177293, -1604776387]);
    expect(hashOf(TimestampNTZType, [1705312800000000, -1])).toEqual([-2079482790, -939490007]);
  });

  it("hashes -0.0 as 0 and NaN canonically for doubles and floats", () => {
    expect(hashOf(DoubleType, [0, -0, 1.5, NaN, -1e300])).toEqual([-1670924195, -1670924195, 1290763749, -1281358385, 1411651062]);
    expect(hashOf(FloatType, [0, -0, 1.5, NaN])).toEqual([933211791, 933211791, -221251528, -349261430]);
  });

  it("hashes decimals by unscaled long up to 18 digits, by Java's BigInteger bytes beyond", () => {
    expect(hashOf(decimalType(10, 2), ["12.50", "-0.01", "0.00"])).toEqual([-524872140, -939490007, -1670924195]);
    expect(hashOf(decimalType(31, 2), ["12.50", "-0.01", "12345678901234567890.50", "-12345678901234567890.50"])).toEqual([
      -1487258031, 1398487324, -528729981, -1983803224,
    ]);
  });

  it("hashes binaries, arrays, structs and several columns in turn", () => {
    expect(hashOf(BinaryType, [new Uint8Array([]), new Uint8Array([1]), new Uint8Array([1, 2, 255, 128]), new Uint8Array([1, 2, 255, 128, 1])])).toEqual([
      142593372, -386724586, 1583063879, 1917547604,
    ]);
    expect(hashOf(arrayType(IntegerType, true), [[1, 2, 3], [], [null, 1]])).toEqual([-912918097, 42, -559580957]);
    expect(hashOf(arrayType(StringType, false), [["a", "bc"]])).toEqual([204370463]);
    expect(hashOf(structType([structField("a", IntegerType, false), structField("b", StringType, false)]), [[1, "x"]])).toEqual([-1305545736]);
    const a = vectorFromValues(IntegerType, [1, null, 1]);
    const b = vectorFromValues(StringType, ["x", "x", null]);
    const c = vectorFromValues(DoubleType, [2.5, 2.5, null]);
    expect(Array.from(sparkHash([a, b, c], 3, SPARK_HASH_SEED))).toEqual([-1397093485, -960139824, -559580957]);
  });
});
