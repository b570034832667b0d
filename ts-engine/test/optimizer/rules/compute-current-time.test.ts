import { describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { optimize } from "../../../src/optimizer/optimizer.js";
import { computeCurrentTime } from "../../../src/optimizer/rules/compute-current-time.js";
import { analyze } from "../../../src/plan/analyzer/analyzer.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import { alias, fn, range } from "../../engine/helpers.js";

const resolved = (p: LogicalPlan, conf = new SqlConf()): LogicalPlan => analyze(p, { conf });
const nowPlan = (): LogicalPlan => ({
  kind: "Project",
  input: range(0, 1),
  exprs: [alias(fn("current_timestamp"), "b"), alias(fn("now"), "c"), alias(fn("current_date"), "d"), alias(fn("localtimestamp"), "e")],
});
const children = (p: LogicalPlan): unknown[] => (p.kind === "Project" ? p.exprs.map((e) => (e.kind === "Alias" ? e.child : e)) : []);

describe("ComputeCurrentTime", () => {
  it("turns every current-time call of a query into a literal of one instant, in the session zone", () => {
    const conf = new SqlConf();
    conf.set("spark.sql.session.timeZone", "America/Los_Angeles");
    // 10:30 UTC on 2024-03-10 is 03:30 PDT: Los Angeles moved to daylight time at 10:00 UTC.
    const nowUs = Date.UTC(2024, 2, 10, 10, 30, 0, 123) * 1000 + 456;
    const q = computeCurrentTime(resolved(nowPlan(), conf), nowUs, "America/Los_Angeles");
    const [b, c, d, e] = children(q);
    expect(b).toMatchObject({ kind: "Literal", value: nowUs, dataType: { kind: "timestamp" } });
    expect(c).toEqual(b);
    expect(d).toMatchObject({ kind: "Literal", value: Date.UTC(2024, 2, 10) / 86_400_000, dataType: { kind: "date" } });
    expect(e).toMatchObject({ kind: "Literal", value: Date.UTC(2024, 2, 10, 3, 30, 0, 123) * 1000 + 456, dataType: { kind: "timestamp_ntz" } });
  });

  it("runs in optimize() unless excluded by name", () => {
    const on = optimize(resolved(nowPlan()), new SqlConf());
    expect(children(on).every((x) => (x as { kind: string }).kind === "Literal")).toBe(true);
    const conf = new SqlConf();
    conf.set("spark.sql.optimizer.excludedRules", "org.apache.spark.sql.catalyst.optimizer.ComputeCurrentTime");
    const off = optimize(resolved(nowPlan()), conf);
    expect(children(off).some((x) => (x as { kind: string }).kind === "ScalarCall")).toBe(true);
  });
});
