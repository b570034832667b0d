import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FileSourceRelation } from "../io/file-source.js";
import type { FileStatus } from "../io/file-split.js";
import { qualified } from "../io/file-index.js";
import { parsePartitionDir, partitionValue } from "../io/partition-values.js";
import { structType } from "../types/data-type.js";
import { dataColumns, partitionFields, type CatalogTable } from "./catalog-table.js";

/** Names every reader skips (`_SUCCESS`, `.crc`, staging directories), as Spark's InMemoryFileIndex. */
function hidden(name: string): boolean {
  return (name.startsWith("_") && !name.includes("=")) || name.startsWith(".");
}

/**
 * The file in a partition's directory that names the partition's own location when
 * `ALTER TABLE … ADD PARTITION … LOCATION` put it elsewhere (Spark keeps it in the catalog's
 * CatalogTablePartition; here the directories are the partition registry, so the directory
 * stays and points there). Hidden from readers, as every `_` file.
 */
export const PARTITION_LOCATION_FILE = "_tspark_partition_location";

/** The custom location a partition directory points to, if it has one. */
export function partitionLocation(dir: string): string | undefined {
  try {
    const text = readFileSync(path.join(dir, PARTITION_LOCATION_FILE), "utf8").trim();
    return text === "" ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * The files of a table as a resolved file source (Spark's CatalogFileIndex → InMemoryFileIndex):
 * its directory listed, and each file's partition values read from its `k=v` directories in
 * the table's partition schema (known from the catalog, so nothing is inferred). Listed at
 * each lookup, so a write by any session or engine is seen by the next query; synchronous,
 * since table names resolve during analysis. A missing directory is an empty table.
 */
export function tableRelation(t: CatalogTable, timeZone: string): FileSourceRelation {
  const parts = partitionFields(t);
  const files: FileStatus[] = [];
  const walk = (dir: string, values: readonly unknown[]): void => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (hidden(e.name)) continue;
      const full = path.join(dir, e.name);
      const depth = values.length;
      if (e.isDirectory()) {
        const kv = parsePartitionDir(e.name);
        const field = parts[depth];
        // only the table's own partition directories, in its order (Spark lists partitions from the catalog)
        if (kv === null || field === undefined || kv.key.toLowerCase() !== field.name.toLowerCase()) continue;
        walk(full, [...values, partitionValue(kv.raw, field.dataType, timeZone)]);
      } else if (depth === parts.length) {
        const st = statSync(full);
        files.push({ path: full, size: st.size, modificationTime: st.mtimeMs, partitionValues: values });
      }
    }
    // a partition added with a LOCATION of its own: its files there too (rows inserted since are here)
    const elsewhere = values.length === parts.length && parts.length > 0 ? partitionLocation(dir) : undefined;
    if (elsewhere !== undefined) leafFiles(elsewhere, values, files);
  };
  walk(t.location, []);
  return {
    format: t.provider,
    options: t.options,
    index: { rootPaths: [qualified(t.location)], files, partitionSchema: structType(parts) },
    dataSchema: structType(dataColumns(t)),
    partitionSchema: structType(parts),
    table: `spark_catalog.${t.database}.${t.name}`,
    ...(t.bucketSpec === undefined ? {} : { bucketSpec: { numBuckets: t.bucketSpec.numBuckets, bucketColumns: t.bucketSpec.bucketColumns } }),
  };
}

/** The visible files directly in `dir` (a partition's own location), with the partition's values. */
function leafFiles(dir: string, values: readonly unknown[], out: FileStatus[]): void {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (hidden(e.name) || !e.isFile()) continue;
    const full = path.join(dir, e.name);
    const st = statSync(full);
    out.push({ path: full, size: st.size, modificationTime: st.mtimeMs, partitionValues: values });
  }
}
