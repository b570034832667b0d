/**
 * The error conditions of the partitioning hints (REPARTITION, COALESCE,
 * REPARTITION_BY_RANGE, REBALANCE), as in Spark's error-conditions.json (4.0.1); spread into
 * CONDITIONS (conditions.ts). Typed structurally: importing Condition from conditions.ts
 * would be an import cycle.
 */
export const HINT_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "_LEGACY_ERROR_TEMP_1047": {
    sqlState: "XX000",
    template: "<hintName> Hint parameters should include an optional integral partitionNum and/or columns, but <invalidParams> can not be recognized as either partitionNum or columns.",
  },
  "_LEGACY_ERROR_TEMP_1048": {
    sqlState: "XX000",
    template: "<hintName> Hint expects a partition number as a parameter.",
  },
};
