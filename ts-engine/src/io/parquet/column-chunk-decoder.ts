import type { ColumnMetaData, Encoding, ParquetType, SchemaElement } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { readDataPage, readDataPageV2 } from "hyparquet/src/datapage.js";
import type { ColumnDecoder, PageHeader, SchemaTree } from "hyparquet/src/types.js";
import { decompress } from "./page-codecs.js";
import { decodeRleBitPacked } from "./rle-bit-packed.js";

/**
 * The non-null values of one flat column chunk in Parquet's physical form, densely packed:
 * - fixed: `width` little-endian bytes per value (INT32, INT64, INT96, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY)
 * - bool: one 0/1 byte per value
 * - bytes: BYTE_ARRAY values as offsets + bytes (the layout of a UTF-8 string vector)
 */
export type PhysicalValues =
  | { readonly kind: "fixed"; readonly width: number; readonly bytes: Uint8Array }
  | { readonly kind: "bool"; readonly data: Uint8Array }
  | { readonly kind: "bytes"; readonly offsets: Int32Array; readonly data: Uint8Array };

/** A decoded flat column chunk: its dense non-null values and, when some row is null, 1/0 validity per row. */
export interface DecodedChunk {
  readonly numRows: number;
  readonly numValues: number;
  readonly values: PhysicalValues;
  readonly validity: Uint8Array | null;
}

/** Byte width of a fixed-width physical type. */
export function fixedWidth(type: ParquetType, element: SchemaElement): number {
  switch (type) {
    case "INT32":
    case "FLOAT":
      return 4;
    case "INT64":
    case "DOUBLE":
      return 8;
    case "INT96":
      return 12;
    case "FIXED_LEN_BYTE_ARRAY":
      return element.type_length ?? 0;
    case "BOOLEAN":
    case "BYTE_ARRAY":
      return 0;
  }
}

/** Growable sink of one chunk's dense values. */
interface Sink {
  count: number;
  /** Appends PLAIN-encoded values from page bytes [pos, end); returns the position after them. */
  plain(page: Uint8Array, pos: number, n: number): number;
  /** Appends dictionary entries idx[0, n). */
  gather(dict: PhysicalValues, idx: Int32Array, n: number): void;
  /** Appends values another decoder produced (DELTA_*, BYTE_STREAM_SPLIT). */
  decoded(values: ArrayLike<unknown>, n: number): void;
  finish(): PhysicalValues;
}

class FixedSink implements Sink {
  count = 0;
  private bytes: Uint8Array;
  private words: Int32Array | null;
  constructor(
    private readonly width: number,
    capacity: number,
  ) {
    this.bytes = new Uint8Array(Math.max(capacity, 1) * width);
    this.words = width % 4 === 0 ? new Int32Array(this.bytes.buffer) : null;
  }
  private ensure(n: number): void {
    const need = (this.count + n) * this.width;
    if (need <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
    next.set(this.bytes);
    this.bytes = next;
    this.words = this.width % 4 === 0 ? new Int32Array(next.buffer) : null;
  }
  plain(page: Uint8Array, pos: number, n: number): number {
    this.ensure(n);
    const len = n * this.width;
    if (pos + len > page.length) throw new Error(`PLAIN page holds ${page.length - pos} bytes, ${len} expected`);
    this.bytes.set(page.subarray(pos, pos + len), this.count * this.width);
    this.count += n;
    return pos + len;
  }
  gather(dict: PhysicalValues, idx: Int32Array, n: number): void {
    if (dict.kind !== "fixed" || dict.width !== this.width) throw new Error("dictionary page does not match the column type");
    this.ensure(n);
    const dictLen = dict.bytes.length / this.width;
    for (let i = 0; i < n; i++) if (idx[i]! >>> 0 >= dictLen) throw new Error(`dictionary index ${idx[i]} out of range ${dictLen}`);
    const w = this.width;
    if (this.words !== null && dict.bytes.byteOffset % 4 === 0) {
      const dw = new Int32Array(dict.bytes.buffer, dict.bytes.byteOffset, dict.bytes.length >> 2);
      const out = this.words;
      const k = w >> 2;
      let o = this.count * k;
      if (k === 1) {
        for (let i = 0; i < n; i++) out[o++] = dw[idx[i]!]!;
      } else if (k === 2) {
        for (let i = 0; i < n; i++) {
          const s = idx[i]! << 1;
          out[o++] = dw[s]!;
          out[o++] = dw[s + 1]!;
        }
      } else {
        for (let i = 0; i < n; i++) {
          const s = idx[i]! * k;
          for (let j = 0; j < k; j++) out[o++] = dw[s + j]!;
        }
      }
    } else {
      const out = this.bytes;
      let o = this.count * w;
      for (let i = 0; i < n; i++) {
        const s = idx[i]! * w;
        for (let j = 0; j < w; j++) out[o++] = dict.bytes[s + j]!;
      }
    }
    this.count += n;
  }
  decoded(values: ArrayLike<unknown>, n: number): void {
    this.ensure(n);
    if (ArrayBuffer.isView(values)) {
      const v = values as unknown as Uint8Array;
      this.bytes.set(new Uint8Array(v.buffer, v.byteOffset, n * this.width), this.count * this.width);
    } else {
      for (let i = 0; i < n; i++) this.bytes.set(values[i] as Uint8Array, (this.count + i) * this.width);
    }
    this.count += n;
  }
  finish(): PhysicalValues {
    return { kind: "fixed", width: this.width, bytes: this.bytes.subarray(0, this.count * this.width) };
  }
}

class BoolSink implements Sink {
  count = 0;
  private data: Uint8Array;
  constructor(capacity: number) {
    this.data = new Uint8Array(Math.max(capacity, 1));
  }
  private ensure(n: number): void {
    if (this.count + n <= this.data.length) return;
    const next = new Uint8Array(Math.max(this.count + n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
  plain(page: Uint8Array, pos: number, n: number): number {
    this.ensure(n);
    for (let i = 0; i < n; i++) this.data[this.count + i] = (page[pos + (i >> 3)]! >> (i & 7)) & 1;
    this.count += n;
    return pos + ((n + 7) >> 3);
  }
  gather(): void {
    throw new Error("BOOLEAN columns have no dictionary");
  }
  /** RLE-encoded booleans arrive decoded as 0/1 levels. */
  levels(v: Int32Array, n: number): void {
    this.ensure(n);
    for (let i = 0; i < n; i++) this.data[this.count + i] = v[i]!;
    this.count += n;
  }
  decoded(values: ArrayLike<unknown>, n: number): void {
    this.ensure(n);
    for (let i = 0; i < n; i++) this.data[this.count + i] = values[i] ? 1 : 0;
    this.count += n;
  }
  finish(): PhysicalValues {
    return { kind: "bool", data: this.data.subarray(0, this.count) };
  }
}

class BytesSink implements Sink {
  count = 0;
  private offsets: Int32Array;
  private data: Uint8Array;
  private pos = 0;
  constructor(capacity: number, bytesHint: number) {
    this.offsets = new Int32Array(Math.max(capacity, 1) + 1);
    this.data = new Uint8Array(Math.max(bytesHint, 16));
  }
  private ensure(n: number, bytes: number): void {
    if (this.count + n + 1 > this.offsets.length) {
      const next = new Int32Array(Math.max(this.count + n + 1, this.offsets.length * 2));
      next.set(this.offsets);
      this.offsets = next;
    }
    if (this.pos + bytes > this.data.length) {
      const next = new Uint8Array(Math.max(this.pos + bytes, this.data.length * 2));
      next.set(this.data.subarray(0, this.pos));
      this.data = next;
    }
  }
  plain(page: Uint8Array, pos: number, n: number): number {
    this.ensure(n, page.length - pos);
    const off = this.offsets;
    const out = this.data;
    let o = this.pos;
    for (let i = 0; i < n; i++) {
      if (pos + 4 > page.length) throw new Error("BYTE_ARRAY value runs past the end of its page");
      const len = (page[pos]! | (page[pos + 1]! << 8) | (page[pos + 2]! << 16) | (page[pos + 3]! << 24)) >>> 0;
      pos += 4;
      if (pos + len > page.length) throw new Error("BYTE_ARRAY value runs past the end of its page");
      if (len < 32) for (let k = 0; k < len; k++) out[o++] = page[pos + k]!;
      else {
        out.set(page.subarray(pos, pos + len), o);
        o += len;
      }
      pos += len;
      off[this.count + i + 1] = o;
    }
    this.pos = o;
    this.count += n;
    return pos;
  }
  gather(dict: PhysicalValues, idx: Int32Array, n: number): void {
    if (dict.kind !== "bytes") throw new Error("dictionary page does not match the column type");
    const dOff = dict.offsets;
    const dData = dict.data;
    const dictLen = dOff.length - 1;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const k = idx[i]!;
      if (k >>> 0 >= dictLen) throw new Error(`dictionary index ${k} out of range ${dictLen}`);
      total += dOff[k + 1]! - dOff[k]!;
    }
    this.ensure(n, total);
    const off = this.offsets;
    const out = this.data;
    let o = this.pos;
    for (let i = 0; i < n; i++) {
      const k = idx[i]!;
      const s = dOff[k]!;
      const e = dOff[k + 1]!;
      if (e - s < 32) for (let j = s; j < e; j++) out[o++] = dData[j]!;
      else {
        out.set(dData.subarray(s, e), o);
        o += e - s;
      }
      off[this.count + i + 1] = o;
    }
    this.pos = o;
    this.count += n;
  }
  decoded(values: ArrayLike<unknown>, n: number): void {
    let total = 0;
    for (let i = 0; i < n; i++) total += (values[i] as Uint8Array).length;
    this.ensure(n, total);
    for (let i = 0; i < n; i++) {
      const v = values[i] as Uint8Array;
      this.data.set(v, this.pos);
      this.pos += v.length;
      this.offsets[this.count + i + 1] = this.pos;
    }
    this.count += n;
  }
  finish(): PhysicalValues {
    return { kind: "bytes", offsets: this.offsets.subarray(0, this.count + 1), data: this.data.subarray(0, this.pos) };
  }
}

function makeSink(type: ParquetType, element: SchemaElement, capacity: number, bytesHint: number): Sink {
  if (type === "BOOLEAN") return new BoolSink(capacity);
  if (type === "BYTE_ARRAY") return new BytesSink(capacity, bytesHint);
  const w = fixedWidth(type, element);
  if (w <= 0) throw new Error(`FIXED_LEN_BYTE_ARRAY column ${element.name} has no type_length`);
  return new FixedSink(w, capacity);
}

/** What the chunk decoder needs to know about its column. */
export interface FlatColumn {
  readonly name: string;
  readonly type: ParquetType;
  readonly element: SchemaElement;
  /** 1 for an OPTIONAL top-level column, 0 for a REQUIRED one. */
  readonly maxDefinitionLevel: number;
}

/** An Error whose message names the unsupported encoding (the format wraps it with the file's name). */
export class UnsupportedEncodingError extends Error {}

const DICTIONARY_ENCODINGS: ReadonlySet<Encoding> = new Set<Encoding>(["PLAIN_DICTIONARY", "RLE_DICTIONARY"]);
const LIBRARY_ENCODINGS: ReadonlySet<Encoding> = new Set<Encoding>([
  "DELTA_BINARY_PACKED",
  "DELTA_LENGTH_BYTE_ARRAY",
  "DELTA_BYTE_ARRAY",
  "BYTE_STREAM_SPLIT",
]);

/**
 * Decodes one flat column chunk (`chunk`: its bytes, dictionary page first) of `numRows` rows.
 * PLAIN and dictionary pages are decoded here straight into the dense sink; the DELTA_* and
 * BYTE_STREAM_SPLIT encodings go through hyparquet's page decoder. Any other encoding raises
 * UnsupportedEncodingError.
 */
export function decodeColumnChunk(chunk: Uint8Array, meta: ColumnMetaData, col: FlatColumn, numRows: number): DecodedChunk {
  const sink = makeSink(col.type, col.element, numRows, Number(meta.total_uncompressed_size));
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const reader = { view, offset: 0 };
  let dict: PhysicalValues | null = null;
  let validity: Uint8Array | null = null;
  let rows = 0;
  let idx = new Int32Array(0);
  while (rows < numRows && reader.offset < chunk.length) {
    const header = parquetHeader(reader) as PageHeader;
    const body = chunk.subarray(reader.offset, reader.offset + header.compressed_page_size);
    if (body.length < header.compressed_page_size) throw new Error("column chunk ends inside a page");
    reader.offset += header.compressed_page_size;
    if (header.type === "DICTIONARY_PAGE") {
      const n = header.dictionary_page_header?.num_values ?? 0;
      const page = decompress(body, header.uncompressed_page_size, meta.codec);
      const ds = makeSink(col.type, col.element, n, page.length);
      ds.plain(page, 0, n);
      dict = ds.finish();
      if (dict.kind === "fixed") dict = { kind: "fixed", width: dict.width, bytes: dict.bytes.slice() };
      continue;
    }
    if (header.type !== "DATA_PAGE" && header.type !== "DATA_PAGE_V2") continue; // index pages
    const v2 = header.data_page_header_v2;
    const v1 = header.data_page_header;
    const numValues = v2?.num_values ?? v1?.num_values ?? 0;
    const encoding = v2?.encoding ?? v1?.encoding ?? "PLAIN";
    let page: Uint8Array;
    let pos = 0;
    let valid: Int32Array | null = null;
    if (v2 !== undefined) {
      const levelBytes = v2.repetition_levels_byte_length + v2.definition_levels_byte_length;
      if (col.maxDefinitionLevel > 0) {
        valid = new Int32Array(numValues);
        decodeRleBitPacked(body, v2.repetition_levels_byte_length, levelBytes, 1, valid, 0, numValues);
      }
      const compressed = body.subarray(levelBytes);
      const size = header.uncompressed_page_size - levelBytes;
      page = v2.is_compressed === false || size === 0 ? compressed : decompress(compressed, size, meta.codec);
    } else {
      page = decompress(body, header.uncompressed_page_size, meta.codec);
      if (col.maxDefinitionLevel > 0) {
        const len = (page[0]! | (page[1]! << 8) | (page[2]! << 16) | (page[3]! << 24)) >>> 0;
        valid = new Int32Array(numValues);
        decodeRleBitPacked(page, 4, 4 + len, 1, valid, 0, numValues);
        pos = 4 + len;
      }
    }
    let present = numValues;
    if (valid !== null) {
      present = 0;
      for (let i = 0; i < numValues; i++) present += valid[i]!;
      if (present < numValues && validity === null) validity = new Uint8Array(numRows).fill(1, 0, rows);
      if (validity !== null) for (let i = 0; i < numValues; i++) validity[rows + i] = valid[i]!;
    } else if (validity !== null) validity.fill(1, rows, rows + numValues);
    if (encoding === "PLAIN") {
      sink.plain(page, pos, present);
    } else if (DICTIONARY_ENCODINGS.has(encoding) || (encoding === "RLE" && col.type === "BOOLEAN")) {
      const width = col.type === "BOOLEAN" ? 1 : page[pos++]!;
      if (idx.length < present) idx = new Int32Array(present);
      // RLE booleans carry a 4-byte length prefix (in v1 and v2 pages alike); dictionary indices do not.
      const start = col.type === "BOOLEAN" ? pos + 4 : pos;
      const got = decodeRleBitPacked(page, start, page.length, width, idx, 0, present);
      if (got < present) throw new Error(`data page holds ${got} of its ${present} values`);
      if (col.type === "BOOLEAN") (sink as BoolSink).levels(idx, present);
      else {
        if (dict === null) throw new Error("dictionary-encoded page without a dictionary page");
        sink.gather(dict, idx, present);
      }
    } else if (LIBRARY_ENCODINGS.has(encoding)) {
      sink.decoded(libraryDecode(header, body, meta, col), present);
    } else {
      throw new UnsupportedEncodingError(`unsupported Parquet encoding ${encoding} in column ${col.name}`);
    }
    rows += numValues;
  }
  if (rows < numRows) throw new Error(`column ${col.name} holds ${rows} of its ${numRows} rows`);
  return { numRows, numValues: sink.count, values: sink.finish(), validity };
}

/** Page decoding never converts values, so no parser is ever called. */
const NO_PARSERS: ColumnDecoder["parsers"] = {
  timestampFromMilliseconds: (v) => v,
  timestampFromMicroseconds: (v) => v,
  timestampFromNanoseconds: (v) => v,
  dateFromDays: (v) => v,
  stringFromBytes: (v) => v,
  jsonFromBytes: (v) => v,
  geometryFromBytes: (v) => v,
  geographyFromBytes: (v) => v,
  uuidFromBytes: (v) => v,
};

/** The values of a page in an encoding this file does not decode itself, through hyparquet. */
function libraryDecode(header: PageHeader, body: Uint8Array, meta: ColumnMetaData, col: FlatColumn): ArrayLike<unknown> {
  const element = col.element;
  const leaf: SchemaTree = { element, children: [], count: 1, path: [col.name] };
  const root: SchemaTree = { element: { name: "root", num_children: 1 }, children: [leaf], count: 2, path: [] };
  const decoder: ColumnDecoder = {
    pathInSchema: [col.name],
    type: col.type,
    element,
    schemaPath: [root, leaf],
    codec: meta.codec,
    parsers: NO_PARSERS,
    compressors: { [meta.codec]: (b: Uint8Array, n: number) => decompress(b, n, meta.codec) },
  };
  if (header.data_page_header_v2 !== undefined) return readDataPageV2(body, header, decoder).dataPage;
  const v1 = header.data_page_header;
  if (v1 === undefined) throw new Error("data page without a header");
  const page = decompress(body, header.uncompressed_page_size, meta.codec);
  return readDataPage(page, v1, decoder).dataPage;
}
