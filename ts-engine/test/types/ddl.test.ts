import { describe, expect, it } from "vitest";
import { parseDDL, parseDataType } from "../../src/types/ddl.js";
import { simpleString } from "../../src/types/type-names.js";
import { ParseException } from "../../src/errors/spark-exception.js";

describe("parseDDL", () => {
  it("parses `name TYPE` lists", () => {
    const s = parseDDL("name STRING, age INT");
    expect(s.fields.map((f) => [f.name, simpleString(f.dataType), f.nullable])).toEqual([
      ["name", "string", true],
      ["age", "int", true],
    ]);
  });

  it("parses `name: type` lists, nested types, NOT NULL and backquoted names", () => {
    const s = parseDDL("a: int, b array<int>, c map<string,int>, d struct<x:int, y: string>, e decimal(10,2), f bigint NOT NULL, `g h` long");
    expect(simpleString(s)).toBe(
      "struct<a:int,b:array<int>,c:map<string,int>,d:struct<x:int,y:string>,e:decimal(10,2),f:bigint,g h:bigint>",
    );
    expect(s.fields[5]!.nullable).toBe(false);
  });

  it("maps type synonyms", () => {
    expect(simpleString(parseDDL("a short, b byte, c real, d decimal, e timestamp_ntz, f binary, g boolean, h date"))).toBe(
      "struct<a:smallint,b:tinyint,c:float,d:decimal(10,0),e:timestamp_ntz,f:binary,g:boolean,h:date>",
    );
  });

  it("rejects malformed text with PARSE_SYNTAX_ERROR", () => {
    expect(() => parseDDL("a int,")).toThrow(ParseException);
    expect(() => parseDDL("a int b")).toThrow(/PARSE_SYNTAX_ERROR/);
  });
});

describe("parseDataType", () => {
  it("parses single types and falls back to DDL", () => {
    expect(parseDataType("int")).toEqual({ kind: "integer" });
    expect(simpleString(parseDataType("array<map<string,bigint>>"))).toBe("array<map<string,bigint>>");
    expect(simpleString(parseDataType("a int, b string"))).toBe("struct<a:int,b:string>");
  });
});
