import type { ColumnBatch } from "../../columnar/batch.js";
import { dayTimeIntervalString, yearMonthIntervalString } from "../../expr/eval/interval-string.js";
import { vectorToValues } from "../../columnar/rows.js";
import { Utf8Builder, utf8At } from "../../columnar/utf8.js";
import { floorDiv } from "../../expr/datetime/civil.js";
import { PatternFormatter } from "../../expr/datetime/pattern-format.js";
import { compilePattern } from "../../expr/datetime/pattern.js";
import { UTC_RULES, zoneRulesOrUtc, type ZoneRules } from "../../expr/datetime/zone-rules.js";
import { doubleToString, floatToString } from "../../expr/eval/to-string.js";
import { jsonQuote } from "../../expr/kernels/json-text.js";
import type { DataType, StructType } from "../../types/data-type.js";
import type { OutputWriter } from "../file-format.js";
import type { TextSink } from "../text-sink.js";
import type { JsonOptions } from "./json-options.js";

/** One pattern applied to single values (dates and timestamps written as JSON or XML text). */
export class Stamp {
  private readonly f: PatternFormatter;

  constructor(
    pattern: string,
    private readonly zone: ZoneRules,
  ) {
    this.f = new PatternFormatter(compilePattern(pattern, false), zone);
  }

  instant(us: number): string {
    const s = Math.floor(us / 1e6);
    const off = this.zone.offsetAt(s);
    const local = s + off;
    const days = floorDiv(local, 86400);
    const b = new Utf8Builder(1, 40);
    this.f.format(b, days, local - days * 86400, us - s * 1e6, off, s);
    return utf8At(b.finish(), 0);
  }

  date(days: number): string {
    const b = new Utf8Builder(1, 16);
    this.f.format(b, days, 0, 0, 0, days * 86400);
    return utf8At(b.finish(), 0);
  }
}

/**
 * Writes rows as JSON lines, as Spark's JacksonGenerator: fields in schema order, null fields
 * left out (ignoreNullFields), doubles as Java prints them (NaN and infinities as strings),
 * decimals as plain numbers, dates and timestamps as strings in dateFormat / timestampFormat,
 * binary as base64, nested arrays, maps and structs.
 */
export class JsonWriter implements OutputWriter {
  private readonly date: Stamp;
  private readonly ts: Stamp;
  private readonly ntz: Stamp;
  private readonly lineSep: string;

  constructor(
    private readonly sink: TextSink,
    private readonly schema: StructType,
    private readonly o: JsonOptions,
    tz: string,
  ) {
    this.date = new Stamp(o.dateFormat ?? "yyyy-MM-dd", UTC_RULES);
    this.ts = new Stamp(o.timestampFormat ?? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", zoneRulesOrUtc(tz));
    this.ntz = new Stamp(o.timestampNTZFormat ?? "yyyy-MM-dd'T'HH:mm:ss[.SSS]", UTC_RULES);
    this.lineSep = o.lineSep === null ? "\n" : new TextDecoder().decode(o.lineSep);
  }

  private value(x: unknown, t: DataType): string {
    switch (t.kind) {
      case "string":
        return jsonQuote(String(x));
      case "double": {
        const n = Number(x);
        return Number.isFinite(n) ? doubleToString(n) : `"${doubleToString(n)}"`;
      }
      case "float": {
        const n = Number(x);
        return Number.isFinite(n) ? floatToString(n) : `"${floatToString(n)}"`;
      }
      case "boolean":
        return x === true || x === 1 ? "true" : "false";
      case "date":
        return jsonQuote(this.date.date(Number(x)));
      case "timestamp":
        return jsonQuote(this.ts.instant(Number(x)));
      case "timestamp_ntz":
        return jsonQuote(this.ntz.instant(Number(x)));
      case "binary":
        return jsonQuote(Buffer.from(x as Uint8Array).toString("base64"));
      case "array":
        return `[${(x as readonly unknown[]).map((e) => (e === null || e === undefined ? "null" : this.value(e, t.elementType))).join(",")}]`;
      case "map":
        return `{${(x as readonly (readonly [unknown, unknown])[]).map(([k, v]) => `${jsonQuote(String(k))}:${v === null || v === undefined ? "null" : this.value(v, t.valueType)}`).join(",")}}`;
      case "struct":
        return this.object(x as readonly unknown[], t);
      // ANSI intervals as Spark's JacksonGenerator writes them: their SQL literal, as a string
      case "day_time_interval":
        return jsonQuote(dayTimeIntervalString(x as number | bigint, t));
      case "year_month_interval":
        return jsonQuote(yearMonthIntervalString(Number(x), t));
      default:
        return String(x);
    }
  }

  private object(values: readonly unknown[], t: StructType): string {
    const parts: string[] = [];
    t.fields.forEach((f, i) => {
      const v = values[i];
      if (v === null || v === undefined) {
        if (!this.o.ignoreNullFields) parts.push(`${jsonQuote(f.name)}:null`);
        return;
      }
      parts.push(`${jsonQuote(f.name)}:${this.value(v, f.dataType)}`);
    });
    return `{${parts.join(",")}}`;
  }

  async write(batch: ColumnBatch): Promise<void> {
    const cols = batch.columns.map(vectorToValues);
    const row = new Array<unknown>(cols.length);
    for (let r = 0; r < batch.numRows; r++) {
      for (let c = 0; c < cols.length; c++) row[c] = cols[c]![r];
      this.sink.appendString(this.object(row, this.schema) + this.lineSep);
    }
    await this.sink.flushIfFull();
  }

  close(): Promise<void> {
    return this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}
