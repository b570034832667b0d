import type { FileHandle } from "node:fs/promises";
import { parquetReadObjects, parquetSchema, type AsyncBuffer, type ColumnChunk, type RowGroup, type SchemaTree } from "hyparquet";
import type { ParquetParsers } from "hyparquet/src/types.js";
import { nullVectorOf, vectorFromValues } from "../../columnar/builder.js";
import type { Vector } from "../../columnar/vector.js";
import type { DataType, StructField } from "../../types/data-type.js";
import type { ParquetFooter } from "./parquet-footer.js";
import { readRange } from "./parquet-footer.js";
import { decodeColumnChunk } from "./column-chunk-decoder.js";
import { chunkToVector } from "./chunk-to-vector.js";
import { DECOMPRESSORS } from "./page-codecs.js";
import { nestedToValues, withRawDecimals } from "./nested-values.js";

/** A top-level field of the file, found by name for a requested column. */
interface FileColumn {
  readonly node: SchemaTree;
  /** Index of its first leaf among the row group's column chunks. */
  readonly firstLeaf: number;
  readonly leaves: number;
}

/** The file's top-level fields by name, as Spark matches them (case-insensitively unless spark.sql.caseSensitive). */
export function fileColumns(footer: ParquetFooter, caseSensitive: boolean): Map<string, FileColumn> {
  const root = parquetSchema(footer.metadata);
  const out = new Map<string, FileColumn>();
  let leaf = 0;
  for (const node of root.children) {
    const leaves = countLeaves(node);
    const key = caseSensitive ? node.element.name : node.element.name.toLowerCase();
    if (!out.has(key)) out.set(key, { node, firstLeaf: leaf, leaves });
    leaf += leaves;
  }
  return out;
}

function countLeaves(node: SchemaTree): number {
  if (node.children.length === 0) return 1;
  let n = 0;
  for (const c of node.children) n += countLeaves(c);
  return n;
}

/** Raw statistics parsers for the nested path (dates as days, timestamps as microseconds). */
const NESTED_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (ms: bigint) => ms * 1000n,
  timestampFromMicroseconds: (us: bigint) => us,
  timestampFromNanoseconds: (ns: bigint) => ns / 1000n,
  dateFromDays: (d: number) => d,
};

function chunkRange(c: ColumnChunk): [number, number] {
  const m = c.meta_data;
  if (m === undefined) throw new Error("column chunk without metadata (encrypted or external files are not supported)");
  const dict = m.dictionary_page_offset;
  const start = Number(dict !== undefined && dict > 0n && dict < m.data_page_offset ? dict : m.data_page_offset);
  return [start, start + Number(m.total_compressed_size)];
}

/**
 * Reads row group `g` of an open file for `fields` (the requested Spark columns with their
 * types): one vector per field of the whole row group. Flat columns are decoded by
 * column-chunk-decoder.ts; nested ones by hyparquet's record assembly, turned into the
 * engine's plain values. A field the file lacks is all nulls (mergeSchema, user schemas).
 */
export async function readRowGroup(
  fh: FileHandle,
  footer: ParquetFooter,
  g: number,
  fields: readonly StructField[],
  caseSensitive: boolean,
): Promise<Vector[]> {
  const rg: RowGroup | undefined = footer.metadata.row_groups[g];
  if (rg === undefined) throw new Error(`row group ${g} does not exist`);
  const numRows = Number(rg.num_rows);
  const cols = fileColumns(footer, caseSensitive);
  const out: Vector[] = [];
  for (const f of fields) {
    const fc = cols.get(caseSensitive ? f.name : f.name.toLowerCase());
    if (fc === undefined) {
      out.push(nullVectorOf(f.dataType, numRows));
      continue;
    }
    const e = fc.node.element;
    if (fc.node.children.length === 0 && e.repetition_type !== "REPEATED" && e.type !== undefined) {
      const chunk = rg.columns[fc.firstLeaf];
      if (chunk?.meta_data === undefined) throw new Error(`row group ${g} has no chunk for column ${e.name}`);
      const [s, end] = chunkRange(chunk);
      const bytes = await readRange(fh, s, end - s);
      const decoded = decodeColumnChunk(bytes, chunk.meta_data, { name: e.name, type: e.type, element: e, maxDefinitionLevel: e.repetition_type === "OPTIONAL" ? 1 : 0 }, numRows);
      out.push(chunkToVector(decoded, f.dataType, e));
    } else {
      out.push(await readNested(fh, footer, g, fc, f.dataType, numRows));
    }
  }
  return out;
}

/**
 * A nested top-level column of one row group through hyparquet, as plain engine values
 * (decimal leaves read unannotated, so they stay exact: nested-values.ts).
 */
async function readNested(fh: FileHandle, footer: ParquetFooter, g: number, fc: FileColumn, type: DataType, numRows: number): Promise<Vector> {
  const rg = footer.metadata.row_groups[g]!;
  let lo = Infinity;
  let hi = 0;
  for (let k = fc.firstLeaf; k < fc.firstLeaf + fc.leaves; k++) {
    const [s, e] = chunkRange(rg.columns[k]!);
    lo = Math.min(lo, s);
    hi = Math.max(hi, e);
  }
  const bytes = await readRange(fh, lo, hi - lo);
  // hyparquet asks for byte ranges of the file; only this row group's chunks of the column are read.
  const file: AsyncBuffer = {
    byteLength: footer.size,
    slice(start: number, end?: number): ArrayBuffer {
      const e = end ?? footer.size;
      if (start < lo || e > hi) throw new Error(`nested column read outside its chunks [${start}, ${e})`);
      return bytes.slice(start - lo, e - lo).buffer;
    },
  };
  let rowStart = 0;
  for (let k = 0; k < g; k++) rowStart += Number(footer.metadata.row_groups[k]!.num_rows);
  const name = fc.node.element.name;
  const rows = await parquetReadObjects({
    file,
    metadata: withRawDecimals(footer.metadata),
    columns: [name],
    rowStart,
    rowEnd: rowStart + numRows,
    compressors: DECOMPRESSORS,
    parsers: NESTED_PARSERS,
    utf8: false,
  });
  const values = new Array<unknown>(numRows);
  for (let i = 0; i < numRows; i++) values[i] = nestedToValues((rows[i] as Record<string, unknown> | undefined)?.[name], type, fc.node);
  return vectorFromValues(type, values);
}
