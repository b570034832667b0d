/** The error conditions of Structured Streaming, as in Spark's error-conditions.json; conditions.ts merges them. */
export const STREAMING_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "_LEGACY_ERROR_TEMP_3102": { sqlState: "XX000", template: "<msg>" },
  "_LEGACY_ERROR_TEMP_2242": { sqlState: "XX000", template: "<provider> source does not support user-specified schema." },
  "_LEGACY_ERROR_TEMP_2047": { sqlState: "XX000", template: "'path' is not specified." },
  "_LEGACY_ERROR_TEMP_1298": {
    sqlState: "XX000",
    template: "checkpointLocation must be specified either through option(\"checkpointLocation\", ...) or SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...).",
  },
  "STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE": {
    sqlState: "42KDE",
    template: "Invalid streaming output mode: <outputMode>. This output mode is not supported in Data Source <className>.",
  },
  "FOREACH_BATCH_USER_FUNCTION_ERROR": { sqlState: "39000", template: "An error occurred in the user provided function in foreach batch sink. Reason: <reason>" },
  "_LEGACY_ERROR_TEMP_3103": { sqlState: "XX000", template: "<msg>" },
  "_LEGACY_ERROR_TEMP_1299": { sqlState: "XX000", template: "This query does not support recovering from checkpoint location. Delete <checkpointPath> to start over." },
  "STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION": {
    sqlState: "42KDE",
    template: "Invalid streaming output mode: <outputMode>. This output mode is not supported for <operation> on streaming DataFrames/DataSets.",
  },
  "STREAMING_OUTPUT_MODE.INVALID": {
    sqlState: "42KDE",
    template: "Invalid streaming output mode: <outputMode>. Accepted output modes are 'Append', 'Complete', 'Update'.",
  },
  "_LEGACY_ERROR_TEMP_1194": { sqlState: "XX000", template: "queryName must be specified for memory sink." },
  "_LEGACY_ERROR_TEMP_2048": {
    sqlState: "XX000",
    template:
      "Schema must be specified when creating a streaming source DataFrame. If some files already exist in the directory, then depending on the file format you may be able to create a static DataFrame on that directory with 'spark.read.load(directory)' and infer schema from it.",
  },
  "UNSUPPORTED_FEATURE.STREAMING_WATERMARK": {
    sqlState: "0A000",
    template: "The feature is not supported: withWatermark on a streaming DataFrame (event-time watermarks and late-data handling are not implemented in tspark yet).",
  },
  "STREAM_FAILED": { sqlState: "XXKST", template: "Query [id = <id>, runId = <runId>] terminated with exception: <message>" },
};
