import { IllegalArgumentException } from "../errors/spark-exception.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { arrayType, DoubleType, isNumeric } from "../types/data-type.js";
import { simpleString } from "../types/type-names.js";
import { Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import type { DataFrame } from "./dataframe.js";
import { PySparkValueError } from "./errors.js";
import { col, covar_samp, corr as corrFn, isnull, lit, regexp_replace, when } from "./functions.js";
import { literalOf } from "./literal.js";

// Statistics and sampling of a frame (PySpark's DataFrameStatFunctions, describe, summary,
// sample, randomSplit, sampleBy): plans the engine runs (StatSummary, Sample) or ordinary
// aggregates, filters and pivots.

/** The plan of `summary(...statistics)` (none: count, mean, stddev, min, 25%, 50%, 75%, max). */
export function summaryPlan(input: ParsedPlan, statistics: readonly string[]): ParsedPlan {
  return { kind: "StatSummary", input, statistics };
}

/** Spark's StatFunctions.collectStatisticalData require(): both columns numeric. */
function checkNumeric(df: DataFrame, cols: readonly string[], what: string): void {
  for (const c of cols) {
    const f = df.schema.fields.find((x) => x.name === c);
    if (f !== undefined && !isNumeric(f.dataType)) {
      throw new IllegalArgumentException(`requirement failed: Currently ${what} calculation for columns with dataType ${simpleString(f.dataType)} not supported.`);
    }
  }
}

/**
 * Spark 4's calculateCorrImpl / calculateCovImpl: nulls read as 0.0 (as its older RDD code
 * did), the columns as doubles, and a null result as `whenNull`.
 */
async function scalar(df: DataFrame, fn: (a: Column, b: Column) => Column, col1: string, col2: string, whenNull: number): Promise<number> {
  const asDouble = (c: string): Column => when(isnull(col(c)), lit(0).cast("double")).otherwise(col(c).cast("double"));
  const stat = fn(asDouble(col1), asDouble(col2));
  const rows = await df.select(when(isnull(stat), lit(whenNull)).otherwise(stat)).collect();
  return Number(rows[0]?.get(0));
}

/** Pearson correlation of two numeric columns (`method` must be "pearson"). */
export async function corr(df: DataFrame, col1: string, col2: string, method = "pearson"): Promise<number> {
  if (method !== "pearson") throw new PySparkValueError("VALUE_NOT_PEARSON", { arg_name: "method", arg_value: method });
  checkNumeric(df, [col1, col2], "correlation");
  return scalar(df, corrFn, col1, col2, Number.NaN);
}

/** Sample covariance of two numeric columns. */
export async function cov(df: DataFrame, col1: string, col2: string): Promise<number> {
  checkNumeric(df, [col1, col2], "covariance");
  return scalar(df, covar_samp, col1, col2, 0);
}

/** Pair counts (Spark's crossTabulate): a pivot of both columns' values as strings, missing pairs 0. */
export function crosstab(df: DataFrame, col1: string, col2: string): DataFrame {
  const row = when(isnull(col(col1)), lit("null")).otherwise(col(col1).cast("string"));
  const column = when(isnull(col(col2)), lit("null")).otherwise(regexp_replace(col(col2).cast("string"), "`", ""));
  return df.groupBy(row.alias(`${col1}_${col2}`)).pivot(column).count().na.fill(0);
}

/** A random 63-bit seed, as PySpark draws one when none is given. */
function randomSeed(): bigint {
  return BigInt(Math.floor(Math.random() * 2 ** 53)) * 1024n + BigInt(Math.floor(Math.random() * 1024));
}

/** The plan of `sample(withReplacement, fraction, seed)`. */
export function samplePlan(input: ParsedPlan, withReplacement: boolean, fraction: number, seed?: number | bigint): ParsedPlan {
  return { kind: "Sample", input, lowerBound: 0, upperBound: fraction, withReplacement, seed: seed === undefined ? randomSeed() : BigInt(seed) };
}

/** The plans of `randomSplit(weights, seed)`: adjacent bounds over one seed, each partition sorted first. */
export function randomSplitPlans(input: ParsedPlan, weights: readonly number[], seed?: number | bigint): ParsedPlan[] {
  for (const w of weights) if (w < 0) throw new PySparkValueError("VALUE_NOT_POSITIVE", { arg_name: "weights", arg_value: String(w) });
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new IllegalArgumentException(`requirement failed: Sum of weights must be positive, but got ${weights.join(", ")}`);
  const s = seed === undefined ? randomSeed() : BigInt(seed);
  const bounds = [0];
  for (const w of weights) bounds.push(bounds[bounds.length - 1]! + w / total);
  return weights.map((_, i) => ({ kind: "Sample", input, lowerBound: bounds[i]!, upperBound: bounds[i + 1]!, withReplacement: false, seed: s, deterministicOrder: true }));
}

/** `sampleBy(col, fractions, seed)`: rows kept when rand(seed) is below their stratum's fraction (0 for others). */
export function sampleBy(df: DataFrame, c: ColumnOrName, fractions: ReadonlyMap<number | string, number> | Readonly<Record<string, number>>, seed?: number | bigint): DataFrame {
  const entries: [number | string, number][] = fractions instanceof Map ? [...fractions.entries()] : Object.entries(fractions);
  if (!entries.every(([, v]) => v >= 0 && v <= 1)) throw new IllegalArgumentException(`requirement failed: Fractions must be in [0, 1], but got Map(${entries.map(([k, v]) => `${k} -> ${v}`).join(", ")}).`);
  const column = toColumn(c);
  let threshold: Column = lit(0.0);
  if (entries.length > 0) {
    let cases = when(column.eq(lit(entries[0]![0])), lit(entries[0]![1]));
    for (const [k, v] of entries.slice(1)) cases = cases.when(column.eq(lit(k)), lit(v));
    threshold = cases.otherwise(lit(0.0));
  }
  const s = seed === undefined ? randomSeed() : BigInt(seed);
  const rand: ParsedExpr = { kind: "UnresolvedFunction", name: "rand", args: [literalOf(s)], isDistinct: false };
  return df.filter(new Column(rand).lt(threshold));
}

/**
 * `approxQuantile(cols, probabilities, relativeError)`: Greenwald-Khanna quantiles of numeric
 * columns within `relativeError` (0: exact), Spark's values for the same data and partitioning.
 */
export async function approxQuantile(df: DataFrame, cols: readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[][]> {
  if (relativeError < 0) throw new PySparkValueError("NEGATIVE_VALUE", { arg_name: "relativeError", arg_value: String(relativeError) });
  for (const c of cols) {
    const f = df.schema.fields.find((x) => x.name === c);
    if (f !== undefined && !isNumeric(f.dataType)) {
      throw new IllegalArgumentException(`requirement failed: Quantile calculation for column ${c} with data type ${scalaTypeName(f.dataType.kind)} is not supported.`);
    }
  }
  const arr: ParsedExpr = { kind: "Literal", value: probabilities.map(Number), dataType: arrayType(DoubleType, false) };
  const err: ParsedExpr = { kind: "Literal", value: relativeError, dataType: DoubleType };
  const aggs = cols.map((c) => new Column({ kind: "UnresolvedFunction", name: "approx_quantile_summary", args: [col(c).cast("double").expr, arr, err], isDistinct: false }));
  const rows = await df.agg(...aggs).collect();
  return cols.map((_, i) => [...((rows[0]?.get(i) as readonly number[] | null) ?? [])]);
}

/** Spark's DataType.toString of a non-numeric column type (StringType, DateType …). */
function scalaTypeName(kind: string): string {
  return `${kind.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}Type`;
}

/** `freqItems(cols, support)`: one row, for each column the candidate items of frequency above `support` (default 1%). */
export function freqItems(df: DataFrame, cols: readonly string[], support = 0.01): DataFrame {
  if (!(support >= 1e-4 && support <= 1)) throw new IllegalArgumentException(`requirement failed: Support (${support}) must be greater than 1e-4.`);
  const size = literalOf(Math.trunc(1 / support));
  return df.agg(...cols.map((c) => new Column({ kind: "UnresolvedFunction", name: "collect_frequent_items", args: [col(c).expr, size], isDistinct: false }).alias(`${c}_freqItems`)));
}
