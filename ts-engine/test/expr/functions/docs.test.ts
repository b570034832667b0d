import { describe, expect, it } from "vitest";
import { lookupFunction, registeredFunctionNames } from "../../../src/expr/functions/registry.js";

// Entries whose SQL spelling is not their registry name.
const SPELLED: Readonly<Record<string, string>> = { "==": "=", unary_minus: "-", get_item: "[", get_field: "." };

describe("function docs", () => {
  it("every registry entry documents its usage under its own name and what it returns", () => {
    const bad = registeredFunctionNames().filter((name) => {
      const doc = lookupFunction(name)?.doc;
      if (doc === undefined) return true;
      const spelled = SPELLED[name] ?? name;
      return !doc.usage.includes(spelled) || doc.description.length < 20 || !doc.description.endsWith(".");
    });
    expect(bad).toEqual([]);
  });

  it("gives mode the usage PySpark 4.0 documents", () => {
    expect(lookupFunction("mode")?.doc.usage).toBe("mode(col[, deterministic])");
  });
});
