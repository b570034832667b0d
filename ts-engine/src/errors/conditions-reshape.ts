/**
 * The error conditions of grouping analytics (cube, rollup, grouping sets), pivot and
 * unpivot, as in Spark's error-conditions.json (4.0.1); spread into CONDITIONS (conditions.ts).
 * Typed structurally: importing Condition from conditions.ts would be an import cycle.
 */
export const RESHAPE_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "GROUPING_COLUMN_MISMATCH": {
    sqlState: "42803",
    template: "Column of grouping (<grouping>) can't be found in grouping columns <groupingColumns>.",
  },
  "GROUPING_ID_COLUMN_MISMATCH": {
    sqlState: "42803",
    template: "Columns of grouping_id (<groupingIdColumn>) does not match grouping columns (<groupByColumns>).",
  },
  "UNSUPPORTED_GROUPING_EXPRESSION": {
    sqlState: "42K0E",
    template: "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.",
  },
  "GROUPING_SIZE_LIMIT_EXCEEDED": {
    sqlState: "54000",
    template: "Grouping sets size cannot be greater than <maxSize>.",
  },
  "UNPIVOT_REQUIRES_VALUE_COLUMNS": {
    sqlState: "42K0A",
    template: "At least one value column needs to be specified for UNPIVOT, all columns specified as ids.",
  },
  "UNPIVOT_VALUE_DATA_TYPE_MISMATCH": {
    sqlState: "42K09",
    template: "Unpivot value columns must share a least common type, some types do not: [<types>].",
  },
  "UNPIVOT_REQUIRES_ATTRIBUTES": {
    sqlState: "42K0A",
    template: "UNPIVOT requires all given <given> expressions to be columns when no <empty> expressions are given. These are not columns: [<expressions>].",
  },
  "PIVOT_VALUE_DATA_TYPE_MISMATCH": {
    sqlState: "42K09",
    template: "Invalid pivot value '<value>': value data type <valueType> does not match pivot column data type <pivotType>.",
  },
  "NON_LITERAL_PIVOT_VALUES": {
    sqlState: "42K08",
    template: "Literal expressions required for pivot values, found <expression>.",
  },
  "INVALID_COLUMN_OR_FIELD_DATA_TYPE": {
    sqlState: "42000",
    template: "Column or field <name> is of type <type> while it's required to be <expectedType>.",
  },
  "NULLABLE_COLUMN_OR_FIELD": {
    sqlState: "42000",
    template: "Column or field <name> is nullable while it's required to be non-nullable.",
  },
  "UNRECOGNIZED_STATISTIC": {
    sqlState: "42704",
    template: "The statistic <stats> is not recognized. Valid statistics include `count`, `count_distinct`, `approx_count_distinct`, `mean`, `stddev`, `min`, `max`, and percentile values. Percentile must be a numeric value followed by '%', within the range 0% to 100%.",
  },
  "_LEGACY_ERROR_TEMP_1006": {
    sqlState: "",
    template: "Aggregate expression required for pivot, but '<sql>' did not appear in any aggregate function.",
  },
  "_LEGACY_ERROR_TEMP_1323": {
    sqlState: "",
    template: "\"<colName>\" is not a numeric column. Aggregation function can only be applied on a numeric column.",
  },
  "_LEGACY_ERROR_TEMP_1324": {
    sqlState: "",
    template: "The pivot column <pivotColumn> has more than <maxValues> distinct values, this could indicate an error. If this was intended, set <config> to at least the number of distinct values of the pivot column.",
  },
};
