import { guardedParse } from "./parse-expression.js";
import { StatementParser } from "./statement-parser.js";

/** The parts of a table name as Spark's parser reads `spark.table(name)` (`db.t`, backquoted parts). */
export function parseTableName(name: string): string[] {
  return guardedParse(name, () => new StatementParser(name).parseMultipartNameToEnd());
}
