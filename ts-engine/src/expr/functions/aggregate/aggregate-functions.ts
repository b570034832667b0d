import type { AggFunctionDef } from "../function-def.js";
import { APPROX_COUNT_DISTINCT } from "./approx-count-distinct.js";
import { AVG, MEAN } from "./avg.js";
import { COLLECT_LIST, COLLECT_SET } from "./collect.js";
import { COUNT } from "./count.js";
import { ANY_VALUE, FIRST, LAST } from "./first-last.js";
import { MAX, MIN } from "./min-max.js";
import { MODE } from "./mode.js";
import { STAT_AGGREGATES } from "./stat.js";
import { SUM } from "./sum.js";
import { PAIR_AGGREGATES } from "./covariance.js";
import { MOMENT_AGGREGATES } from "./central-moments.js";
import { BOOL_AGGREGATES } from "./bool-agg.js";
import { BIT_AGGREGATES } from "./bit-agg.js";
import { COUNT_IF } from "./count-if.js";
import { MAX_BY_AGGREGATES } from "./max-by.js";
import { PRODUCT } from "./product.js";
import { PERCENTILE_AGGREGATES } from "./percentile.js";
import { SYNONYM_AGGREGATES } from "./first-value.js";
import { TRY_AVG, TRY_SUM } from "./try-sum.js";
import { LISTAGG_AGGREGATES } from "./listagg.js";
import { BITMAP_AGGREGATES } from "./bitmap-agg.js";
import { SCHEMA_OF_VARIANT_AGG } from "./schema-of-variant-agg.js";
import { COUNT_MIN_SKETCH } from "./count-min-sketch.js";
import { HLL_SKETCH_AGG, HLL_UNION_AGG } from "./hll-agg.js";
import { HISTOGRAM_NUMERIC } from "./histogram-numeric.js";
import { ML_LEAST_SQUARES_FUNCTIONS } from "./ml-least-squares.js";
import { ML_SUMMARY_FUNCTIONS } from "./ml-summary.js";

/** Every aggregate function's registry entry (each family's file holds entry and accumulator). */
export const AGGREGATE_FUNCTIONS: readonly AggFunctionDef[] = [
  ...ML_LEAST_SQUARES_FUNCTIONS,
  ...ML_SUMMARY_FUNCTIONS,
  COUNT,
  SUM,
  AVG,
  MEAN,
  MIN,
  MAX,
  FIRST,
  LAST,
  ANY_VALUE,
  COLLECT_LIST,
  COLLECT_SET,
  ...STAT_AGGREGATES,
  APPROX_COUNT_DISTINCT,
  MODE,
  // collections helper (issue 6.2): statistical, boolean, bitwise, by-key and percentile aggregates
  ...PAIR_AGGREGATES,
  ...MOMENT_AGGREGATES,
  ...BOOL_AGGREGATES,
  ...BIT_AGGREGATES,
  COUNT_IF,
  ...MAX_BY_AGGREGATES,
  PRODUCT,
  ...PERCENTILE_AGGREGATES,
  ...SYNONYM_AGGREGATES,
  TRY_SUM,
  TRY_AVG,
  ...LISTAGG_AGGREGATES,
  ...BITMAP_AGGREGATES,
  SCHEMA_OF_VARIANT_AGG,
  COUNT_MIN_SKETCH,
  HLL_SKETCH_AGG,
  HLL_UNION_AGG,
  HISTOGRAM_NUMERIC,
];
