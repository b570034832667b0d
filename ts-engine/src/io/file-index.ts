import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { castValue } from "../expr/eval/cast-value.js";
import { AnalysisException, SparkException } from "../errors/spark-exception.js";
import { StringType, TimestampType, structField, structType, type StructField, type StructType } from "../types/data-type.js";
import type { FileStatus } from "./file-split.js";
import { committedSinkFiles } from "./file-sink-log.js";
import { globSegmentRegex, hasGlob } from "./glob.js";
import { inferPartitionType, parsePartitionDir, partitionValue, widerPartitionType } from "./partition-values.js";
import type { SourceOptions } from "./source-options.js";

/**
 * The files a read covers (Spark's InMemoryFileIndex): the root paths after glob expansion,
 * every data file under them with its Hive partition values, and the partition schema.
 */
export interface FileIndex {
  /** The roots as explain's `Location: InMemoryFileIndex(n paths)[file:/…]` lists them. */
  readonly rootPaths: readonly string[];
  readonly files: readonly FileStatus[];
  readonly partitionSchema: StructType;
}

/** A path without its `file:` scheme, absolute. */
export function localPath(p: string): string {
  let s = p;
  if (s.startsWith("file://")) s = s.slice("file://".length);
  else if (s.startsWith("file:")) s = s.slice("file:".length);
  return path.resolve(s);
}

/** A local path as Spark qualifies it: `file:/abs/path`. */
export function qualified(p: string): string {
  return `file:${p}`;
}

/** Spark skips files and directories whose names start with `_` or `.` (metadata, checksums, staging), except `_`-names holding `=`. */
export function hidden(name: string): boolean {
  return (name.startsWith("_") && !name.includes("=")) || name.startsWith(".") || name.endsWith("._COPYING_");
}

/** Expands a globbed path segment by segment (Hadoop's globStatus): the existing matches; plain paths as they are. */
export async function expandGlob(p: string): Promise<string[]> {
  if (!hasGlob(p)) return [p];
  const parts = p.split("/").filter((s) => s.length > 0);
  let found = ["/"];
  for (const seg of parts) {
    const next: string[] = [];
    if (!hasGlob(seg)) {
      for (const dir of found) next.push(path.join(dir, seg));
    } else {
      const re = globSegmentRegex(seg);
      for (const dir of found) {
        const names = await readdir(dir).catch(() => [] as string[]);
        // hidden names (_SUCCESS, .crc, staging) are not matched, as Spark's InMemoryFileIndex filters them
        for (const n of names.sort()) if (re.test(n) && !hidden(n)) next.push(path.join(dir, n));
      }
    }
    found = next;
  }
  const exist: string[] = [];
  for (const f of found) if ((await stat(f).catch(() => null)) !== null) exist.push(f);
  return exist;
}

interface Leaf {
  readonly path: string;
  readonly size: number;
  readonly mtime: number;
  /** [key, raw value] of the partition directories between the root and the file. */
  readonly dirs: readonly (readonly [string, string])[];
}

/**
 * The files under `root`; a streaming file sink's output (a `_spark_metadata` log in `root`)
 * gives only the files its log committed, as Spark's MetadataLogFileIndex.
 */
async function listLeaves(root: string, recursive: boolean, out: Leaf[]): Promise<void> {
  const committed = await committedSinkFiles(root);
  const found: Leaf[] = [];
  const walk = async (dir: string, dirs: readonly (readonly [string, string])[]): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (hidden(e.name)) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        const kv = parsePartitionDir(e.name);
        await walk(full, recursive || kv === null ? dirs : [...dirs, [kv.key, kv.raw]]);
      } else {
        const st = await stat(full);
        found.push({ path: full, size: st.size, mtime: st.mtimeMs, dirs });
      }
    }
  };
  await walk(root, []);
  if (committed === undefined) out.push(...found);
  else {
    const keep = new Set(committed);
    for (const l of found) if (keep.has(l.path)) out.push(l);
  }
}

/** A `modifiedBefore`/`modifiedAfter` threshold in ms, read in the `timeZone` option or the session's. */
function modifiedThreshold(options: SourceOptions, key: string, timeZone: string): number | undefined {
  const v = options.get(key);
  if (v === undefined) return undefined;
  const micros = castValue(v, StringType, TimestampType, { ansi: false, timeZone: options.get("timeZone") ?? timeZone });
  if (micros === null) {
    throw new AnalysisException("_LEGACY_ERROR_TEMP_1285", { message: `The timestamp provided for the '${key}' option is invalid. The expected format is 'YYYY-MM-DDTHH:mm:ss', but the provided timestamp: ${v}` });
  }
  return Number(micros) / 1000;
}

/**
 * Lists what `paths` name, as Spark's DataSource.resolveRelation does: each path (with `file:`
 * or not) expanded as a glob, missing ones raising PATH_NOT_FOUND; directories listed
 * recursively (hidden names skipped); `key=value` directories become partition columns whose
 * types are inferred (or taken from `userSchema`), unless `recursiveFileLookup`;
 * `pathGlobFilter` keeps files whose name matches, `modifiedBefore`/`modifiedAfter` by time.
 */
export async function listFiles(paths: readonly string[], options: SourceOptions, userSchema: StructType | undefined, timeZone: string): Promise<FileIndex> {
  const recursive = options.bool("recursiveFileLookup", false);
  const roots: string[] = [];
  for (const p of paths) {
    const local = localPath(p);
    const expanded = await expandGlob(local);
    if (expanded.length === 0 || (await stat(expanded[0]!).catch(() => null)) === null) {
      throw new AnalysisException("PATH_NOT_FOUND", { path: qualified(local) });
    }
    roots.push(...expanded);
  }
  const leaves: Leaf[] = [];
  for (const r of roots) {
    const st = await stat(r);
    if (st.isDirectory()) await listLeaves(r, recursive, leaves);
    else leaves.push({ path: r, size: st.size, mtime: st.mtimeMs, dirs: [] });
  }
  const nameFilter = options.get("pathGlobFilter");
  const nameRe = nameFilter === undefined ? null : globSegmentRegex(nameFilter);
  const before = modifiedThreshold(options, "modifiedBefore", timeZone);
  const after = modifiedThreshold(options, "modifiedAfter", timeZone);
  const kept = leaves.filter(
    (l) =>
      (nameRe === null || nameRe.test(path.basename(l.path))) &&
      (before === undefined || l.mtime < before) &&
      (after === undefined || l.mtime > after),
  );
  const partitionSchema = recursive ? structType([]) : inferPartitionSchema(kept, userSchema, timeZone);
  const files = kept.map((l) => ({
    path: l.path,
    size: l.size,
    modificationTime: l.mtime,
    partitionValues: partitionSchema.fields.map((f) => {
      const raw = l.dirs.find(([k]) => k === f.name)?.[1];
      return raw === undefined ? null : partitionValue(raw, f.dataType, timeZone);
    }),
  }));
  return { rootPaths: roots.map(qualified), files, partitionSchema };
}

/**
 * The partition columns of the listed files: every file must sit under the same column
 * names in the same order (else CONFLICTING_DIRECTORY_STRUCTURES); each column's type is the
 * user schema's when it names the column, else the wider of its values' inferred types.
 */
function inferPartitionSchema(leaves: readonly Leaf[], userSchema: StructType | undefined, timeZone: string): StructType {
  if (leaves.length === 0) return structType([]);
  const names = leaves[0]!.dirs.map(([k]) => k);
  for (const l of leaves) {
    const ks = l.dirs.map(([k]) => k);
    if (ks.length !== names.length || ks.some((k, i) => k !== names[i])) {
      const bases = [...new Set(leaves.map((x) => qualified(baseOf(x))))].sort();
      throw new SparkException("SparkRuntimeException", "CONFLICTING_DIRECTORY_STRUCTURES", { discoveredBasePaths: bases.map((b) => `\t${b}`).join("\n") });
    }
  }
  const fields: StructField[] = names.map((name, i) => {
    const given = userSchema?.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (given !== undefined) return structField(given.name, given.dataType, true);
    let t = inferPartitionType(leaves[0]!.dirs[i]![1], timeZone);
    for (const l of leaves) t = widerPartitionType(t, inferPartitionType(l.dirs[i]![1], timeZone));
    return structField(name, t.kind === "null" ? StringType : t, true);
  });
  return structType(fields);
}

/** The directory above a file's partition directories. */
function baseOf(l: Leaf): string {
  let dir = path.dirname(l.path);
  for (let i = 0; i < l.dirs.length; i++) dir = path.dirname(dir);
  return dir;
}
