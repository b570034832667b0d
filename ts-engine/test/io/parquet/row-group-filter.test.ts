import type { SchemaElement, Statistics } from "hyparquet";
import { describe, expect, it } from "vitest";
import { mightMatch, type ColumnStats } from "../../../src/io/parquet/row-group-filter.js";
import type { PushedFilter } from "../../../src/io/pushed-filter.js";
import type { DataType } from "../../../src/types/data-type.js";

const INT: SchemaElement = { name: "i", type: "INT32", repetition_type: "OPTIONAL" };
const LONG: SchemaElement = { name: "l", type: "INT64", repetition_type: "OPTIONAL" };
const STR: SchemaElement = { name: "s", type: "BYTE_ARRAY", repetition_type: "OPTIONAL", converted_type: "UTF8" };

function lookup(cols: Record<string, [DataType, SchemaElement, Statistics | undefined]>): (c: string) => ColumnStats | undefined {
  return (c) => {
    const x = cols[c];
    return x === undefined ? undefined : { type: x[0], element: x[1], stats: x[2] };
  };
}

// A row group of 100 rows: i in [10, 20] with 5 nulls, l in [2^60, 2^60 + 5], s in ["apple", "banana"].
const rg = lookup({
  i: [{ kind: "integer" }, INT, { min_value: 10, max_value: 20, null_count: 5n }],
  l: [{ kind: "long" }, LONG, { min_value: 2n ** 60n, max_value: 2n ** 60n + 5n, null_count: 0n }],
  s: [{ kind: "string" }, STR, { min_value: "apple", max_value: "banana", null_count: 0n }],
  allnull: [{ kind: "integer" }, INT, { null_count: 100n }],
  nostats: [{ kind: "integer" }, INT, undefined],
});

const cmp = (kind: "EqualTo" | "GreaterThan" | "GreaterThanOrEqual" | "LessThan" | "LessThanOrEqual" | "EqualNullSafe", column: string, value: unknown): PushedFilter => ({ kind, column, value, shown: String(value) });

describe("row-group pruning by statistics", () => {
  it("keeps a row group only when its [min, max] can hold a match", () => {
    expect(mightMatch(cmp("EqualTo", "i", 15), rg, 100)).toBe(true);
    expect(mightMatch(cmp("EqualTo", "i", 21), rg, 100)).toBe(false);
    expect(mightMatch(cmp("GreaterThan", "i", 20), rg, 100)).toBe(false);
    expect(mightMatch(cmp("GreaterThan", "i", 19), rg, 100)).toBe(true);
    expect(mightMatch(cmp("GreaterThanOrEqual", "i", 20), rg, 100)).toBe(true);
    expect(mightMatch(cmp("LessThan", "i", 10), rg, 100)).toBe(false);
    expect(mightMatch(cmp("LessThanOrEqual", "i", 10), rg, 100)).toBe(true);
  });

  it("compares longs past 2^53 exactly", () => {
    expect(mightMatch(cmp("GreaterThan", "l", 2n ** 60n + 5n), rg, 100)).toBe(false);
    expect(mightMatch(cmp("GreaterThan", "l", 2n ** 60n + 4n), rg, 100)).toBe(true);
  });

  it("compares strings by their UTF-8 bytes, and prunes on prefixes", () => {
    expect(mightMatch(cmp("EqualTo", "s", "cherry"), rg, 100)).toBe(false);
    expect(mightMatch(cmp("EqualTo", "s", "b"), rg, 100)).toBe(true);
    expect(mightMatch({ kind: "StringStartsWith", column: "s", value: "c" }, rg, 100)).toBe(false);
    expect(mightMatch({ kind: "StringStartsWith", column: "s", value: "ban" }, rg, 100)).toBe(true);
    expect(mightMatch({ kind: "StringStartsWith", column: "s", value: "a" }, rg, 100)).toBe(true);
    expect(mightMatch({ kind: "StringEndsWith", column: "s", value: "zzz" }, rg, 100)).toBe(true);
  });

  it("uses null counts for IS [NOT] NULL and all-null row groups", () => {
    expect(mightMatch({ kind: "IsNull", column: "i" }, rg, 100)).toBe(true);
    expect(mightMatch({ kind: "IsNull", column: "l" }, rg, 100)).toBe(false);
    expect(mightMatch({ kind: "IsNotNull", column: "allnull" }, rg, 100)).toBe(false);
    expect(mightMatch(cmp("EqualTo", "allnull", 1), rg, 100)).toBe(false);
    expect(mightMatch(cmp("EqualNullSafe", "l", null), rg, 100)).toBe(false);
    expect(mightMatch(cmp("EqualNullSafe", "i", null), rg, 100)).toBe(true);
  });

  it("keeps row groups it cannot judge", () => {
    expect(mightMatch(cmp("EqualTo", "nostats", 1), rg, 100)).toBe(true);
    expect(mightMatch(cmp("EqualTo", "missing", 1), rg, 100)).toBe(true);
    expect(mightMatch({ kind: "Not", child: cmp("EqualTo", "i", 15) }, rg, 100)).toBe(true);
  });

  it("combines with AND, OR and IN", () => {
    const no = cmp("EqualTo", "i", 99);
    const yes = cmp("EqualTo", "i", 12);
    expect(mightMatch({ kind: "And", left: yes, right: no }, rg, 100)).toBe(false);
    expect(mightMatch({ kind: "Or", left: yes, right: no }, rg, 100)).toBe(true);
    expect(mightMatch({ kind: "In", column: "i", values: [1, 2, 30], shown: [] }, rg, 100)).toBe(false);
    expect(mightMatch({ kind: "In", column: "i", values: [1, 12], shown: [] }, rg, 100)).toBe(true);
  });
});
