import { describe, expect, it } from "vitest";
import { pyFloatRepr, pyRepr } from "../../src/api/py-repr.js";
import { Row } from "../../src/index.js";
import { DoubleType, LongType } from "../../src/types/data-type.js";

describe("Row", () => {
  const r = new Row(["name", "age"], ["Alice", 2]);

  it("reads fields by name, by key and by position", () => {
    expect(r["name"]).toBe("Alice");
    expect(r.age).toBe(2);
    expect(r.get("age")).toBe(2);
    expect(r.get(0)).toBe("Alice");
    expect([...r]).toEqual(["Alice", 2]);
    expect(r.asDict()).toEqual({ name: "Alice", age: 2 });
  });

  it("prints PySpark's repr", () => {
    expect(String(r)).toBe("Row(name='Alice', age=2)");
    expect(String(new Row(["region", "sum(qty)"], [null, 1]))).toBe("Row(region=None, sum(qty)=1)");
    expect(String(new Row(["v", "n"], [2, 2], [DoubleType, LongType]))).toBe("Row(v=2.0, n=2)");
    expect(String(Row.fromObject({ a: 1, b: "x" }))).toBe("Row(a=1, b='x')");
  });

  it("keeps the first of duplicate field names as a property", () => {
    const j = new Row(["dept", "dept"], [10, 20]);
    expect(j.dept).toBe(10);
    expect(j.toArray()).toEqual([10, 20]);
  });
});

describe("Python reprs", () => {
  it("formats floats as Python", () => {
    expect(pyFloatRepr(1e10)).toBe("10000000000.0");
    expect(pyFloatRepr(1e16)).toBe("1e+16");
    expect(pyFloatRepr(0.1)).toBe("0.1");
    expect(pyFloatRepr(1.5e-5)).toBe("1.5e-05");
    expect(pyFloatRepr(-2)).toBe("-2.0");
  });

  it("formats strings, booleans, None and big longs as Python", () => {
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr("a\nb")).toBe("'a\\nb'");
    expect(pyRepr(true)).toBe("True");
    expect(pyRepr(null)).toBe("None");
    expect(pyRepr(9007199254740993n)).toBe("9007199254740993");
    expect(pyRepr(new Date(Date.UTC(2024, 0, 2)), { kind: "date" })).toBe("datetime.date(2024, 1, 2)");
  });
});

describe("Row.ofShared (query results)", () => {
  it("reads fields by name and position like a constructed Row, sharing accessors per names array", () => {
    const names = ["name", "get", "name"];
    const a = Row.ofShared(names, ["Ann", 1, "dup"], []);
    const b = Row.ofShared(names, ["Bo", 2, "dup"], []);
    expect(a.name).toBe("Ann");
    expect(b.name).toBe("Bo");
    expect(a["get"]).toBe(1);
    expect(Row.prototype.get.call(b, 0)).toBe("Bo");
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(a).toBeInstanceOf(Row);
    expect(String(Row.ofShared(["x", "y"], [1, "s"], []))).toBe("Row(x=1, y='s')");
    expect(Row.ofShared(["x"], [3], []).asDict()).toEqual({ x: 3 });
  });

  it("does not let a field be overwritten", () => {
    const r = Row.ofShared(["x"], [1], []);
    expect(() => {
      (r as unknown as { x: number }).x = 5;
    }).toThrow(TypeError);
    expect(r.x).toBe(1);
  });
});
