import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SqlConf } from "../../src/conf/sql-conf.js";
import { analyze } from "../../src/plan/analyzer/analyzer.js";
import { schemaOf } from "../../src/plan/output.js";
import { parseDDL } from "../../src/types/ddl.js";
import { simpleString } from "../../src/types/type-names.js";

interface NameCase {
  readonly expr: string;
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

// Recorded on PySpark 4.0.1 by golden/record_names.py: df.selectExpr(expr).schema.fields[0].
const golden = JSON.parse(readFileSync(new URL("./golden/expr-names.json", import.meta.url), "utf8")) as {
  ddl: string;
  cases: NameCase[];
};

/** Known type gaps (none at the moment). */
const TYPE_GAPS = new Set<string>([]);

describe("generated column names and types match PySpark", () => {
  const input = { kind: "LocalRelation" as const, schema: parseDDL(golden.ddl), rows: [] };
  for (const c of golden.cases) {
    it(c.expr, () => {
      const plan = analyze({ kind: "Project", input, exprs: [{ kind: "ExprString", sql: c.expr }] }, { conf: new SqlConf() });
      const f = schemaOf(plan).fields[0]!;
      expect(f.name).toBe(c.name);
      if (!TYPE_GAPS.has(c.expr)) expect(simpleString(f.dataType)).toBe(c.type);
      expect(f.nullable).toBe(c.nullable);
    });
  }
});
