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
  // number formats, AES, bitmaps, calendar intervals, collations (functions helper, issue 6)
  "INVALID_FORMAT.CONT_THOUSANDS_SEPS": {
    sqlState: "42601",
    template: "The format is invalid: <format>. Thousands separators (, or G) must have digits in between them in the number format.",
  },
  "INVALID_FORMAT.CUR_MUST_BEFORE_DEC": {
    sqlState: "42601",
    template: "The format is invalid: <format>. Currency characters must appear before any decimal point in the number format.",
  },
  "INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT": {
    sqlState: "42601",
    template: "The format is invalid: <format>. Currency characters must appear before digits in the number format.",
  },
  "INVALID_FORMAT.ESC_AT_THE_END": {
    sqlState: "42601",
    template: "The format is invalid: <format>. The escape character is not allowed to end with.",
  },
  "INVALID_FORMAT.ESC_IN_THE_MIDDLE": {
    sqlState: "42601",
    template: "The format is invalid: <format>. The escape character is not allowed to precede <char>.",
  },
  "INVALID_ESCAPE_CHAR": {
    sqlState: "42604",
    template: "`EscapeChar` should be a string literal of length one, but got <sqlExpr>.",
  },
  "INVALID_FORMAT.EMPTY": {
    sqlState: "42601",
    template: "The format is invalid: <format>. The number format string cannot be empty.",
  },
  "INVALID_FORMAT.MISMATCH_INPUT": {
    sqlState: "42601",
    template: "The format is invalid: <format>. The input <inputType> <input> does not match the format.",
  },
  "INVALID_FORMAT.THOUSANDS_SEPS_MUST_BEFORE_DEC": {
    sqlState: "42601",
    template: "The format is invalid: <format>. Thousands separators (, or G) may not appear after the decimal point in the number format.",
  },
  "INVALID_FORMAT.UNEXPECTED_TOKEN": {
    sqlState: "42601",
    template: "The format is invalid: <format>. Found the unexpected <token> in the format string; the structure of the format string must match: `[MI|S]` `[$]` `[0|9|G|,]*` `[.|D]` `[0|9]*` `[$]` `[PR|MI|S]`.",
  },
  "INVALID_FORMAT.WRONG_NUM_DIGIT": {
    sqlState: "42601",
    template: "The format is invalid: <format>. The format string requires at least one number digit.",
  },
  "INVALID_FORMAT.WRONG_NUM_TOKEN": {
    sqlState: "42601",
    template: "The format is invalid: <format>. At most one <token> is allowed in the number format.",
  },
  "INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: detail message: <detailMessage>",
  },
  "INVALID_PARAMETER_VALUE.AES_IV_LENGTH": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: supports 16-byte CBC IVs and 12-byte GCM IVs, but got <actualLength> bytes for <mode>.",
  },
  "INVALID_PARAMETER_VALUE.AES_KEY_LENGTH": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: expects a binary value with 16, 24 or 32 bytes, but got <actualLength> bytes.",
  },
  "UNSUPPORTED_FEATURE.AES_MODE": {
    sqlState: "0A000",
    template: "The feature is not supported: AES-<mode> with the padding <padding> by the <functionName> function.",
  },
  "UNSUPPORTED_FEATURE.AES_MODE_IV": {
    sqlState: "0A000",
    template: "The feature is not supported: <functionName> with AES-<mode> does not support initialization vectors (IVs).",
  },
  "UNSUPPORTED_FEATURE.AES_MODE_AAD": {
    sqlState: "0A000",
    template: "The feature is not supported: <functionName> with AES-<mode> does not support additional authenticate data (AAD).",
  },
  "INVALID_BITMAP_POSITION": {
    sqlState: "22003",
    template: "The 0-indexed bitmap position <bitPosition> is out of bounds. The bitmap has <bitmapNumBits> bits (<bitmapNumBytes> bytes).",
  },
  "INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION": {
    sqlState: "22006",
    template: "Cannot add an interval to a date because its microseconds part is not 0. To resolve this, cast the input date to a timestamp, which supports the addition of intervals with non-zero microseconds.",
  },
  "COLLATION_INVALID_NAME": {
    sqlState: "42704",
    template: "The value <collationName> does not represent a correct collation name. Suggested valid collation names: [<proposals>].",
  },
  "COLLATION_MISMATCH.EXPLICIT": {
    sqlState: "42P21",
    template: "Could not determine which collation to use for string functions and operators. Error occurred due to the mismatch between explicit collations: [<explicitTypes>]. Decide on a single explicit collation and remove others.",
  },
  "COLLATION_MISMATCH.IMPLICIT": {
    sqlState: "42P21",
    template: "Could not determine which collation to use for string functions and operators. Error occurred due to the mismatch between implicit collations: [<implicitTypes>]. Use COLLATE function to set the collation explicitly.",
  },
  "INDETERMINATE_COLLATION_IN_EXPRESSION": {
    sqlState: "42P22",
    template: "Data type of <expr> has indeterminate collation. Use COLLATE clause to set the collation explicitly.",
  },
  "UNSUPPORTED_FEATURE.TRIM_COLLATION": {
    sqlState: "0A000",
    template: "The feature is not supported: TRIM specifier in the collation.",
  },
  "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION": {
    sqlState: "22003",
    template: "Decimal precision <precision> exceeds max precision <maxPrecision>.",
  },
  "INVALID_PARAMETER_VALUE.NULL": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: expects a non-NULL value.",
  },
  "DATATYPE_MISMATCH.UNEXPECTED_CLASS_TYPE": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: class <className> not found.",
  },
  "DATATYPE_MISMATCH.UNEXPECTED_STATIC_METHOD": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: cannot find a static method <methodName> that matches the argument types in <className>.",
  },
};
