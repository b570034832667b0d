import { tableWriteMethod, type PartitionTransform, type TableWriteSpec } from "../../engine/dataframe-table-write.js";
import { asBool, asList, asMap, asString, asStringList, fail, opt, req } from "./wire-reader.js";

const TRANSFORMS: readonly PartitionTransform["name"][] = ["identity", "years", "months", "days", "hours", "bucket"];

function int(raw: unknown, path: string): number {
  if (typeof raw !== "number" || !Number.isInteger(raw)) fail(path, "expected an integer");
  return raw as number;
}

function bucketBy(raw: unknown, path: string): NonNullable<TableWriteSpec["bucketBy"]> {
  const m = asMap(raw, path);
  const n = opt(m, "numBuckets");
  return {
    ...(n === undefined ? {} : { numBuckets: int(n, `${path}.numBuckets`) }),
    bucketColumns: asStringList(opt(m, "bucketColumns") ?? [], `${path}.bucketColumns`),
    sortColumns: asStringList(opt(m, "sortColumns") ?? [], `${path}.sortColumns`),
  };
}

function transforms(raw: unknown, path: string): PartitionTransform[] {
  return asList(raw, path).map((t, i) => {
    const p = `${path}[${i}]`;
    const m = asMap(t, p);
    const name = asString(req(m, "name", p), `${p}.name`);
    const hit = TRANSFORMS.find((x) => x === name);
    if (hit === undefined) fail(`${p}.name`, `unknown partition transform ${JSON.stringify(name)}`);
    const n = opt(m, "numBuckets");
    return { name: hit!, column: asString(req(m, "column", p), `${p}.column`), ...(n === undefined ? {} : { numBuckets: int(n, `${p}.numBuckets`) }) };
  });
}

function pairs(raw: unknown, path: string): [string, string][] {
  return asList(raw, path).map((p, i) => {
    const kv = asStringList(p, `${path}[${i}]`);
    if (kv.length !== 2) fail(`${path}[${i}]`, "expected a [key, value] pair");
    return [kv[0]!, kv[1]!];
  });
}

/**
 * Decodes the `write` of an `analyze` request with method `writeTable` (bridge/PROTOCOL.md):
 * `{tableName, method, mode?, overwrite?, format?, options, partitionBy, properties, bucketBy?,
 * transforms?}` (bucketBy: `{numBuckets?, bucketColumns, sortColumns}`; transforms: writeTo's
 * partitionedBy, `[{name, column, numBuckets?}]`).
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
    ...(opt(m, "bucketBy") === undefined ? {} : { bucketBy: bucketBy(opt(m, "bucketBy"), `${path}.bucketBy`) }),
    ...(opt(m, "transforms") === undefined ? {} : { transforms: transforms(opt(m, "transforms"), `${path}.transforms`) }),
  };
}
