import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStatement } from "../../src/sql/parse-statement.js";
import { SLT_ROOT } from "./slt-file.js";

const sql = (query: string) => ({ kind: "Sql" as const, query, named: new Map(), positional: [], refs: new Map() });

describe("TPC-H query texts (tests/sql/tpch) parse into plans", () => {
  for (let q = 1; q <= 22; q++) {
    const name = `q${String(q).padStart(2, "0")}.sql`;
    const text = readFileSync(join(SLT_ROOT, "tpch", name), "utf8");
    it(name, () => {
      const s = parseStatement(sql(text), "UTC");
      expect(s.kind).toBe("Query");
    });
  }
});
