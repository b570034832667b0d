import type { SqlConf } from "../../conf/sql-conf.js";
import { StringType, structField, structType, type DataType, type StructType } from "../../types/data-type.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import { FieldText } from "./field-text.js";
import { compatibleType, CsvTypeInference, finalType } from "./csv-infer.js";
import { csvOptions, type CsvOptions } from "./csv-options.js";
import { CORRUPT_RECORD_DEFAULT, tokenizeSplit } from "./csv-read.js";
import { CsvTokens } from "./csv-tokenizer.js";
import type { SourceOptions } from "../source-options.js";
import { NullType } from "../../types/data-type.js";

/**
 * Column names from a header record, as Spark's CSVUtils.makeSafeHeader: empty (or nullValue)
 * names become `_c<i>`, duplicates (case-insensitively unless spark.sql.caseSensitive) get
 * their index appended.
 */
export function safeHeader(names: readonly (string | null)[], caseSensitive: boolean): string[] {
  const key = (s: string): string => (caseSensitive ? s : s.toLowerCase());
  const seen = new Map<string, number>();
  for (const n of names) if (n !== null) seen.set(key(n), (seen.get(key(n)) ?? 0) + 1);
  return names.map((n, i) => {
    if (n === null || n.length === 0) return `_c${i}`;
    return (seen.get(key(n)) ?? 0) > 1 ? `${n}${i}` : n;
  });
}

/** A deterministic Bernoulli sampler (seeded as Spark's sample(seed = 1); not its exact draws). */
function sampler(ratio: number): () => boolean {
  if (ratio >= 1) return () => true;
  let s = 1;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296 < ratio;
  };
}

/**
 * One split's part of CSV inference: the first record's values when the split starts a
 * file (the header, or the record whose length names the columns `_c<i>`), and the type of
 * each field position over the split's (sampled) records, Spark's inferRowType folded over them.
 */
export interface CsvSplitTypes {
  readonly first: readonly (string | null)[] | null;
  readonly types: readonly DataType[];
}

/**
 * The part of CSV inference one split gives: with `inferSchema` the types of every record
 * (samplingRatio of them; the header record of a file is not data), else only the first record.
 */
export async function inferCsvSplit(split: FileSplit, o: CsvOptions): Promise<CsvSplitTypes> {
  const raw: CsvOptions = { ...o, header: false };
  const infer = new CsvTypeInference(o);
  const take = sampler(o.samplingRatio);
  const f = new FieldText(o);
  let first: (string | null)[] | null = null;
  const types: DataType[] = [];
  const t = new CsvTokens();
  let atStart = split.start === 0;
  // without inferSchema the first record (header or not) is all that is read, as Spark reads one line
  for await (const _ of tokenizeSplit(split, raw, t, !o.inferSchema)) {
    for (let r = 0; r < t.nRecords; r++) {
      const base = t.recTok[r]!;
      const count = t.recCount[r]!;
      if (atStart) {
        atStart = false;
        first = [];
        for (let i = 0; i < count; i++) first.push(f.read(t, base + i) ? f.text() : null);
        if (o.header || !o.inferSchema) continue;
      }
      if (!take()) continue;
      while (types.length < count) types.push(NullType);
      for (let i = 0; i < count; i++) {
        if (!f.read(t, base + i)) continue;
        types[i] = f.str === null ? infer.inferBytes(types[i]!, f.bytes, f.start, f.end) : infer.inferField(types[i]!, f.str);
      }
    }
  }
  return { first, types };
}

/**
 * The schema Spark's CSV source infers from the splits' parts (in file and offset order):
 * names from the first file's header (or `_c0`…, as many as the first record has fields),
 * each column's type the parts' types merged (Spark's mergeRowTypes), or strings without
 * inferSchema. Files without a record give no columns (Spark: `struct<>`, zero rows).
 */
export function mergeCsvSplits(parts: readonly CsvSplitTypes[], o: CsvOptions, caseSensitive: boolean): StructType {
  const head = parts.find((p) => p.first !== null)?.first;
  if (head === undefined || head === null) return structType([]);
  const names = o.header ? safeHeader(head, caseSensitive) : head.map((_, i) => `_c${i}`);
  if (!o.inferSchema) return structType(names.map((n) => structField(n, StringType, true)));
  const types: DataType[] = names.map(() => NullType);
  for (const p of parts) {
    const n = Math.min(types.length, p.types.length);
    for (let i = 0; i < n; i++) types[i] = compatibleType(types[i]!, p.types[i]!) ?? StringType;
  }
  return structType(names.map((n, i) => structField(n, finalType(types[i]!), true)));
}

/** The CSV options of a schema inference, with the session's corrupt record column name as default. */
export function inferOptions(options: SourceOptions, conf: SqlConf): CsvOptions {
  return csvOptions(options, conf.get("spark.sql.columnNameOfCorruptRecord") ?? CORRUPT_RECORD_DEFAULT, false);
}

/**
 * CSV inference in-process, file after file (each file one split); without inferSchema it
 * stops at the first file that holds a record.
 */
export async function inferCsvSchema(files: readonly FileStatus[], options: SourceOptions, conf: SqlConf): Promise<StructType | undefined> {
  const o = inferOptions(options, conf);
  const parts: CsvSplitTypes[] = [];
  for (const file of files) {
    const p = await inferCsvSplit({ file, start: 0, length: file.size }, o);
    parts.push(p);
    if (p.first !== null && !o.inferSchema) break;
  }
  return mergeCsvSplits(parts, o, conf.caseSensitive);
}
