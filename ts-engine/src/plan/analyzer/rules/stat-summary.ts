import { IllegalArgumentException, SparkException } from "../../../errors/spark-exception.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { arrayType, DoubleType, IntegerType, StringType, isNumeric } from "../../../types/data-type.js";
import { outputOf } from "../../output.js";
import type { ParsedPlan, StatSummary } from "../../parsed-plan.js";
import type { Resolved } from "../context.js";

/** Spark's default statistics of summary(). */
const DEFAULT_STATISTICS = ["count", "mean", "stddev", "min", "25%", "50%", "75%", "max"];

/** The statistics that are one aggregate of the column (or of it read as a double), by name. */
const SIMPLE_STATISTICS: Readonly<Record<string, (column: ParsedExpr, asDouble: ParsedExpr) => ParsedExpr>> = {
  count: (c) => fn("count", c),
  count_distinct: (c) => ({ kind: "UnresolvedFunction", name: "count", args: [c], isDistinct: true }),
  approx_count_distinct: (c) => fn("approx_count_distinct", c),
  mean: (_c, d) => fn("avg", d),
  stddev: (_c, d) => fn("stddev", d),
  min: (c) => fn("min", c),
  max: (c) => fn("max", c),
};

/** ApproximatePercentile.DEFAULT_PERCENTILE_ACCURACY. */
const PERCENTILE_ACCURACY = 10000;

const fn = (name: string, ...args: ParsedExpr[]): ParsedExpr => ({ kind: "UnresolvedFunction", name, args, isDistinct: false });
const str = (value: string): ParsedExpr => ({ kind: "Literal", value, dataType: StringType });
const colRef = (name: string): ParsedExpr => ({ kind: "UnresolvedAttribute", nameParts: [name] });
const asString = (e: ParsedExpr): ParsedExpr => ({ kind: "Cast", child: e, dataType: StringType });

function unrecognized(stat: string): SparkException {
  // Spark's SparkIllegalArgumentException with its error class
  return new SparkException("IllegalArgumentException", "UNRECOGNIZED_STATISTIC", { stats: `'${stat}'` });
}

/**
 * The plan of summary(), as Spark's StatFunctions.summary builds it: one aggregate row holding,
 * per numeric or string column, a map from each statistic to its value as a string (string
 * columns read as doubles for mean, stddev and percentiles, which come from one
 * percentile_approx per column); then one row per statistic (explode), each column the
 * statistic's entry of its map. A frame with no such column gives the statistic names alone.
 */
export function summaryPlan(p: StatSummary, child: Resolved): ParsedPlan {
  const stats = p.statistics.length > 0 ? p.statistics : DEFAULT_STATISTICS;
  const percentiles = stats
    .filter((s) => s.endsWith("%"))
    .map((s) => {
      const v = Number(s.slice(0, -1));
      if (s.slice(0, -1).trim() === "" || Number.isNaN(v)) throw unrecognized(s);
      return v / 100;
    });
  if (percentiles.some((x) => x < 0 || x > 1)) throw new IllegalArgumentException("requirement failed: Percentiles must be in the range [0, 1]");
  const fields = outputOf(child.plan).filter((a) => isNumeric(a.dataType) || a.dataType.kind === "string");
  // Spark's lit(Array[String]): an array whose elements may be null, so explode's column is nullable
  const statArray: ParsedExpr = { kind: "Literal", value: [...stats], dataType: arrayType(StringType, true) };
  if (fields.length === 0) {
    return { kind: "Project", input: { kind: "Range", start: 0, end: 1, step: 1, numPartitions: 1 }, exprs: [{ kind: "Alias", child: fn("explode", statArray), name: "summary" }] };
  }
  const maps = fields.map((f): ParsedExpr => {
    const column = colRef(f.name);
    // strings read as doubles, null where they are none (Spark's summary gives mean NULL, not an error)
    const casted: ParsedExpr = f.dataType.kind === "string" ? fn("try_cast", column, str("double")) : column;
    const pcts = percentiles.length === 0 ? undefined : fn("percentile_approx", casted, fn("array", ...percentiles.map((x): ParsedExpr => ({ kind: "Literal", value: x, dataType: DoubleType }))), { kind: "Literal", value: PERCENTILE_ACCURACY, dataType: IntegerType });
    let k = 0;
    const entries = stats.flatMap((s): ParsedExpr[] => {
      const simple = SIMPLE_STATISTICS[s.toLowerCase()];
      const value = ((): ParsedExpr => {
        if (simple !== undefined) return simple(column, casted);
        if (s.endsWith("%") && pcts !== undefined) return fn("get", pcts, { kind: "Literal", value: k++, dataType: IntegerType });
        throw unrecognized(s);
      })();
      return [str(s), asString(value)];
    });
    return { kind: "Alias", child: fn("map", ...entries), name: f.name };
  });
  const agg: ParsedPlan = { kind: "Aggregate", input: p.input, groupBy: [], aggs: maps };
  const withSummary: ParsedPlan = { kind: "WithColumns", input: agg, names: ["summary"], exprs: [fn("explode", statArray)] };
  return {
    kind: "Project",
    input: withSummary,
    exprs: [colRef("summary"), ...fields.map((f): ParsedExpr => ({ kind: "Alias", child: fn("element_at", colRef(f.name), colRef("summary")), name: f.name }))],
  };
}
