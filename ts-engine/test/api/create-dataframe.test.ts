import { describe, expect, it } from "vitest";
import { localRelation } from "../../src/api/create-dataframe.js";
import { PySparkTypeError, PySparkValueError, Row } from "../../src/index.js";
import {
  arrayType,
  BooleanType,
  DoubleType,
  LongType,
  StringType,
  structField,
  structType,
  TimestampType,
} from "../../src/types/data-type.js";

const fieldTypes = (data: Parameters<typeof localRelation>[0], schema?: Parameters<typeof localRelation>[1]) =>
  localRelation(data, schema).schema.fields.map((f) => [f.name, f.dataType.kind, f.nullable]);

describe("createDataFrame infers schemas as PySpark does", () => {
  it("infers long, double, string, boolean, timestamp from arrays with given names", () => {
    const when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const rel = localRelation([[1, 2.5, "s", true, when, 5n]], ["i", "f", "s", "b", "t", "big"]);
    expect(rel.schema).toEqual(
      structType([
        structField("i", LongType),
        structField("f", DoubleType),
        structField("s", StringType),
        structField("b", BooleanType),
        structField("t", TimestampType),
        structField("big", LongType),
      ]),
    );
    expect(rel.rows).toEqual([[1, 2.5, "s", true, when.getTime() * 1000, 5]]);
  });

  it("names array columns _1, _2 without names", () => {
    expect(fieldTypes([[1, "a"]])).toEqual([
      ["_1", "long", true],
      ["_2", "string", true],
    ]);
  });

  it("reads objects and Rows by key, filling nulls from later rows", () => {
    expect(fieldTypes([{ a: 1, b: null }, { a: 2, b: "x" }])).toEqual([
      ["a", "long", true],
      ["b", "string", true],
    ]);
    const rel = localRelation([Row.fromObject({ name: "Ann", age: 3 }), Row.fromObject({ name: "Bo", age: null })]);
    expect(rel.rows).toEqual([
      ["Ann", 3],
      ["Bo", null],
    ]);
  });

  it("renames object rows by position when names are given", () => {
    const rel = localRelation([{ a: 1, b: "x" }], ["x", "y"]);
    expect(rel.schema.fields.map((f) => f.name)).toEqual(["x", "y"]);
    expect(rel.rows).toEqual([[1, "x"]]);
  });

  it("widens long and double to double (JS has one number type)", () => {
    expect(fieldTypes([[1], [2.5]], ["v"])).toEqual([["v", "double", true]]);
  });

  it("keeps longs past 2^53 exact as bigint", () => {
    expect(localRelation([[9007199254740993n]], ["big"]).rows).toEqual([[9007199254740993n]]);
  });

  it("infers arrays element-wise", () => {
    expect(localRelation([[[1, 2]]], ["xs"]).schema.fields[0]!.dataType).toEqual(arrayType(LongType));
  });

  it("raises CANNOT_DETERMINE_TYPE for an all-null column", () => {
    expect(() => localRelation([[null]], ["a"])).toThrow(PySparkValueError);
    expect(() => localRelation([[null]], ["a"])).toThrow("[CANNOT_DETERMINE_TYPE] Some of types cannot be determined after inferring.");
  });

  it("raises CANNOT_INFER_EMPTY_SCHEMA for no rows and no schema", () => {
    expect(() => localRelation([])).toThrow(/CANNOT_INFER_EMPTY_SCHEMA/);
  });
});

describe("createDataFrame checks rows against a given schema", () => {
  const schema = structType([structField("id", LongType, false), structField("v", DoubleType)]);

  it("accepts a StructType and converts values", () => {
    expect(localRelation([[1, 1.0], [2, null]], schema).rows).toEqual([
      [1, 1],
      [2, null],
    ]);
  });

  it("raises FIELD_STRUCT_LENGTH_MISMATCH for a row of the wrong length", () => {
    expect(() => localRelation([[1, 2, 3]], schema)).toThrow(
      "[FIELD_STRUCT_LENGTH_MISMATCH] Length of object (3) does not match with length of fields (2).",
    );
  });

  it("raises FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME for a value of the wrong type", () => {
    const s = structType([structField("a", { kind: "integer" })]);
    let err: unknown;
    try {
      localRelation([["x"]], s);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PySparkTypeError);
    expect((err as PySparkTypeError).getCondition()).toBe("FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME");
    expect((err as Error).message).toBe(
      "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field a: IntegerType() can not accept object 'x' in type <class 'str'>.",
    );
  });

  it("raises FIELD_NOT_NULLABLE_WITH_NAME for null in a non-nullable field", () => {
    expect(() => localRelation([[null, 1.0]], schema)).toThrow(/FIELD_NOT_NULLABLE_WITH_NAME/);
  });

  it("parses a DDL schema", () => {
    expect(fieldTypes([["a", 1]], "name STRING, age INT")).toEqual([
      ["name", "string", true],
      ["age", "integer", true],
    ]);
  });
});
