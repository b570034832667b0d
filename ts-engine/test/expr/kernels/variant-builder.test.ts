import { describe, expect, it } from "vitest";
import { readVariant } from "../../../src/columnar/variant.js";
import { parseJsonVariant } from "../../../src/expr/functions/variant.js";
import { variantToJson } from "../../../src/expr/kernels/variant-json.js";
import { variantSchema, variantSchemaText } from "../../../src/expr/kernels/variant-schema.js";
import { parseVariantPath, followVariantPath } from "../../../src/expr/kernels/variant-path.js";

// Expected bytes are PySpark 4.0.1's VariantVal.value / .metadata for the same parse_json input.
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

describe("variant encoding", () => {
  it("writes parse_json's bytes as Spark's VariantBuilder does", () => {
    const v = parseJsonVariant('{"b":1,"a":[1,2.50,"x",null,true,1e3,12345678901234567890123,-129,40000,3000000000]}');
    expect(hex(v.metadata)).toBe("0102000102" + Buffer.from("ba").toString("hex"));
    expect(hex(v.value)).toBe(
      Buffer.from(
        '\x02\x02\x01\x00\x02\x00G\x0c\x01\x03\n\x00\x02\x08\n\x0b\x0c\x15\'*/8\x0c\x01 \x02\xfa\x00\x00\x00\x05x\x00\x04\x1c\x00\x00\x00\x00\x00@\x8f@(\x00\xcbDBqvN\xb6B\x9d\x02\x00\x00\x00\x00\x00\x00\x10\x7f\xff\x14@\x9c\x00\x00\x18\x00^\xd0\xb2\x00\x00\x00\x00',
        "latin1",
      ).toString("hex"),
    );
    expect(hex(parseJsonVariant("1.0").value)).toBe("20010a000000");
    expect(hex(parseJsonVariant('"abc"').value)).toBe("0d616263");
    expect(hex(parseJsonVariant("null").metadata)).toBe("010000");
  });

  it("reads values back: JSON text, schema and paths", () => {
    const v = parseJsonVariant('{"z":{"y":[1,{"q":"\\u00e9\\n"}]},"a":1.5e300,"d":2.50}');
    expect(variantToJson(v, "UTC")).toBe('{"a":1.5E300,"d":2.5,"z":{"y":[1,{"q":"é\\n"}]}}');
    expect(variantSchemaText(variantSchema(v))).toBe("OBJECT<a: DOUBLE, d: DECIMAL(2,1), z: OBJECT<y: ARRAY<VARIANT>>>");
    const path = parseVariantPath("$.z.y[1]['q']")!;
    expect(readVariant(v, followVariantPath(v, path))).toEqual({ kind: "string", value: "é\n" });
    expect(followVariantPath(v, parseVariantPath("$.z.y[5]")!)).toBe(-1);
    expect(parseVariantPath("a.b")).toBeNull();
  });

  it("rejects duplicate keys and malformed JSON with Spark's errors", () => {
    expect(() => parseJsonVariant('{"a":1,"a":2}')).toThrow("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: {\"a\":1,\"a\":2}.");
    expect(() => parseJsonVariant("{bad")).toThrow("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION]");
  });
});
