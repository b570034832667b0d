import { describe, expect, it } from "vitest";
import { InvalidPlanInput } from "../../../src/errors/spark-exception.js";
import type { Filter, LocalRelation, Project } from "../../../src/plan/logical-plan.js";
import { decodePlan } from "../../../src/server/protocol/decode-plan.js";
import { decodeDataType } from "../../../src/server/protocol/decode-type.js";
import { encodeDataType } from "../../../src/server/protocol/encode-type.js";

function errorOf(raw: unknown): string {
  try {
    decodePlan(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidPlanInput);
    return (e as InvalidPlanInput).messageParameters["message"] ?? "";
  }
  throw new Error("expected InvalidPlanInput");
}

const range = { kind: "Range", start: 0, end: 10, step: 1 };
const col = (n: string) => ({ kind: "UnresolvedAttribute", nameParts: [n] });

describe("decodePlan", () => {
  it("decodes Filter(Range) with an operator call", () => {
    const plan = decodePlan({
      kind: "Filter",
      planId: 2,
      input: { ...range, planId: 1, numPartitions: 2 },
      condition: { kind: "UnresolvedFunction", name: ">", args: [col("id"), { kind: "Literal", value: 5, dataType: "long" }], isDistinct: false },
    }) as Filter;
    expect(plan).toEqual({
      kind: "Filter",
      planId: 2,
      input: { kind: "Range", start: 0, end: 10, step: 1, numPartitions: 2, planId: 1 },
      condition: {
        kind: "UnresolvedFunction",
        name: ">",
        args: [{ kind: "UnresolvedAttribute", nameParts: ["id"] }, { kind: "Literal", value: 5, dataType: { kind: "long" } }],
        isDistinct: false,
      },
    });
  });

  it("converts LocalRelation rows to the vector convention", () => {
    const plan = decodePlan({
      kind: "LocalRelation",
      schema: {
        type: "struct",
        fields: [
          { name: "big", type: "long", nullable: true, metadata: {} },
          { name: "d", type: "date", nullable: true, metadata: {} },
          { name: "m", type: { type: "map", keyType: "string", valueType: "double", valueContainsNull: true }, nullable: true, metadata: {} },
          { name: "dec", type: "decimal(10,2)", nullable: true, metadata: {} },
          { name: "s", type: { type: "struct", fields: [{ name: "x", type: "integer", nullable: true, metadata: {} }] }, nullable: true, metadata: {} },
        ],
      },
      rows: [
        [9007199254740993n, 19000, [["a", 1.5]], "12.50", [7]],
        [null, null, null, null, null],
      ],
    }) as LocalRelation;
    expect(plan.schema.fields.map((f) => f.dataType.kind)).toEqual(["long", "date", "map", "decimal", "struct"]);
    expect(plan.rows).toEqual([
      [9007199254740993n, 19000, [["a", 1.5]], "12.50", [7]],
      [null, null, null, null, null],
    ]);
  });

  it("decodes expressions: alias, cast, case when, star, sort order, python udf", () => {
    const func = Uint8Array.from([0x80, 0x05]);
    const plan = decodePlan({
      kind: "Project",
      input: range,
      exprs: [
        { kind: "Alias", child: { kind: "Cast", child: col("id"), dataType: "string" }, name: "s" },
        { kind: "CaseWhen", branches: [[{ kind: "ExprString", sql: "id > 1" }, { kind: "Literal", value: "big", dataType: "string" }]] },
        { kind: "UnresolvedStar" },
        { kind: "PythonUDF", name: "f", func, returnType: "integer", args: [col("id")], evalType: 100, deterministic: true },
      ],
    }) as Project;
    expect(plan.exprs[0]).toEqual({ kind: "Alias", name: "s", child: { kind: "Cast", child: col("id"), dataType: { kind: "string" } } });
    expect(plan.exprs[1]).toMatchObject({ kind: "CaseWhen", branches: [[{ kind: "ExprString", sql: "id > 1" }, { value: "big" }]] });
    expect(plan.exprs[2]).toEqual({ kind: "UnresolvedStar" });
    expect(plan.exprs[3]).toMatchObject({ kind: "PythonUDF", evalType: 100, returnType: { kind: "integer" } });
    const sorted = decodePlan({ kind: "Sort", input: range, orders: [{ kind: "SortOrder", child: col("id"), ascending: false }], global: true });
    expect(sorted).toMatchObject({ orders: [{ ascending: false, nullsFirst: false }] });
  });

  it("names the path of an unknown relation kind", () => {
    expect(errorOf({ kind: "Filter", input: { kind: "Teleport" }, condition: col("x") })).toBe('root.input.kind: unknown relation kind "Teleport"');
  });

  it("names the path of an unknown expression kind", () => {
    expect(errorOf({ kind: "Filter", input: range, condition: { kind: "Magic" } })).toBe('root.condition.kind: unknown expression kind "Magic"');
  });

  it("names the path of a missing or mistyped field", () => {
    expect(errorOf({ kind: "Filter", input: range })).toBe("root.condition: missing");
    expect(errorOf({ kind: "Range", start: "0", end: 1, step: 1 })).toContain("root.start: expected an int");
    expect(errorOf({ kind: "Join", left: range, right: range, joinType: "sideways" })).toContain("root.joinType");
    expect(errorOf({ kind: "Union", inputs: [range, { kind: "Project", input: range, exprs: [7] }] })).toContain("root.inputs[1].exprs[0]: expected a map");
    expect(errorOf([1, 2])).toContain("root: expected a map");
    expect(errorOf({ kind: "__proto__" })).toContain("unknown relation kind");
    expect(errorOf({ kind: "toString" })).toContain("unknown relation kind");
  });

  it("rejects LocalRelation values that do not fit the schema", () => {
    const schema = { type: "struct", fields: [{ name: "a", type: "integer", nullable: true, metadata: {} }] };
    expect(errorOf({ kind: "LocalRelation", schema, rows: [[1], [2, 3]] })).toBe("root.rows[1]: expected 1 values, got 2");
    expect(errorOf({ kind: "LocalRelation", schema, rows: [[2 ** 31]] })).toContain("root.rows[0][0]: 2147483648 is out of range for integer");
    expect(errorOf({ kind: "LocalRelation", schema, rows: [["x"]] })).toContain("root.rows[0][0]: expected an int");
    expect(errorOf({ kind: "Filter", input: range, condition: { kind: "Literal", value: "1x", dataType: "decimal(3,1)" } })).toContain("invalid decimal");
  });
});

describe("data types", () => {
  it("round-trips Spark's JSON type form", () => {
    const forms = [
      "long",
      "timestamp_ntz",
      "decimal(38,18)",
      { type: "array", elementType: "string", containsNull: true },
      { type: "map", keyType: "string", valueType: { type: "array", elementType: "double", containsNull: false }, valueContainsNull: true },
      { type: "struct", fields: [{ name: "a", type: "integer", nullable: false, metadata: {} }] },
    ];
    for (const f of forms) expect(encodeDataType(decodeDataType(f, "t"))).toEqual(f);
  });

  it("rejects unknown types with the path", () => {
    expect(() => decodeDataType("varchar", "root.dataType")).toThrow(/root\.dataType: unknown data type "varchar"/);
    expect(() => decodeDataType("decimal(40,2)", "x")).toThrow(/invalid decimal/);
  });
});
