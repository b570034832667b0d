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
};
