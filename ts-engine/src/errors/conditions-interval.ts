/** The error conditions of interval literals and interval strings, as in Spark's error-conditions.json; conditions.ts merges them. */
const PREFIX =
  "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. ";

export const INTERVAL_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "INVALID_INTERVAL_FORMAT.ARITHMETIC_EXCEPTION": { sqlState: "22006", template: `${PREFIX}Uncaught arithmetic exception while parsing '<input>'.` },
  "INVALID_INTERVAL_FORMAT.DAY_TIME_PARSING": { sqlState: "22006", template: `${PREFIX}Error parsing interval day-time string: <msg>.` },
  "INVALID_INTERVAL_FORMAT.INPUT_IS_EMPTY": { sqlState: "22006", template: `${PREFIX}Interval string cannot be empty.` },
  "INVALID_INTERVAL_FORMAT.INPUT_IS_NULL": { sqlState: "22006", template: `${PREFIX}Interval string cannot be null.` },
  "INVALID_INTERVAL_FORMAT.INTERVAL_PARSING": { sqlState: "22006", template: `${PREFIX}Error parsing interval <interval> string.` },
  "INVALID_INTERVAL_FORMAT.INVALID_FRACTION": { sqlState: "22006", template: `${PREFIX}<unit> cannot have fractional part.` },
  "INVALID_INTERVAL_FORMAT.INVALID_PRECISION": { sqlState: "22006", template: `${PREFIX}Interval can only support nanosecond precision, <value> is out of range.` },
  "INVALID_INTERVAL_FORMAT.INVALID_PREFIX": { sqlState: "22006", template: `${PREFIX}Invalid interval prefix <prefix>.` },
  "INVALID_INTERVAL_FORMAT.INVALID_UNIT": { sqlState: "22006", template: `${PREFIX}Invalid unit <unit>.` },
  "INVALID_INTERVAL_FORMAT.INVALID_VALUE": { sqlState: "22006", template: `${PREFIX}Invalid value <value>.` },
  "INVALID_INTERVAL_FORMAT.MISSING_NUMBER": { sqlState: "22006", template: `${PREFIX}Expect a number after <word> but hit EOL.` },
  "INVALID_INTERVAL_FORMAT.MISSING_UNIT": { sqlState: "22006", template: `${PREFIX}Expect a unit name after <word> but hit EOL.` },
  "INVALID_INTERVAL_FORMAT.UNKNOWN_PARSING_ERROR": { sqlState: "22006", template: `${PREFIX}Unknown error when parsing <word>.` },
  "INVALID_INTERVAL_FORMAT.UNRECOGNIZED_NUMBER": { sqlState: "22006", template: `${PREFIX}Unrecognized number <number>.` },
  "INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION": { sqlState: "22006", template: `${PREFIX}Cannot support (interval '<input>' <from> to <to>) expression.` },
  "INVALID_TYPED_LITERAL": { sqlState: "42604", template: "The value of the typed literal <valueType> is invalid: <value>." },
  "_LEGACY_ERROR_TEMP_0026": { sqlState: "XX000", template: "Can only use numbers in the interval value part for multiple unit value pairs interval form, but got invalid value: <value>." },
  "_LEGACY_ERROR_TEMP_0029": { sqlState: "XX000", template: "Cannot mix year-month and day-time fields: <literal>." },
  "_LEGACY_ERROR_TEMP_0063": { sqlState: "XX000", template: "<msg>." },
};
