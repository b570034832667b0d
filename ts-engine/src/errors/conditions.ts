/**
 * Spark error conditions used by the engine: message template and SQLSTATE, as in
 * Spark's error-conditions.json. `<param>` placeholders are filled from message
 * parameters. Add a condition here before throwing it.
 */
import { COLLECTION_CONDITIONS } from "./conditions-collection.js";
import { FUNCTION_CONDITIONS } from "./conditions-functions.js";
import { FILE_CONDITIONS } from "./conditions-files.js";
import { PARQUET_CONDITIONS } from "./conditions-parquet.js";
import { SQL_CONDITIONS } from "./conditions-sql.js";
import { RESHAPE_CONDITIONS } from "./conditions-reshape.js";
import { WINDOW_CONDITIONS } from "./conditions-window.js";
import { FRAME_CONDITIONS } from "./conditions-frame.js";
import { VARIANT_CONDITIONS } from "./conditions-variant.js";
import { SKETCH_CONDITIONS } from "./conditions-sketch.js";
import { TIME_WINDOW_CONDITIONS } from "./conditions-time-window.js";
import { INTERVAL_CONDITIONS } from "./conditions-interval.js";
import { HINT_CONDITIONS } from "./conditions-hints.js";
import { PYTHON_CONDITIONS } from "./conditions-python.js";
import { STREAMING_CONDITIONS } from "./conditions-streaming.js";

export interface Condition {
  readonly sqlState: string;
  readonly template: string;
}

export const CONDITIONS: Readonly<Record<string, Condition>> = {
  "OPERATION_CANCELED": {
    sqlState: "HY008",
    template: "Operation has been canceled.",
  },
  "UNRESOLVED_COLUMN.WITH_SUGGESTION": {
    sqlState: "42703",
    template:
      "A column, variable, or function parameter with name <objectName> cannot be resolved. Did you mean one of the following? [<proposal>].",
  },
  "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION": {
    sqlState: "42703",
    template: "A column, variable, or function parameter with name <objectName> cannot be resolved.",
  },
  "UNRESOLVED_ROUTINE": {
    sqlState: "42883",
    template: "Cannot resolve routine <routineName> on search path <searchPath>.",
  },
  "AMBIGUOUS_REFERENCE": {
    sqlState: "42704",
    template: "Reference <name> is ambiguous, could be: <referenceNames>.",
  },
  "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES": {
    sqlState: "42K09",
    template:
      'Cannot resolve <sqlExpr> due to data type mismatch: the left and right operands of the binary operator have incompatible types (<left> and <right>).',
  },
  "DATATYPE_MISMATCH.NON_STRING_TYPE": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: all arguments of the function <funcName> must be strings.",
  },
  "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE": {
    sqlState: "42K09",
    template:
      "Cannot resolve <sqlExpr> due to data type mismatch: The <paramIndex> parameter requires the <requiredType> type, however <inputSql> has the type <inputType>.",
  },
  "MISSING_AGGREGATION": {
    sqlState: "42803",
    template:
      "The non-aggregating expression <expression> is based on columns which are not participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the expression, or use <expressionAnyValue> if you do not care which of the values within a group is returned.",
  },
  "CAST_INVALID_INPUT": {
    sqlState: "22018",
    template:
      "The value <expression> of the type <sourceType> cannot be cast to <targetType> because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead.",
  },
  "CAST_OVERFLOW": {
    sqlState: "22003",
    template:
      "The value <value> of the type <sourceType> cannot be cast to <targetType> due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead.",
  },
  "ARITHMETIC_OVERFLOW": {
    sqlState: "22003",
    template:
      "<message>.<alternative> If necessary set <config> to \"false\" to bypass this error.",
  },
  "DIVIDE_BY_ZERO": {
    sqlState: "22012",
    template:
      'Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set <config> to "false" to bypass this error.',
  },
  "PARSE_SYNTAX_ERROR": {
    sqlState: "42601",
    template: "Syntax error at or near <error><hint>.",
  },
  "ASSIGNMENT_ARITY_MISMATCH": {
    sqlState: "42802",
    template: "The number of columns or variables assigned or aliased: <numTarget> does not match the number of source expressions: <numExpr>.",
  },
  "NUM_COLUMNS_MISMATCH": {
    sqlState: "42826",
    template:
      "<operator> can only be performed on inputs with the same number of columns, but the first input has <firstNumColumns> columns and the <invalidOrdinalNum> input has <invalidNumColumns> columns.",
  },
  "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE": {
    sqlState: "42K09",
    template:
      "Cannot resolve <sqlExpr> due to data type mismatch: the binary operator requires the input type <inputType>, not <actualDataType>.",
  },
  "DATATYPE_MISMATCH.DATA_DIFF_TYPES": {
    sqlState: "42K09",
    template:
      "Cannot resolve <sqlExpr> due to data type mismatch: Input to <functionName> should all be the same type, but it's <dataType>.",
  },
  "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to <targetType>.",
  },
  "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: Filter expression <filter> of type <type> is not a boolean.",
  },
  "INVALID_PARAMETER_VALUE.PATTERN": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: <value>.",
  },
  "DATATYPE_MISMATCH.HASH_MAP_TYPE": {
    sqlState: "42K09",
    template:
      'Cannot resolve <sqlExpr> due to data type mismatch: Input to the function <functionName> cannot contain elements of the "MAP" type. In Spark, same maps may have different hashcode, thus hash expressions are prohibited on "MAP" elements. To restore previous behavior set "spark.sql.legacy.allowHashOnMapType" to "true".',
  },
  "WRONG_NUM_ARGS.WITHOUT_SUGGESTION": {
    sqlState: "42605",
    template:
      "The <functionName> requires <expectedNum> parameters but the actual number is <actualNum>. Please, refer to '<docroot>/sql-ref-functions.html' for a fix.",
  },
  "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION": {
    sqlState: "22003",
    template:
      ' <value> cannot be represented as Decimal(<precision>, <scale>). If necessary set <config> to "false" to bypass this error, and return NULL instead.',
  },
  "MISSING_GROUP_BY": {
    sqlState: "42803",
    template: "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.",
  },
  "UNRESOLVED_USING_COLUMN_FOR_JOIN": {
    sqlState: "42703",
    template:
      "USING column <colName> cannot be resolved on the <side> side of the join. The <side>-side columns: [<suggestion>].",
  },
  "INCOMPATIBLE_COLUMN_TYPE": {
    sqlState: "42825",
    template:
      "<operator> can only be performed on tables with compatible column types. The <columnOrdinalNumber> column of the <tableOrdinalNumber> table is <dataType1> type which is not compatible with <dataType2> at the same column of the first table.<hint>.",
  },
  "GROUP_BY_AGGREGATE": {
    sqlState: "42903",
    template: "Aggregate functions are not allowed in GROUP BY, but found <sqlExpr>.",
  },
  "NESTED_AGGREGATE_FUNCTION": {
    sqlState: "42607",
    template:
      "It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query.",
  },
  "CANNOT_RESOLVE_STAR_EXPAND": {
    sqlState: "42704",
    template:
      "Cannot resolve <targetString>.* given input columns <columns>. Please check that the specified table or struct exists and is accessible in the input columns.",
  },
  "UNSUPPORTED_DATATYPE": {
    sqlState: "0A000",
    template: "Unsupported data type <typeName>.",
  },
  "FIELD_NOT_FOUND": {
    sqlState: "42704",
    template: "No such struct field <fieldName> in <fields>.",
  },
  "INVALID_EXTRACT_BASE_FIELD_TYPE": {
    sqlState: "42000",
    template: "Can't extract a value from <base>. Need a complex type [STRUCT, ARRAY, MAP] but got <other>.",
  },
  "_LEGACY_ERROR_TEMP_1201": {
    sqlState: "XX000",
    template: 'Cannot resolve column name "<colName>" among (<fieldNames>).',
  },
  "INVALID_PLAN_INPUT": {
    sqlState: "XX000",
    template: "Invalid plan input: <message>",
  },
  "INVALID_HANDLE.SESSION_NOT_FOUND": {
    sqlState: "HY000",
    template: "The handle <handle> is invalid. Session not found.",
  },
  "AUTHENTICATION_FAILED": {
    sqlState: "28000",
    template: "Authentication failed: <message>",
  },
  "PYTHON_EXCEPTION": {
    sqlState: "38000",
    template: "<message>",
  },
  "UNSUPPORTED_JOIN_TYPE": {
    sqlState: "0A000",
    template: "Unsupported join type '<typ>'. Supported join types include: <supported>.",
  },
  "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE": {
    sqlState: "42K0E",
    template:
      "The limit like expression <expr> is invalid. The <name> expression must be equal to or greater than 0, but got <v>.",
  },
  "NON_FOLDABLE_ARGUMENT": {
    sqlState: "42K08",
    template:
      "The function <funcName> requires the parameter <paramName> to be a foldable expression of the type <paramType>, but the actual argument is a non-foldable.",
  },
  "UNEXPECTED_INPUT_TYPE": {
    sqlState: "42K09",
    template: "Parameter <paramIndex> of function <functionName> requires the <requiredType> type, however <inputSql> has the type <inputType>.",
  },
  "DATATYPE_MISMATCH.UNEXPECTED_NULL": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The <exprName> must not be null.",
  },
  "INVALID_WITHIN_GROUP_EXPRESSION.DISTINCT_UNSUPPORTED": {
    sqlState: "42K0K",
    template: "Invalid function <funcName> with WITHIN GROUP. The function does not support DISTINCT with WITHIN GROUP.",
  },
  "INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING": {
    sqlState: "42K0K",
    template: "Invalid function <funcName> with WITHIN GROUP. WITHIN GROUP is required for the function.",
  },
  "UNABLE_TO_ACQUIRE_MEMORY": {
    sqlState: "53200",
    template: "Unable to acquire <requestedBytes> bytes of memory, got <receivedBytes>.",
  },
  "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION": {
    sqlState: "22015",
    template: "Integer overflow while operating with intervals. Use <functionName> to tolerate overflow and return NULL instead.",
  },
  "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION": {
    sqlState: "22015",
    template: "Integer overflow while operating with intervals. Try devising appropriate values for the interval parameters.",
  },
  "INTERVAL_DIVIDED_BY_ZERO": {
    sqlState: "22012",
    template: "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.",
  },
  "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING": {
    sqlState: "22006",
    template: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Interval string does not match <intervalStr> format of <supportedFormat> when cast to <typeName>: <input>.",
  },
  "INVALID_ARRAY_INDEX": {
    sqlState: "22003",
    template: "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead.",
  },
  "DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: Cannot drop all fields in struct.",
  },
  "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE": {
    sqlState: "22006",
    template: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Interval string does not match <intervalStr> format of <supportedFormat> when cast to <typeName>: <input>. Set \"spark.sql.legacy.fromDayTimeString.enabled\" to \"true\" to restore the behavior before Spark 3.0.",
  },
  "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to <targetType> with ANSI mode on.\nIf you have to cast <srcType> to <targetType>, you can set <config> as <configVal>.",
  },
  "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to <targetType>.\nTo convert values from <srcType> to <targetType>, you can use the functions <functionNames> instead.",
  },
  "INTERNAL_ERROR": {
    sqlState: "XX000",
    template: "<message>",
  },
  // Dates, timestamps and datetime patterns (expr/datetime, expr/functions/datetime-*).
  "CANNOT_PARSE_TIMESTAMP": {
    sqlState: "22007",
    template: "<message>. Use <func> to tolerate invalid input string and return NULL instead.",
  },
  "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER": {
    sqlState: "22007",
    template: "Unrecognized datetime pattern: <pattern>. Illegal pattern character found in datetime pattern: <c>. Please provide legal character.",
  },
  "INVALID_DATETIME_PATTERN.LENGTH": {
    sqlState: "22007",
    template: "Unrecognized datetime pattern: <pattern>. Too many letters in datetime pattern: <pattern>. Please reduce pattern length.",
  },
  "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION": {
    sqlState: "42K0B",
    template: "You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize <pattern> pattern in the DateTimeFormatter.\n1) You can set <config> to \"LEGACY\" to restore the behavior before Spark 3.0.\n2) You can form a valid datetime pattern with the guide from '<docroot>/sql-ref-datetime-pattern.html'.",
  },
  "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN": {
    sqlState: "42K0B",
    template: "You may get a different result due to the upgrading to Spark >= 3.0:\nAll week-based patterns are unsupported since Spark 3.0, detected week-based character: <c>.\nPlease use the SQL function EXTRACT instead.",
  },
  "INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER": {
    sqlState: "42K0B",
    template: "You may get a different result due to the upgrading to Spark >= 3.0:\nFail to parse <datetime> in the new parser.\nYou can set <config> to \"LEGACY\" to restore the behavior before Spark 3.0, or set to \"CORRECTED\" and treat it as an invalid datetime string.",
  },
  "DATETIME_FIELD_OUT_OF_BOUNDS": {
    sqlState: "22023",
    template: "<rangeMessage>. If necessary set <ansiConfig> to \"false\" to bypass this error.",
  },
  "INVALID_TIMEZONE": {
    sqlState: "22009",
    template: "The timezone: <timeZone> is invalid. The timezone must be either a region-based zone ID or a zone offset. Region IDs must have the form 'area/city', such as 'America/Los_Angeles'. Zone offsets must be in the format '(+|-)HH', '(+|-)HH:mm\u2019 or '(+|-)HH:mm:ss', e.g '-08' , '+01:00' or '-13:33:33', and must be in the range from -18:00 to +18:00. 'Z' and 'UTC' are accepted as synonyms for '+00:00'.",
  },
  "INVALID_PARAMETER_VALUE.DATETIME_UNIT": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal <invalidValue>.",
  },
  "INVALID_EXTRACT_FIELD": {
    sqlState: "42601",
    template: "Cannot extract <field> from <expr>.",
  },
  "ILLEGAL_DAY_OF_WEEK": {
    sqlState: "22009",
    template: "Illegal input for day of week: <string>.",
  },
  "DATETIME_OVERFLOW": {
    sqlState: "22008",
    template: "Datetime operation overflow: <operation>.",
  },
  "INVALID_CONF_VALUE.TIME_ZONE": {
    sqlState: "22022",
    template: "The value '<confValue>' in the config \"<confName>\" is invalid. Cannot resolve the given timezone.",
  },
  ...COLLECTION_CONDITIONS,
  ...FUNCTION_CONDITIONS,
  ...FILE_CONDITIONS,
  ...PARQUET_CONDITIONS,
  ...SQL_CONDITIONS,
  ...RESHAPE_CONDITIONS,
  ...WINDOW_CONDITIONS,
  ...FRAME_CONDITIONS,
  ...VARIANT_CONDITIONS,
  ...SKETCH_CONDITIONS,
  ...TIME_WINDOW_CONDITIONS,
  ...INTERVAL_CONDITIONS,
  ...HINT_CONDITIONS,
  ...PYTHON_CONDITIONS,
  ...STREAMING_CONDITIONS,
};
