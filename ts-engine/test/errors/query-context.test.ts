import { describe, expect, it } from "vitest";
import { queryContextSummary } from "../../src/errors/query-context.js";

describe("queryContextSummary", () => {
  it("marks the fragment under its line, positions counted from 1", () => {
    expect(queryContextSummary("SELECT 1/0", 7, 9)).toBe("== SQL (line 1, position 8) ==\nSELECT 1/0\n       ^^^\n");
  });

  it("shows every line a fragment spans, marking all of its characters on the later ones", () => {
    const sql = "SELECT\n  a +\n  b\nFROM t";
    expect(queryContextSummary(sql, 9, 15)).toBe("== SQL (line 2, position 3) ==\n  a +\n  ^^^\n  b\n^^^\n");
  });

  it("cuts context longer than 32 characters on either side with ...", () => {
    const sql = `SELECT ${"x".repeat(40)}, 1/0, ${"y".repeat(40)} FROM t`;
    const start = sql.indexOf("1/0");
    const out = queryContextSummary(sql, start, start + 2).split("\n");
    expect(out[1]!.startsWith("...")).toBe(true);
    expect(out[1]!.endsWith("...")).toBe(true);
    expect(out[1]!.slice(out[2]!.indexOf("^"), out[2]!.indexOf("^") + 3)).toBe("1/0");
  });
});
