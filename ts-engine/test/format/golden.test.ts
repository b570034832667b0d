import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { showString } from "../../src/format/show-string.js";
import { treeString } from "../../src/format/tree-string.js";
import { decodeValue, schemaFromSparkJson } from "./spark-json.js";

interface GoldenCase {
  readonly name: string;
  readonly schema: unknown;
  readonly rows?: unknown[][];
  readonly numRows?: number;
  readonly truncate?: number;
  readonly vertical?: boolean;
  readonly expected?: string;
  readonly tree?: string;
}

// Recorded on PySpark 4.0.1 by golden/record_show.py (session time zone UTC).
const cases = JSON.parse(readFileSync(new URL("./golden/show-cases.json", import.meta.url), "utf8")) as GoldenCase[];

describe("show() and printSchema match PySpark goldens", () => {
  for (const c of cases) {
    it(c.name, () => {
      const schema = schemaFromSparkJson(c.schema);
      if (c.tree !== undefined) {
        expect(treeString(schema)).toBe(c.tree);
        return;
      }
      const rows = (c.rows ?? []).map((r) => r.map(decodeValue));
      const n = c.numRows!;
      const out = showString(schema, rows.slice(0, n), rows.length > n, n, c.truncate!, c.vertical!, "UTC");
      expect(out).toBe(c.expected);
    });
  }
});
