import { AnalysisException } from "../errors/spark-exception.js";
import type { FileFormat } from "./file-format.js";
import { csvFormat } from "./csv/csv-format.js";
import { jsonFormat } from "./json/json-format.js";
import { textFormat } from "./text/text-format.js";
import { parquetFormat } from "./parquet/parquet-format.js";
import { xmlFormat } from "./xml/xml-format.js";

/** Every file format, one line each: `format(name)` finds them here, on the main thread and in tasks alike. */
const FILE_FORMATS: readonly FileFormat[] = [
  textFormat,
  csvFormat,
  jsonFormat,
  parquetFormat,
  xmlFormat,
];

const BY_NAME: ReadonlyMap<string, FileFormat> = new Map(FILE_FORMATS.map((f) => [f.name, f]));

/** The format `name` names (case-insensitive, as Spark's DataSource.lookupDataSource), else DATA_SOURCE_NOT_FOUND. */
export function fileFormat(name: string): FileFormat {
  const f = BY_NAME.get(name.toLowerCase());
  if (f === undefined) {
    // Spark names Avro's separate module (QueryCompilationErrors.failedToFindAvroDataSourceError)
    if (name.toLowerCase() === "avro") {
      throw new AnalysisException("_LEGACY_ERROR_TEMP_1139", {
        message: `Failed to find data source: ${name}. Avro is built-in but external data source module since Spark 2.4. Please deploy the application as per the deployment section of Apache Avro Data Source Guide.`,
      });
    }
    throw new AnalysisException("DATA_SOURCE_NOT_FOUND", { provider: name });
  }
  return f;
}

/** Whether `name` is a registered file format. */
export function isFileFormat(name: string): boolean {
  return BY_NAME.has(name.toLowerCase());
}
