/**
 * PySpark's one-line function wrappers over the engine's registry, one module per family
 * (as python/tspark/sql/functions/_<family>.py). Each builds an UnresolvedFunction with
 * Spark's name; the engine resolves and types it. A new family is a new
 * functions-<family>.ts plus one line here.
 */
export * from "./functions-agg.js";
export * from "./functions-math.js";
export * from "./functions-string.js";
export * from "./functions-conditional.js";
export * from "./functions-hash.js";
export * from "./functions-misc.js";
export * from "./functions-json.js";
export * from "./functions-datetime.js";
export * from "./functions-collection.js";
export * from "./functions-aggregate-stats.js";
export * from "./functions-try.js";
export * from "./functions-number-format.js";
export * from "./functions-crypto.js";
export * from "./functions-xml.js";
export * from "./functions-variant.js";
export * from "./functions-sketch.js";
export * from "./functions-grouping.js";
export * from "./functions-window.js";
export * from "./functions-collation.js";
export * from "./functions-udt.js";
export * from "./functions-time-window.js";
export * from "./functions-partitioning.js";
