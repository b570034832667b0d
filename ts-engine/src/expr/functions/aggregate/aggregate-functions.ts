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

/** Every aggregate function's registry entry (each family's file holds entry and accumulator). */
export const AGGREGATE_FUNCTIONS: readonly AggFunctionDef[] = [
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
];
