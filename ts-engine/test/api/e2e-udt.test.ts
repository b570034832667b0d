import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession, DoubleType, arrayType, structField, structType, withUdt, udtOf } from "../../src/index.js";
import { decodeDataType } from "../../src/server/protocol/decode-type.js";
import { encodeDataType } from "../../src/types/type-json.js";

// Expected forms are PySpark 4.0.1's (tests/golden/cases/types_udt.out).
const spark = SparkSession.builder.appName("e2e-udt").getOrCreate();
afterAll(() => spark.stop());

const point = withUdt(arrayType(DoubleType, false), { pyClass: "__main__.PointUDT", serializedClass: "gAWV" });

describe("user-defined types", () => {
  it("round-trips PySpark's UDT JSON form on the wire", () => {
    const json = { type: "udt", pyClass: "__main__.PointUDT", serializedClass: "gAWV", sqlType: { type: "array", elementType: "double", containsNull: false } };
    const t = decodeDataType(json, "root");
    expect(udtOf(t)).toEqual({ pyClass: "__main__.PointUDT", serializedClass: "gAWV" });
    expect(encodeDataType(t)).toEqual(json);
  });

  it("stores, shows and unwraps a UDT column as its sqlType (Node API)", async () => {
    const df = spark.createDataFrame([[1, [1, 2]], [2, null]], structType([structField("id", DoubleType), structField("p", point)]));
    expect(df.dtypes).toEqual([
      ["id", "double"],
      ["p", "udt"],
    ]);
    const u = df.select(F.unwrap_udt("p"));
    expect(udtOf(u.schema.fields[0]!.dataType)).toBeUndefined();
    expect((await u.collect()).map((r) => r.get(0))).toEqual([[1, 2], null]);
    await expect(df.select(F.unwrap_udt("id")).collect()).rejects.toThrow('requires the "USERDEFINEDTYPE" type, however "id" has the type "DOUBLE"');
  });
});
