import { tableWriteMethod, type TableWriteSpec } from "../../engine/dataframe-table-write.js";
import { asBool, asList, asMap, asString, asStringList, fail, opt, req } from "./wire-reader.js";

function pairs(raw: unknown, path: string): [string, string][] {
  return asList(raw, path).map((p, i) => {
    const kv = asStringList(p, `${path}[${i}]`);
    if (kv.length !== 2) fail(`${path}[${i}]`, "expected a [key, value] pair");
    return [kv[0]!, kv[1]!];
  });
}

/**
 * Decodes the `write` of an `analyze` request with method `writeTable` (bridge/PROTOCOL.md):
 * `{tableName, method, mode?, overwrite?, format?, options, partitionBy, properties}`.
 */
export function decodeTableWrite(raw: unknown, path: string): TableWriteSpec {
  const m = asMap(raw, path);
  const mode = opt(m, "mode");
  const overwrite = opt(m, "overwrite");
  const format = opt(m, "format");
  return {
    tableName: asString(req(m, "tableName", path), `${path}.tableName`),
    method: tableWriteMethod(asString(req(m, "method", path), `${path}.method`)),
    ...(mode === undefined ? {} : { mode: asString(mode, `${path}.mode`) }),
    ...(overwrite === undefined ? {} : { overwrite: asBool(overwrite, `${path}.overwrite`) }),
    ...(format === undefined ? {} : { format: asString(format, `${path}.format`) }),
    options: pairs(opt(m, "options") ?? [], `${path}.options`),
    partitionBy: asStringList(opt(m, "partitionBy") ?? [], `${path}.partitionBy`),
    properties: pairs(opt(m, "properties") ?? [], `${path}.properties`),
  };
}
