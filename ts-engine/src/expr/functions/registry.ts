import type { AggFunctionDef, FunctionDef } from "./function-def.js";
import { ARITHMETIC_FUNCTIONS } from "./arithmetic.js";
import { PREDICATE_FUNCTIONS } from "./predicates.js";
import { MISC_FUNCTIONS } from "./misc.js";
import { MATH_FUNCTIONS } from "./math.js";
import { STRING_FUNCTIONS } from "./string.js";
import { COLLECTION_FUNCTIONS } from "./collection.js";
import { DATETIME_FUNCTIONS } from "./datetime.js";
import { AGGREGATE_FUNCTIONS } from "./aggregate/aggregate-functions.js";
import { EXTRA_FUNCTIONS } from "./extra.js";
import { HASH_FUNCTIONS } from "./hash.js";

/** Alternative spellings that Spark (or the wire) uses for the same function. */
const ALIASES: Readonly<Record<string, string>> = {
  "=": "==",
  "<>": "!=",
  "!": "not",
  isNull: "isnull",
  isNotNull: "isnotnull",
};

/** Spellings of an aggregate over DISTINCT input: count_distinct(x) is count(DISTINCT x). */
const DISTINCT_ALIASES: Readonly<Record<string, string>> = {
  count_distinct: "count",
  countdistinct: "count",
  sum_distinct: "sum",
  sumdistinct: "sum",
};

const REGISTRY = new Map<string, FunctionDef>();
for (const def of [
  ...ARITHMETIC_FUNCTIONS,
  ...PREDICATE_FUNCTIONS,
  ...MISC_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...AGGREGATE_FUNCTIONS,
  ...EXTRA_FUNCTIONS,
  ...HASH_FUNCTIONS,
]) {
  REGISTRY.set(def.name, def);
}

/**
 * The function registry: one entry per Spark function name (case-insensitive, as Spark).
 * `!=` is not an entry: the analyzer rewrites it to `not(==)` as Spark's parser does.
 */
export function lookupFunction(name: string): FunctionDef | undefined {
  const canonical = ALIASES[name] ?? name;
  return REGISTRY.get(canonical) ?? REGISTRY.get(canonical.toLowerCase());
}

/** The aggregate that `name` (any case) applies to DISTINCT input, if it is such a spelling. */
export function distinctAliasOf(name: string): string | undefined {
  return DISTINCT_ALIASES[name.toLowerCase()];
}

/** Every registered aggregate function's entry, in name order. */
export function registeredAggregates(): AggFunctionDef[] {
  return [...REGISTRY.values()].filter((d): d is AggFunctionDef => d.kind === "agg").sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Every registered function name (for docs and the client's `functions.__all__` check). */
export function registeredFunctionNames(): string[] {
  return [...REGISTRY.keys()].sort();
}
