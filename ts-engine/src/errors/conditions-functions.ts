/**
 * The error conditions of the scalar function families (string, regexp, math, conversions,
 * JSON/CSV, misc), as in Spark's error-conditions.json; conditions.ts merges them.
 */
export const FUNCTION_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "CANNOT_DECODE_URL": {
    sqlState: "22546",
    template: "The provided URL cannot be decoded: <url>. Please ensure that the URL is properly formatted and try again.",
  },
  "CONVERSION_INVALID_INPUT": {
    sqlState: "22018",
    template: "The value <str> (<fmt>) cannot be converted to <targetType> because it is malformed. Correct the value as per the syntax, or change its format. Use <suggestion> to tolerate malformed input and return NULL instead.",
  },
  "INVALID_ARRAY_INDEX": {
    sqlState: "22003",
    template: "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead.",
  },
  "INVALID_INDEX_OF_ZERO": {
    sqlState: "22003",
    template: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).",
  },
  "INVALID_PARAMETER_VALUE.BINARY_FORMAT": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got <invalidFormat>.",
  },
  "INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: expects an integer value in [0, <upper>), but got <invalidValue>.",
  },
  "INVALID_PARAMETER_VALUE.CHARSET": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: expects one of the <charsets>, but got <charset>.",
  },
  "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: Expects group index between 0 and <groupCount>, but got <groupIndex>.",
  },
  "INVALID_URL": {
    sqlState: "22P02",
    template: "The url is invalid: <url>. Use `try_parse_url` to tolerate invalid URL and return NULL instead.",
  },
  "USER_RAISED_EXCEPTION": {
    sqlState: "P0001",
    template: "<errorMessage>",
  },
  "INVALID_UTF8_STRING": {
    sqlState: "22029",
    template: "Invalid UTF8 byte sequence found in string: <str>.",
  },
  "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The <exprName> must be between <valueRange> (current value = <currentValue>).",
  },
  "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION": {
    sqlState: "22023",
    template: "Malformed records are detected in record parsing: <badRecord>.\nParse Mode: <failFastMode>. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. ",
  },
  "INVALID_SCHEMA.NON_STRUCT_TYPE": {
    sqlState: "42K07",
    template: "The input schema <inputSchema> is not a valid schema string. The input expression should be evaluated to struct type, but got <dataType>.",
  },
  "INVALID_SCHEMA.PARSE_ERROR": {
    sqlState: "42K07",
    template: "The input schema <inputSchema> is not a valid schema string. Cannot parse the schema:\n<reason>",
  },
  "INVALID_SCHEMA.NON_STRING_LITERAL": {
    sqlState: "42K07",
    template: "The input schema <inputSchema> is not a valid schema string. The input expression must be string literal and not null.",
  },
  "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: the input <inputName> should be a foldable <inputType> expression; however, got <inputExpr>.",
  },
  "MALFORMED_CHARACTER_CODING": {
    sqlState: "22000",
    template: "Invalid value found when performing <function> with <charset>",
  },
  "DATATYPE_MISMATCH.INVALID_JSON_SCHEMA": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: Input schema <schema> must be a struct, an array, a map or a variant.",
  },
};
