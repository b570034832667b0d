/** Conditions of window functions and window specs (plan/analyzer/window-spec.ts, rules/window.ts), as in Spark's error-conditions.json. */
export const WINDOW_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE": {
    sqlState: "42601",
    template: "Window function <funcName> requires an OVER clause.",
  },
  "MISSING_WINDOW_SPECIFICATION": {
    sqlState: "42P20",
    template: "Window specification is not defined in the WINDOW clause for <windowName>. For more information about WINDOW clauses, please refer to '<docroot>/sql-ref-syntax-qry-select-window.html'.",
  },
  "UNSUPPORTED_EXPR_FOR_WINDOW": {
    sqlState: "42P20",
    template: "Expression <sqlExpr> not supported within a window function.",
  },
  "DISTINCT_WINDOW_FUNCTION_UNSUPPORTED": {
    sqlState: "0A000",
    template: "Distinct window functions are not supported: <windowExpr>.",
  },
  "EXPRESSION_TYPE_IS_NOT_ORDERABLE": {
    sqlState: "42822",
    template: "Column expression <expr> cannot be sorted because its type <exprType> is not orderable.",
  },
  "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The lower bound of a window frame must be <comparison> to the upper bound.",
  },
  "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The data type of the <location> bound <exprType> does not match the expected data type <expectedType>.",
  },
  "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions: <orderSpec>.",
  },
  "DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: A range window frame cannot be used in an unordered window specification.",
  },
  "_LEGACY_ERROR_TEMP_1034": {
    sqlState: "XX000",
    template: "It is not allowed to use window functions inside WHERE clause.",
  },
  "_LEGACY_ERROR_TEMP_1035": {
    sqlState: "XX000",
    template: "Cannot specify window frame for <prettyName> function.",
  },
  "_LEGACY_ERROR_TEMP_1036": {
    sqlState: "XX000",
    template: "Window Frame <wf> must match the required frame <required>.",
  },
  "_LEGACY_ERROR_TEMP_1037": {
    sqlState: "XX000",
    template: "Window function <wf> requires window to be ordered, please add ORDER BY clause. For example SELECT <wf>(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.",
  },
  // df.observe's metrics (Spark's CheckAnalysis of CollectMetrics)
  "INVALID_OBSERVED_METRICS.NON_AGGREGATE_FUNC_ARG_IS_ATTRIBUTE": {
    sqlState: "42K0E",
    template: "Invalid observed metrics. Attribute <expr> can only be used as an argument to an aggregate function.",
  },
  "INVALID_OBSERVED_METRICS.NON_AGGREGATE_FUNC_ARG_IS_NON_DETERMINISTIC": {
    sqlState: "42K0E",
    template: "Invalid observed metrics. Non-deterministic expression <expr> can only be used as an argument to an aggregate function.",
  },
  "INVALID_OBSERVED_METRICS.WINDOW_EXPRESSIONS_UNSUPPORTED": {
    sqlState: "42K0E",
    template: "Invalid observed metrics. Window expressions are not allowed in observed metrics, but found: <expr>.",
  },
  "INVALID_OBSERVED_METRICS.NESTED_AGGREGATES_UNSUPPORTED": {
    sqlState: "42K0E",
    template: "Invalid observed metrics. Nested aggregates are not allowed in observed metrics, but found: <expr>.",
  },
  "INVALID_OBSERVED_METRICS.AGGREGATE_EXPRESSION_WITH_DISTINCT_UNSUPPORTED": {
    sqlState: "42K0E",
    template: "Invalid observed metrics. Aggregate expressions with DISTINCT are not allowed in observed metrics, but found: <expr>.",
  },
  "INVALID_OBSERVED_METRICS.AGGREGATE_EXPRESSION_WITH_FILTER_UNSUPPORTED": {
    sqlState: "42K0E",
    template: "Invalid observed metrics. Aggregate expression with FILTER predicate are not allowed in observed metrics, but found: <expr>.",
  },
  "INVALID_OBSERVED_METRICS.MISSING_NAME": {
    sqlState: "42K0E",
    template: "Invalid observed metrics. The observed metrics should be named: <operator>.",
  },
};
