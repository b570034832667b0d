/** The error conditions of the time-window functions (window, session_window, window_time), as in Spark's error-conditions.json; conditions.ts merges them. */
export const TIME_WINDOW_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "CANNOT_PARSE_INTERVAL": {
    sqlState: "22006",
    template:
      "Unable to parse <intervalString>. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. If the issue persists, please double check that the input value is not null or empty and try again.",
  },
  "DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The <leftExprName>(<leftExprValue>) must be <constraint> the <rightExprName>(<rightExprValue>).",
  },
  "_LEGACY_ERROR_TEMP_1039": {
    sqlState: "XX000",
    template: "Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.",
  },
  "_LEGACY_ERROR_TEMP_1040": {
    sqlState: "XX000",
    template: "Gap duration expression used in session window must be CalendarIntervalType, but got <dt>.",
  },
  "_LEGACY_ERROR_TEMP_1207": {
    sqlState: "XX000",
    template: "The duration and time inputs to window must be an integer, long or string literal.",
  },
  "_LEGACY_ERROR_TEMP_3101": {
    sqlState: "XX000",
    template: "The input is not a correct window column: <windowTime>",
  },
};
