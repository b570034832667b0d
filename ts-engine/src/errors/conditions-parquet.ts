/**
 * The error conditions of the Parquet source (io/parquet/), as in Spark's
 * error-conditions.json (4.0.1); spread into CONDITIONS (conditions.ts). Typed structurally
 * (no import of conditions.ts: a cycle).
 */
export const PARQUET_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "PARQUET_TYPE_ILLEGAL": { sqlState: "42846", template: "Illegal Parquet type: <parquetType>." },
  "CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE": {
    sqlState: "42825",
    template:
      "Failed to merge incompatible data types <left> and <right>. Please check the data types of the columns being merged and ensure that they are compatible. If necessary, consider casting the columns to compatible data types before attempting the merge.",
  },
  "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH": {
    sqlState: "KD001",
    template: "Encountered error while reading file <path>. Data type mismatches when reading Parquet column <column>. Expected Spark type <expectedType>, actual Parquet type <actualType>.",
  },
};
