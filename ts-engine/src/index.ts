/** tspark's Node API: the engine in-process, with PySpark's method names. */
export * from "./types/data-type.js";
export { simpleString, typeName } from "./types/type-names.js";
export { SparkSession } from "./api/spark-session.js";
export { SparkSessionBuilder } from "./api/spark-session-builder.js";
export { DataFrame } from "./api/dataframe.js";
export { StorageLevel } from "./plan/storage-level.js";
export { Column } from "./api/column.js";
export { GroupedData } from "./api/group.js";
export { DataFrameReader, type OptionValue, type OptionsObject } from "./api/dataframe-reader.js";
export { DataFrameWriter } from "./api/dataframe-writer.js";
export { Row, type TypedRow } from "./api/row.js";
export { RuntimeConfig } from "./api/runtime-config.js";
export type { RowLike, SchemaLike } from "./api/create-dataframe.js";
export type { ColumnOrName } from "./api/functions.js";
export type { SortOptions } from "./api/sort-orders.js";
export { PySparkException, PySparkTypeError, PySparkValueError } from "./api/errors.js";
export { AnalysisException, ParseException, PythonException, SparkException } from "./errors/spark-exception.js";
export * as functions from "./api/functions.js";
