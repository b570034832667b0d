/**
 * The error conditions of Python UDFs, pandas UDFs and UDTFs in the engine's analyzer and
 * operators, as in Spark's error-conditions.json (4.0.1); spread into CONDITIONS
 * (conditions.ts). Typed structurally: importing Condition from conditions.ts would be an
 * import cycle.
 */
export const PYTHON_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "INVALID_PANDAS_UDF_PLACEMENT": {
    sqlState: "0A000",
    template: "The group aggregate pandas UDF <functionList> cannot be invoked together with as other, non-pandas aggregate functions.",
  },
  "UNRESOLVABLE_TABLE_VALUED_FUNCTION": {
    sqlState: "42883",
    template:
      "Could not resolve <name> to a table-valued function.\nPlease make sure that <name> is defined as a table-valued function and that all required parameters are provided correctly.\nIf <name> is not defined, please create the table-valued function before using it.\nFor more information about defining table-valued functions, please refer to the Apache Spark documentation.",
  },
  "TABLE_VALUED_FUNCTION_TOO_MANY_TABLE_ARGUMENTS": {
    sqlState: "54023",
    template:
      'There are too many table arguments for table-valued function.\nIt allows one table argument, but got: <num>.\nIf you want to allow it, please set "spark.sql.allowMultipleTableArguments.enabled" to "true"',
  },
};
