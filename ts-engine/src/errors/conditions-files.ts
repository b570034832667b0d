/**
 * The error conditions of the file sources and sinks (io/), as in Spark's error-conditions.json
 * (4.0.1); spread into CONDITIONS (conditions.ts). Typed structurally (no import of conditions.ts: a cycle).
 */
export const FILE_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "XML_ROW_TAG_MISSING": { sqlState: "42KDF", template: "<rowTag> option is required for reading/writing files in XML format." },
  "PATH_NOT_FOUND": { sqlState: "42K03", template: "Path does not exist: <path>." },
  "PATH_ALREADY_EXISTS": { sqlState: "42K04", template: "Path <outputPath> already exists. Set mode as \"overwrite\" to overwrite the existing path." },
  "UNABLE_TO_INFER_SCHEMA": { sqlState: "42KD9", template: "Unable to infer schema for <format>. It must be specified manually." },
  "CONFLICTING_DIRECTORY_STRUCTURES": { sqlState: "KD009", template: "Conflicting directory structures detected.\nSuspicious paths:\n<discoveredBasePaths>\nIf provided paths are partition directories, please set \"basePath\" in the options of the data source to specify the root directory of the table.\nIf there are multiple root directories, please load them separately and then union them." },
  "DATA_SOURCE_NOT_FOUND": { sqlState: "42K02", template: "Failed to find the data source: <provider>. Make sure the provider name is correct and the package is properly registered and compatible with your Spark version." },
  "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE": { sqlState: "0A000", template: "The <format> datasource doesn't support the column <columnName> of the type <columnType>." },
  "TASK_WRITE_FAILED": { sqlState: "58030", template: "Task failed while writing rows to <path>." },
  "INVALID_SAVE_MODE": { sqlState: "42000", template: "The specified save mode <mode> is invalid. Valid save modes include \"append\", \"overwrite\", \"ignore\", \"error\", \"errorifexists\", and \"default\"." },
  "MALFORMED_CSV_RECORD": { sqlState: "KD000", template: "Malformed CSV record: <badRecord>" },
  "COLUMN_ALREADY_EXISTS": { sqlState: "42711", template: "The column <columnName> already exists. Choose another name or rename the existing column." },
  "MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_STRING_AS_DATATYPE": { sqlState: "22023", template: "Malformed records are detected in record parsing: <badRecord>.\nParse Mode: <failFastMode>. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. Cannot parse the value <fieldValue> of the field <fieldName> as target spark data type <targetType> from the input type <inputType>." },
  "MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS": { sqlState: "22023", template: "Malformed records are detected in record parsing: <badRecord>.\nParse Mode: <failFastMode>. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. Parsing JSON arrays as structs is forbidden." },
  "_LEGACY_ERROR_TEMP_2145": { sqlState: "XX000", template: "<paramName> cannot be more than one character." },
  "FAILED_READ_FILE.NO_HINT": { sqlState: "KD001", template: "Encountered error while reading file <path>. " },
  "FAILED_READ_FILE.FILE_NOT_EXIST": { sqlState: "KD001", template: "Encountered error while reading file <path>. File does not exist. It is possible the underlying files have been updated.\nYou can explicitly invalidate the cache in Spark by running 'REFRESH TABLE tableName' command in SQL or by recreating the Dataset/DataFrame involved." },
  "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER": { sqlState: "KD001", template: "Encountered error while reading file <path>. Could not read footer. Please ensure that the file is in either ORC or Parquet format.\nIf not, please convert it to a valid format. If the file is in the valid format, please check if it is corrupt.\nIf it is, you can choose to either ignore it or fix the corruption." },
  "UNSUPPORTED_FEATURE.QUERY_ONLY_CORRUPT_RECORD_COLUMN": { sqlState: "0A000", template: "The feature is not supported: Queries from raw JSON/CSV/XML files are disallowed when the\nreferenced columns only include the internal corrupt record column\n(named `_corrupt_record` by default). For example:\n`spark.read.schema(schema).json(file).filter($\"_corrupt_record\".isNotNull).count()`\nand `spark.read.schema(schema).json(file).select(\"_corrupt_record\").show()`.\nInstead, you can cache or save the parsed results and then send the same query.\nFor example, `val df = spark.read.schema(schema).json(file).cache()` and then\n`df.filter($\"_corrupt_record\".isNotNull).count()`." },
};
