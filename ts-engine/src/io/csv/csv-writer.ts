import type { ColumnBatch } from "../../columnar/batch.js";
import { Utf8Builder, type Utf8Data } from "../../columnar/utf8.js";
import { vectorToValues } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import { floorDiv } from "../../expr/datetime/civil.js";
import { PatternFormatter } from "../../expr/datetime/pattern-format.js";
import { monthNamesFor } from "../../expr/datetime/month-names.js";
import { dayTimeIntervalString, yearMonthIntervalString } from "../../expr/eval/interval-string.js";
import { compilePattern } from "../../expr/datetime/pattern.js";
import { zoneRulesOrUtc, UTC_RULES, type ZoneRules } from "../../expr/datetime/zone-rules.js";
import { doubleToString, floatToString } from "../../expr/eval/to-string.js";
import type { DataType, StructType } from "../../types/data-type.js";
import type { OutputWriter } from "../file-format.js";
import type { TextSink } from "../text-sink.js";
import type { CsvOptions } from "./csv-options.js";

const encoder = new TextEncoder();

/** Spark's CSV writer defaults for dates and timestamps (CSVOptions, write side). */
const DEFAULT_DATE = "yyyy-MM-dd";
const DEFAULT_TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
const DEFAULT_TIMESTAMP_NTZ = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";

/** A column's values as text (UTF-8) for one batch, with its nulls; formatted a column at a time. */
interface TextColumn {
  readonly data: Utf8Data;
  readonly validity: Uint8Array | null;
}

function fromStrings(v: Vector, f: (x: unknown) => string): TextColumn {
  const values = vectorToValues(v);
  const b = new Utf8Builder(values.length, values.length * 8);
  for (const x of values) {
    if (x === null || x === undefined) b.commit(0);
    else b.appendString(f(x));
  }
  return { data: b.finish(), validity: v.validity };
}

function instants(v: Vector, pattern: string, zone: ZoneRules, locale: string): TextColumn {
  const values = vectorToValues(v);
  const fmt = new PatternFormatter(compilePattern(pattern, false), zone, monthNamesFor(locale));
  const b = new Utf8Builder(values.length, values.length * 24);
  for (const x of values) {
    if (x === null || x === undefined) {
      b.commit(0);
      continue;
    }
    const us = Number(x);
    const s = Math.floor(us / 1e6);
    const micros = us - s * 1e6;
    const off = zone.offsetAt(s);
    const local = s + off;
    const days = floorDiv(local, 86400);
    fmt.format(b, days, local - days * 86400, micros, off, s);
  }
  return { data: b.finish(), validity: v.validity };
}

/** One column as Spark's UnivocityGenerator writes its values (numbers as Java prints them). */
function textColumn(v: Vector, type: DataType, o: CsvOptions, tz: string): TextColumn {
  switch (type.kind) {
    case "string":
      if (v.storage === "utf8") return { data: v.data, validity: v.validity };
      return fromStrings(v, String);
    case "double":
      return fromStrings(v, (x) => doubleToString(Number(x)));
    case "float":
      return fromStrings(v, (x) => floatToString(Number(x)));
    case "date": {
      const fmt = new PatternFormatter(compilePattern(o.dateFormat ?? DEFAULT_DATE, false), UTC_RULES, monthNamesFor(o.locale));
      const values = vectorToValues(v);
      const b = new Utf8Builder(values.length, values.length * 10);
      for (const x of values) {
        if (x === null || x === undefined) b.commit(0);
        else fmt.format(b, Number(x), 0, 0, 0, Number(x) * 86400);
      }
      return { data: b.finish(), validity: v.validity };
    }
    case "timestamp":
      return instants(v, o.timestampFormat ?? DEFAULT_TIMESTAMP, zoneRulesOrUtc(tz), o.locale);
    case "timestamp_ntz":
      return instants(v, o.timestampNTZFormat ?? DEFAULT_TIMESTAMP_NTZ, UTC_RULES, o.locale);
    // ANSI intervals as Spark writes them: their SQL literal (INTERVAL '1-2' YEAR TO MONTH)
    case "day_time_interval":
      return fromStrings(v, (x) => dayTimeIntervalString(x as number | bigint, type));
    case "year_month_interval":
      return fromStrings(v, (x) => yearMonthIntervalString(Number(x), type));
    default:
      return fromStrings(v, String);
  }
}

/**
 * Writes batches as CSV records (Spark's UnivocityGenerator over univocity's CsvWriter as
 * Spark sets it up): values trimmed unless ignoreLeading/TrailingWhiteSpace are false; quoted
 * when they hold the delimiter, the quote, a line break, or always with quoteAll; a quote inside
 * a quoted value is escaped with `escape` (escapeQuotes), and the escape character itself with
 * charToEscapeQuoteEscaping; nulls as nullValue, empty strings as
 * emptyValue; the header (column names) first when asked for.
 */
export class CsvWriter implements OutputWriter {
  private readonly sep: Uint8Array;
  private readonly lineSep: Uint8Array;
  private readonly nullBytes: Uint8Array;
  private readonly emptyBytes: Uint8Array;
  private headerDone: boolean;

  constructor(
    private readonly sink: TextSink,
    private readonly schema: StructType,
    private readonly o: CsvOptions,
    private readonly tz: string,
  ) {
    this.sep = o.sep;
    this.lineSep = o.lineSep ?? encoder.encode("\n");
    this.nullBytes = encoder.encode(o.nullValue);
    this.emptyBytes = encoder.encode(o.emptyValue);
    this.headerDone = !o.header;
  }

  private writeHeader(): void {
    const names = this.schema.fields.map((f) => encoder.encode(f.name));
    names.forEach((n, i) => {
      if (i > 0) this.sink.append(this.sep, 0, this.sep.length);
      this.value(n, 0, n.length);
    });
    this.sink.append(this.lineSep, 0, this.lineSep.length);
    this.headerDone = true;
  }

  /** Appends the null value (quoted too under quoteAll, as univocity quotes every field then). */
  private nullValue(): void {
    const q = this.o.quote;
    if (!this.o.quoteAll || q === 0) {
      this.sink.append(this.nullBytes, 0, this.nullBytes.length);
      return;
    }
    const qb = Uint8Array.of(q);
    this.sink.append(qb, 0, 1);
    this.sink.append(this.nullBytes, 0, this.nullBytes.length);
    this.sink.append(qb, 0, 1);
  }

  /** Appends one non-null, non-empty value, trimmed and quoted as needed. */
  private value(b: Uint8Array, start: number, end: number): void {
    const o = this.o;
    let s = start;
    let e = end;
    if (o.ignoreLeadingWhiteSpace) while (s < e && b[s]! <= 0x20) s++;
    if (o.ignoreTrailingWhiteSpace) while (e > s && b[e - 1]! <= 0x20) e--;
    if (s === e) {
      this.sink.append(this.emptyBytes, 0, this.emptyBytes.length);
      return;
    }
    const q = o.quote;
    const s0 = this.sep[0]!;
    let needs = o.quoteAll;
    let hasQuote = false;
    let hasEscape = false;
    // univocity escapes the escape character inside a quoted value with charToEscapeQuoteEscaping
    const ee = o.escape !== q && o.escape !== 0 ? o.escapeEscape : 0;
    for (let i = s; i < e; i++) {
      const c = b[i]!;
      if (c === q) hasQuote = true;
      else if (c === s0 || c === 0x0a || c === 0x0d) needs = true;
      if (c === o.escape && ee !== 0) hasEscape = true;
    }
    if (hasQuote && o.escapeQuotes) needs = true;
    if (!needs || q === 0) {
      this.sink.append(b, s, e);
      return;
    }
    const qb = Uint8Array.of(q);
    const esc = Uint8Array.of(o.escape === 0 ? q : o.escape, q);
    const escEsc = Uint8Array.of(ee, o.escape);
    this.sink.append(qb, 0, 1);
    let from = s;
    for (let i = s; i < e; i++) {
      const c = b[i];
      if (c === q) {
        this.sink.append(b, from, i);
        this.sink.append(esc, 0, 2);
        from = i + 1;
      } else if (hasEscape && c === o.escape) {
        this.sink.append(b, from, i);
        this.sink.append(escEsc, 0, 2);
        from = i + 1;
      }
    }
    this.sink.append(b, from, e);
    this.sink.append(qb, 0, 1);
  }

  async write(batch: ColumnBatch): Promise<void> {
    if (!this.headerDone) this.writeHeader();
    const cols = batch.columns.map((v, i) => textColumn(v, this.schema.fields[i]!.dataType, this.o, this.tz));
    const nc = cols.length;
    for (let r = 0; r < batch.numRows; r++) {
      for (let c = 0; c < nc; c++) {
        if (c > 0) this.sink.append(this.sep, 0, this.sep.length);
        const col = cols[c]!;
        if (col.validity !== null && col.validity[r] === 0) {
          this.nullValue();
          continue;
        }
        const a = col.data.offsets[r]!;
        const z = col.data.offsets[r + 1]!;
        if (a === z) this.sink.append(this.emptyBytes, 0, this.emptyBytes.length);
        else this.value(col.data.bytes, a, z);
      }
      this.sink.append(this.lineSep, 0, this.lineSep.length);
    }
    await this.sink.flushIfFull();
  }

  async close(): Promise<void> {
    if (!this.headerDone) this.writeHeader();
    await this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}
