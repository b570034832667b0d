import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { Utf8Builder } from "../../columnar/utf8.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { JsonParser, type JsonValue } from "../../expr/kernels/json-parser.js";
import type { DataType, StructType } from "../../types/data-type.js";
import { builderFor, compact, valuesBuilder, type ColumnBuilder, type ValueFormats } from "../csv/column-builders.js";
import { BadValue, convertJsonValue, structValues, TimeParsers } from "./json-convert.js";
import type { JsonOptions } from "./json-options.js";
import { ABSENT, ARRAY, BLANK, FALSE, FLOAT, GENERAL, INT, JsonRecordScanner, NULL, OBJECT, ProjectedFields, STR, STR_ESCAPED, TRUE, isBlankRecord } from "./json-record-scan.js";

const decoder = new TextDecoder();

/** How a column reads a token, by its type (Jackson's converter per Catalyst type in JacksonParser.makeConverter). */
type Mode = "string" | "integral" | "fractional" | "boolean" | "decimal" | "date" | "timestamp" | "timestamp_ntz" | "general";

function modeOf(t: DataType): Mode {
  switch (t.kind) {
    case "string":
      return "string";
    case "byte":
    case "short":
    case "integer":
    case "long":
      return "integral";
    case "float":
    case "double":
      return "fractional";
    case "boolean":
      return "boolean";
    case "decimal":
      return "decimal";
    case "date":
      return "date";
    case "timestamp":
      return "timestamp";
    case "timestamp_ntz":
      return "timestamp_ntz";
    default:
      return "general";
  }
}

/** A token's outcome: converted, malformed for the type, or left to the general converter. */
const OK = 1;
const BAD = 0;
const SLOW = -1;

/**
 * The rows of one chunk of JSON records as a batch, as Spark's JacksonParser makes them: an
 * object is a row, an array of objects one row each, anything else a bad record. Records are
 * scanned on bytes (JsonRecordScanner) and only the projected fields' values are converted,
 * column by column, straight from their bytes; a record the scanner leaves (leniencies, arrays
 * of objects, malformed text) goes through the general parser and its converted values are put
 * in the same columns. A value that does not convert is null and marks its row bad (PERMISSIVE's
 * partial results).
 */
export class JsonBatchBuilder {
  private readonly scanner = new JsonRecordScanner();
  private readonly fields: ProjectedFields;
  private readonly tp: TimeParsers;
  private readonly formats: ValueFormats;
  /** The required columns without the corrupt record column. */
  private readonly dataSchema: StructType;
  private readonly corruptAt: number;
  private readonly nc: number;
  private bytes: Uint8Array = new Uint8Array(0);
  private cap = 0;
  private kinds = new Uint8Array(0);
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private recStart = new Int32Array(0);
  private recEnd = new Int32Array(0);
  private badRow = new Uint8Array(0);
  /** Values of the rows the general parser made, by row. */
  private general = new Map<number, readonly unknown[]>();
  /** Text of the records the general parser read, by row (the corrupt record column). */
  private generalText = new Map<number, string>();
  rows = 0;

  constructor(
    private readonly required: StructType,
    private readonly o: JsonOptions,
    private readonly timeZone: string,
  ) {
    this.tp = new TimeParsers(o, timeZone);
    this.corruptAt = required.fields.findIndex((f) => f.name === o.columnNameOfCorruptRecord && f.dataType.kind === "string");
    this.dataSchema = { kind: "struct", fields: required.fields.filter((_, i) => i !== this.corruptAt) };
    this.nc = this.dataSchema.fields.length;
    this.fields = new ProjectedFields(this.dataSchema.fields.map((f) => f.name));
    this.formats = {
      nanValue: "NaN",
      positiveInf: "Infinity",
      negativeInf: "-Infinity",
      locale: "en-US",
      dateFormat: o.dateFormat,
      timestampFormat: o.timestampFormat,
      timestampNTZFormat: o.timestampNTZFormat,
    };
  }

  /** Starts a new batch over `bytes` (the records added next are ranges of it). */
  reset(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.rows = 0;
    this.general.clear();
    this.generalText.clear();
  }

  private ensure(rows: number): void {
    if (rows <= this.cap) return;
    const cap = Math.max(rows, this.cap * 2, 1024);
    const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T, per: number): T => {
      const next = make(cap * per);
      next.set(a.subarray(0, this.rows * per));
      return next;
    };
    const nc = Math.max(1, this.nc);
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n), nc);
    this.starts = grow(this.starts, (n) => new Int32Array(n), nc);
    this.ends = grow(this.ends, (n) => new Int32Array(n), nc);
    this.recStart = grow(this.recStart, (n) => new Int32Array(n), 1);
    this.recEnd = grow(this.recEnd, (n) => new Int32Array(n), 1);
    this.badRow = grow(this.badRow, (n) => new Uint8Array(n), 1);
    this.cap = cap;
    this.fields.kinds = this.kinds;
    this.fields.starts = this.starts;
    this.fields.ends = this.ends;
  }

  /** Adds the record in bytes [s, e) of the current chunk (one JSON line); blank lines are skipped. */
  addLine(s: number, e: number): void {
    this.ensure(this.rows + 1);
    const base = this.rows * this.nc;
    this.kinds.fill(ABSENT, base, base + this.nc);
    this.fields.base = base;
    const r = this.scanner.scanRecord(this.bytes, s, e, this.fields);
    if (r === BLANK) return;
    if (r !== GENERAL) {
      this.recStart[this.rows] = s;
      this.recEnd[this.rows] = e;
      this.badRow[this.rows] = 0;
      this.rows++;
      return;
    }
    const text = decoder.decode(this.bytes.subarray(s, e));
    if (isBlankRecord(text) || (this.o.allowComments && new JsonParser(text, this.o).isBlank())) return;
    this.addGeneral(new JsonParser(text, this.o).parseAll(), text);
  }

  /** Adds the rows of a record the general parser read (`value` null: it did not parse); `raw` is its text. */
  addGeneral(value: JsonValue | null, raw: string): void {
    const objs = value === null ? null : value.kind === "obj" ? [value] : value.kind === "arr" && value.items.every((x) => x.kind === "obj") ? value.items : null;
    if (objs === null) {
      this.pushGeneral(this.dataSchema.fields.map(() => null), true, raw);
      return;
    }
    for (const obj of objs) {
      if (obj.kind !== "obj") continue;
      const { values, bad } = structValues(obj, this.dataSchema, this.tp);
      this.pushGeneral(values, bad, raw);
    }
  }

  private pushGeneral(values: readonly unknown[], bad: boolean, raw: string): void {
    this.ensure(this.rows + 1);
    this.general.set(this.rows, values);
    this.generalText.set(this.rows, raw);
    this.badRow[this.rows] = bad ? 1 : 0;
    this.rows++;
  }

  /** The value of bytes [s, e) through the general parser and converter (BadValue when it does not convert). */
  private slowValue(s: number, e: number, t: DataType): unknown {
    const v = new JsonParser(decoder.decode(this.bytes.subarray(s, e)), this.o).parseAll();
    if (v === null) throw new BadValue();
    return convertJsonValue(v, t, this.tp);
  }

  /** One column's vector over the batch's rows; marks the rows whose value does not convert. */
  private column(c: number): Vector {
    const n = this.rows;
    const type = this.dataSchema.fields[c]!.dataType;
    const mode = modeOf(type);
    const b: ColumnBuilder = mode === "general" ? valuesBuilder(type, n, () => undefined) : builderFor(type, n, this.formats, { timeZone: this.timeZone });
    const raw = b.raw;
    const valid = new Uint8Array(n);
    const { kinds, starts, ends, bytes, nc, badRow, general } = this;
    const anyGeneral = general.size > 0;
    for (let r = 0; r < n; r++) {
      if (anyGeneral) {
        const g = general.get(r);
        if (g !== undefined) {
          const v = g[c];
          if (v !== null && v !== undefined) {
            b.put(v, r);
            valid[r] = 1;
          }
          continue;
        }
      }
      const at = r * nc + c;
      const k = kinds[at]!;
      if (k === ABSENT || k === NULL) continue;
      const s = starts[at]!;
      const e = ends[at]!;
      let out = SLOW;
      switch (mode) {
        case "string":
          // a string's text, or any other value's text as written (Spark's exact string parsing)
          if (k !== STR_ESCAPED) out = k === STR ? (raw!(bytes, s + 1, e - 1, r) ? OK : BAD) : raw!(bytes, s, e, r) ? OK : BAD;
          break;
        case "integral":
          out = k === INT && raw!(bytes, s, e, r) ? OK : BAD;
          break;
        case "fractional":
          if (k === INT || k === FLOAT) out = raw!(bytes, s, e, r) ? OK : SLOW;
          else if (k !== STR && k !== STR_ESCAPED) out = BAD;
          break;
        case "boolean":
          if (k === TRUE || k === FALSE) {
            b.put(k === TRUE, r);
            out = OK;
          } else out = BAD;
          break;
        case "decimal":
          if (k === OBJECT || k === ARRAY || k === TRUE || k === FALSE) out = BAD;
          else if (raw !== undefined && k !== STR_ESCAPED && (k === STR ? raw(bytes, s + 1, e - 1, r) : raw(bytes, s, e, r))) out = OK;
          break;
        case "date":
        case "timestamp_ntz":
          if (k === STR) out = raw!(bytes, s + 1, e - 1, r) ? OK : BAD;
          else if (k !== STR_ESCAPED) out = BAD;
          break;
        case "timestamp":
          if (k === STR) out = raw!(bytes, s + 1, e - 1, r) ? OK : BAD;
          else if (k !== STR_ESCAPED && k !== INT) out = BAD;
          break;
        case "general":
          break;
      }
      if (out === SLOW) {
        try {
          const v = this.slowValue(s, e, type);
          if (v !== null) {
            b.put(v, r);
            out = OK;
          }
        } catch (err) {
          if (!(err instanceof BadValue)) throw err;
          out = BAD;
        }
      }
      if (out === OK) valid[r] = 1;
      else if (out === BAD) badRow[r] = 1;
    }
    return b.finish(valid);
  }

  /** The batch of the rows added since `reset`, which rows are bad, and the first bad record's text (FAILFAST). */
  finish(): { readonly batch: ColumnBatch; readonly bad: Uint8Array; readonly anyBad: boolean; readonly badText: string } {
    const n = this.rows;
    const data: Vector[] = [];
    for (let c = 0; c < this.nc; c++) data.push(this.column(c));
    const bad = this.badRow.subarray(0, n);
    const first = bad.indexOf(1);
    const textOf = (r: number): string => this.generalText.get(r) ?? decoder.decode(this.bytes.subarray(this.recStart[r]!, this.recEnd[r]!));
    const vectors: Vector[] = [];
    let j = 0;
    for (let i = 0; i < this.required.fields.length; i++) {
      if (i !== this.corruptAt) {
        vectors.push(data[j++]!);
        continue;
      }
      const cb = new Utf8Builder(n, 16);
      const valid = new Uint8Array(n);
      for (let r = 0; r < n; r++) {
        if (bad[r] !== 1) cb.commit(0);
        else {
          const g = this.generalText.get(r);
          if (g !== undefined) cb.appendString(g);
          else cb.appendRange(this.bytes, this.recStart[r]!, this.recEnd[r]!);
          valid[r] = 1;
        }
      }
      vectors.push(makeVector(this.required.fields[i]!.dataType, cb.finish(), compact(valid), n));
    }
    return { batch: makeBatch(this.required, vectors, n), bad, anyBad: first >= 0, badText: first >= 0 ? textOf(first) : "" };
  }
}
