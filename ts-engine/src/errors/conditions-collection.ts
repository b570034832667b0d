/**
 * The error conditions of collection, higher-order and generator functions, as in Spark's
 * error-conditions.json (4.0.1); spread into CONDITIONS (conditions.ts) so each family adds its own file.
 * Typed structurally: importing Condition from conditions.ts would be an import cycle.
 */
export const COLLECTION_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "INVALID_ARRAY_INDEX": {
    sqlState: "22003",
    template: "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead.",
  },
  "INVALID_ARRAY_INDEX_IN_ELEMENT_AT": {
    sqlState: "22003",
    template: "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead.",
  },
  "INVALID_INDEX_OF_ZERO": {
    sqlState: "22003",
    template: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).",
  },
  "NULL_MAP_KEY": {
    sqlState: "2200E",
    template: "Cannot use null as map key.",
  },
  "DUPLICATED_MAP_KEY": {
    sqlState: "23505",
    template: "Duplicate map key <key> was found, please check the input data. If you want to remove the duplicated keys, you can set <mapKeyDedupPolicy> to \"LAST_WIN\" so that the key inserted at last takes precedence.",
  },
  "INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION": {
    sqlState: "42K0D",
    template: "Invalid lambda function call. A lambda function should only be used in a higher order function. However, its class is <class>, which is not a higher order function.",
  },
  "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH": {
    sqlState: "42K0D",
    template: "Invalid lambda function call. A higher order function expects <expectedNumArgs> arguments, but got <actualNumArgs>.",
  },
  "UNSUPPORTED_GENERATOR.MULTI_GENERATOR": {
    sqlState: "42K0E",
    template: "The generator is not supported: only one generator allowed per SELECT clause but found <num>: <generators>.",
  },
  "UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS": {
    sqlState: "42K0E",
    template: "The generator is not supported: nested in expressions <expression>.",
  },
  "UNSUPPORTED_GENERATOR.OUTSIDE_SELECT": {
    sqlState: "42K0E",
    template: "The generator is not supported: outside the SELECT clause, found: <plan>.",
  },
  "DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: Input to <functionName> should have been <dataType> followed by a value with same element type, but it's [<leftType>, <rightType>].",
  },
  "DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: Input to <functionName> should have been <dataType> followed by a value with same key type, but it's [<leftType>, <rightType>].",
  },
  "DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The key of map cannot be/contain <keyType>.",
  },
  "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The <functionName> does not support ordering on type <dataType>.",
  },
  "DATATYPE_MISMATCH.MAP_CONCAT_DIFF_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The <functionName> should all be of type map, but it's <dataType>.",
  },
  "DATATYPE_MISMATCH.CREATE_MAP_KEY_DIFF_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The given keys of function <functionName> should all be the same type, but they are <dataType>.",
  },
  "DATATYPE_MISMATCH.CREATE_MAP_VALUE_DIFF_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The given values of function <functionName> should all be the same type, but they are <dataType>.",
  },
  "DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: Only foldable `STRING` expressions are allowed to appear at odd position, but they are <inputExprs>.",
  },
  "DATATYPE_MISMATCH.WRONG_NUM_ARG_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The expression requires <expectedNum> argument types but the actual number is <actualNum>.",
  },
  "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: the input <inputName> should be a foldable <inputType> expression; however, got <inputExpr>.",
  },
  "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The <exprName> must be between <valueRange> (current value = <currentValue>).",
  },
  "DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: <functionName> uses the wrong parameter type. The parameter type must conform to: 1. The start and stop expressions must resolve to the same type. 2. If start and stop expressions resolve to the <startType> type, then the step expression must resolve to the <stepType> type. 3. Otherwise, if start and stop expressions resolve to the <otherStartType> type, then the step expression must resolve to the same type.",
  },
  "DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: The data type of the column (<columnIndex>) do not have the same type: <leftType> (<leftParamIndex>) <> <rightType> (<rightParamIndex>).",
  },
  "COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER": {
    sqlState: "54000",
    template: "Can't create array with <numberOfElements> elements which exceeding the array size limit <maxRoundedArrayLength>, the value of parameter(s) <parameter> in the function <functionName> is invalid.",
  },
  "COMPARATOR_RETURNS_NULL": {
    sqlState: "22004",
    template: "The comparator has returned a NULL for a comparison between <firstValue> and <secondValue>. It should return a positive integer for \"greater than\", 0 for \"equal\" and a negative integer for \"less than\". To revert to deprecated behavior where NULL is treated as 0 (equal), you must set \"spark.sql.legacy.allowNullComparisonResultInArraySort\" to \"true\".",
  },
  "INVALID_PARAMETER_VALUE.START": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: Expects a positive or a negative value for `start`, but got 0.",
  },
  "INVALID_PARAMETER_VALUE.LENGTH": {
    sqlState: "22023",
    template: "The value of parameter(s) <parameter> in <functionName> is invalid: Expects `length` greater than or equal to 0, but got <length>.",
  },

  "MULTI_ALIAS_WITHOUT_GENERATOR": {
    sqlState: "42K0E",
    template: "Multi part aliasing (<names>) is not supported with <expr> as it is not a generator function.",
  },
  "UDTF_ALIAS_NUMBER_MISMATCH": {
    sqlState: "42802",
    template: "The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF.\nExpected <aliasesSize> aliases, but got <aliasesNames>.\nPlease ensure that the number of aliases provided matches the number of columns output by the UDTF.",
  },
  "DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES": {
    sqlState: "42K09",
    template: "Cannot resolve <sqlExpr> due to data type mismatch: Input to function <functionName> should have been two <arrayType> with same element type, but it's [<leftType>, <rightType>].",
  },

  "INVALID_AGGREGATE_FILTER.NOT_BOOLEAN": {
    sqlState: "42903",
    template: "The FILTER expression <filterExpr> in an aggregate function is invalid. Expected a FILTER expression of the BOOLEAN type.",
  },
  "INVALID_AGGREGATE_FILTER.CONTAINS_AGGREGATE": {
    sqlState: "42903",
    template: "The FILTER expression <filterExpr> in an aggregate function is invalid. Expected a FILTER expression without an aggregation, but found <aggExpr>.",
  },
  "INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX": {
    sqlState: "42000",
    template: "Invalid SQL syntax: The function <prettyName> does not support <syntax>.",
  },

};
