import type { AggFunctionDef, FunctionDef } from "./function-def.js";
import { ARITHMETIC_FUNCTIONS } from "./arithmetic.js";
import { PREDICATE_FUNCTIONS } from "./predicates.js";
import { MISC_FUNCTIONS } from "./misc.js";
import { LIKE_FUNCTIONS } from "./like.js";
import { MATH_FUNCTIONS } from "./math.js";
import { STRING_FUNCTIONS } from "./string.js";
import { COLLECTION_FUNCTIONS } from "./collection.js";
import { DATETIME_FUNCTIONS } from "./datetime.js";
import { AGGREGATE_FUNCTIONS } from "./aggregate/aggregate-functions.js";
import { EXTRA_FUNCTIONS } from "./extra.js";
import { HASH_FUNCTIONS } from "./hash.js";
import { HASH_DIGEST_FUNCTIONS } from "./hash-digest.js";
import { REGEXP_FUNCTIONS } from "./regexp.js";
import { STRING_SEARCH_FUNCTIONS } from "./string-search.js";
import { STRING_TRANSFORM_FUNCTIONS } from "./string-transform.js";
import { STRING_CODEC_FUNCTIONS } from "./string-codec.js";
import { MATH_DOUBLE_FUNCTIONS } from "./math-double.js";
import { CONDITIONAL_FUNCTIONS } from "./conditional.js";
import { MATH_INTEGRAL_FUNCTIONS } from "./math-integral.js";
import { NONDETERMINISTIC_FUNCTIONS } from "./nondeterministic.js";
import { SESSION_INFO_FUNCTIONS } from "./session-info.js";
import { STRING_FORMAT_FUNCTIONS } from "./string-format.js";
import { JSON_FUNCTIONS } from "./json.js";
import { CSV_FUNCTIONS } from "./csv.js";
import { BITMAP_FUNCTIONS } from "./bitmap.js";
import { EXTRACT_FUNCTIONS } from "./nested/extract.js";
import { UPDATE_FIELD_FUNCTIONS } from "./nested/update-fields.js";
import { TRY_ARITHMETIC_FUNCTIONS } from "./try-arithmetic.js";
import { JSON_TUPLE_FUNCTIONS } from "./json-tuple.js";
import { NUMBER_FORMAT_FUNCTIONS } from "./number-format.js";
import { CRYPTO_FUNCTIONS } from "./crypto.js";
import { CALENDAR_INTERVAL_FUNCTIONS } from "./calendar-interval.js";
import { XPATH_FUNCTIONS } from "./xpath.js";
import { REFLECT_FUNCTIONS } from "./reflect.js";
import { GROUPING_FUNCTIONS } from "./grouping.js";
import { REPLICATE_ROWS_FUNCTIONS } from "./replicate-rows.js";
import { AT_LEAST_N_NON_NULLS_FUNCTIONS } from "./at-least-n-non-nulls.js";
import { APPROX_QUANTILE_FUNCTIONS } from "./aggregate/approx-quantile.js";
import { FREQUENT_ITEMS_FUNCTIONS } from "./aggregate/frequent-items.js";
import { pivotAggFunctions } from "./aggregate/pivot-agg.js";
import { WINDOW_FUNCTIONS } from "./window/window-functions.js";
import { VARIANT_FUNCTIONS } from "./variant.js";
import { HLL_FUNCTIONS } from "./hll.js";
import { XML_STRUCT_FUNCTIONS } from "./xml-struct.js";
import { COLLATION_FUNCTIONS } from "./collation.js";
import { UDT_FUNCTIONS } from "./udt.js";
import { ML_STAGE_FUNCTIONS, ML_VECTOR_FUNCTIONS } from "./ml-vector.js";
import { TIME_WINDOW_FUNCTIONS } from "./time-window.js";

/** Alternative spellings that Spark (or the wire) uses for the same function. */
const ALIASES: Readonly<Record<string, string>> = {
  "=": "==",
  "<>": "!=",
  "!": "not",
  isNull: "isnull",
  isNotNull: "isnotnull",
  unary_plus: "positive",
  "~": "bitwise_not",
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
  ...LIKE_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...AGGREGATE_FUNCTIONS,
  ...EXTRA_FUNCTIONS,
  ...HASH_FUNCTIONS,
  ...HASH_DIGEST_FUNCTIONS,
  ...REGEXP_FUNCTIONS,
  ...STRING_SEARCH_FUNCTIONS,
  ...STRING_TRANSFORM_FUNCTIONS,
  ...STRING_CODEC_FUNCTIONS,
  ...MATH_DOUBLE_FUNCTIONS,
  ...CONDITIONAL_FUNCTIONS,
  ...MATH_INTEGRAL_FUNCTIONS,
  ...NONDETERMINISTIC_FUNCTIONS,
  ...SESSION_INFO_FUNCTIONS,
  ...STRING_FORMAT_FUNCTIONS,
  ...JSON_FUNCTIONS,
  ...CSV_FUNCTIONS,
  ...BITMAP_FUNCTIONS,
  ...EXTRACT_FUNCTIONS,
  ...UPDATE_FIELD_FUNCTIONS,
  ...TRY_ARITHMETIC_FUNCTIONS,
  ...JSON_TUPLE_FUNCTIONS,
  ...NUMBER_FORMAT_FUNCTIONS,
  ...CRYPTO_FUNCTIONS,
  ...CALENDAR_INTERVAL_FUNCTIONS,
  ...XPATH_FUNCTIONS,
  ...REFLECT_FUNCTIONS,
  ...GROUPING_FUNCTIONS,
  ...REPLICATE_ROWS_FUNCTIONS,
  ...AT_LEAST_N_NON_NULLS_FUNCTIONS,
  ...APPROX_QUANTILE_FUNCTIONS,
  ...FREQUENT_ITEMS_FUNCTIONS,
  ...pivotAggFunctions(lookupFunction),
  ...WINDOW_FUNCTIONS,
  ...VARIANT_FUNCTIONS,
  ...HLL_FUNCTIONS,
  ...XML_STRUCT_FUNCTIONS,
  ...COLLATION_FUNCTIONS,
  ...UDT_FUNCTIONS,
  ...ML_VECTOR_FUNCTIONS,
  ...ML_STAGE_FUNCTIONS,
  ...TIME_WINDOW_FUNCTIONS,
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

/** Names of nondeterministic functions whose entries do not carry the flag yet (other families). */
const UNFLAGGED_NONDETERMINISTIC = /^(shuffle|random|current_|now|localtimestamp)/;

/** True when `fn` is a nondeterministic function (its entry says so: ScalarFunctionDef.nondeterministic). */
export function isNondeterministicFunction(fn: string): boolean {
  const def = lookupFunction(fn);
  return (def?.kind === "scalar" && def.nondeterministic === true) || UNFLAGGED_NONDETERMINISTIC.test(fn);
}
