import type { SqlConf } from "../../conf/sql-conf.js";
import { StringType, structField, structType, type DataType, type StructType } from "../../types/data-type.js";
import type { FileStatus } from "../file-split.js";
import { FieldText } from "./csv-convert.js";
import { CsvTypeInference, finalType } from "./csv-infer.js";
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
 * The schema Spark's CSV source infers: names from the first file's header (or `_c0`…, as many
 * as the first record has fields), and with `inferSchema` each column's type from every record
 * (samplingRatio of them), else strings, read from the first record alone. Undefined when
 * there is no record at all.
 */
export async function inferCsvSchema(files: readonly FileStatus[], options: SourceOptions, conf: SqlConf): Promise<StructType | undefined> {
  const o: CsvOptions = csvOptions(options, conf.get("spark.sql.columnNameOfCorruptRecord") ?? CORRUPT_RECORD_DEFAULT, false);
  const raw: CsvOptions = { ...o, header: false };
  const caseSensitive = conf.caseSensitive;
  const infer = new CsvTypeInference(o);
  const take = sampler(o.samplingRatio);
  const f = new FieldText(o);
  let names: string[] | null = null;
  let types: DataType[] = [];
  const t = new CsvTokens();
  for (const file of files) {
    let first = true;
    // without inferSchema the first record (header or not) is all that is read, as Spark reads one line
    const firstOnly = !o.inferSchema;
    for await (const _ of tokenizeSplit({ file, start: 0, length: file.size }, raw, t, firstOnly)) {
      for (let r = 0; r < t.nRecords; r++) {
        const base = t.recTok[r]!;
        const count = t.recCount[r]!;
        if (first && o.header) {
          first = false;
          if (names === null) {
            const header: (string | null)[] = [];
            for (let i = 0; i < count; i++) header.push(f.read(t, base + i) ? f.text() : null);
            names = safeHeader(header, caseSensitive);
            types = names.map(() => NullType);
          }
          continue;
        }
        first = false;
        if (names === null) {
          names = Array.from({ length: count }, (_, i) => `_c${i}`);
          types = names.map(() => NullType);
        }
        // without inferSchema only the first record counts (Spark reads just the first line)
        if (!o.inferSchema) return structType(names.map((n) => structField(n, StringType, true)));
        if (!take()) continue;
        const n = Math.min(count, types.length);
        for (let i = 0; i < n; i++) {
          if (!f.read(t, base + i)) continue;
          types[i] = f.str === null ? infer.inferBytes(types[i]!, f.bytes, f.start, f.end) : infer.inferField(types[i]!, f.str);
        }
      }
    }
  }
  if (names === null) return undefined;
  return structType(names.map((n, i) => structField(n, o.inferSchema ? finalType(types[i]!) : StringType, true)));
}
