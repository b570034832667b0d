import type { ColumnBatch } from "../../columnar/batch.js";
import { vectorToValues } from "../../columnar/rows.js";
import { UTC_RULES, zoneRulesOrUtc } from "../../expr/datetime/zone-rules.js";
import { doubleToString, floatToString } from "../../expr/eval/to-string.js";
import type { DataType, StructType } from "../../types/data-type.js";
import type { OutputWriter } from "../file-format.js";
import { Stamp } from "../json/json-writer.js";
import type { TextSink } from "../text-sink.js";
import type { XmlOptions } from "./xml-options.js";

/** The sink of a writer that only renders records (recordText) and writes no file. */
const RENDER_ONLY: TextSink = {
  append(): void {},
  appendString(): void {},
  flushIfFull: async (): Promise<void> => {},
  close: async (): Promise<void> => {},
  abort: async (): Promise<void> => {},
};

/** Spark's XML writer indents each nesting level by four spaces (its IndentingXMLStreamWriter). */
const INDENT = "    ";

/** Text escaped for element content (&, <, >). */
function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text escaped for a double-quoted attribute value: &, < and " (Spark's StAX writer leaves > as it is there). */
function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/**
 * Writes rows as one XML document per file, as Spark's StaxXmlGenerator: the declaration, the
 * rootTag element around every row, each row a rowTag element whose fields are child elements
 * (null fields left out), fields named with the attribute prefix written as attributes and
 * the value tag field as the element's text; arrays as repeated elements (an array inside an
 * array in arrayElementName elements), structs nested, maps as one element per key.
 */
export class XmlWriter implements OutputWriter {
  private started = false;
  private readonly date: Stamp;
  private readonly ts: Stamp;
  private readonly ntz: Stamp;

  constructor(
    private readonly sink: TextSink,
    private readonly schema: StructType,
    private readonly o: XmlOptions,
    tz: string,
  ) {
    this.date = new Stamp(o.dateFormat ?? "yyyy-MM-dd", UTC_RULES);
    this.ts = new Stamp(o.timestampFormat ?? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", zoneRulesOrUtc(tz));
    this.ntz = new Stamp(o.timestampNTZFormat ?? "yyyy-MM-dd'T'HH:mm:ss[.SSS]", UTC_RULES);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    if (this.o.declaration.length > 0) this.sink.appendString(`<?xml ${this.o.declaration}?>\n`);
    this.sink.appendString(`<${this.o.rootTag}>\n`);
  }

  private text(x: unknown, t: DataType): string {
    switch (t.kind) {
      case "double":
        return doubleToString(Number(x));
      case "float":
        return floatToString(Number(x));
      case "boolean":
        return x === true || x === 1 ? "true" : "false";
      case "date":
        return this.date.date(Number(x));
      case "timestamp":
        return this.ts.instant(Number(x));
      case "timestamp_ntz":
        return this.ntz.instant(Number(x));
      case "binary":
        return Buffer.from(x as Uint8Array).toString("base64");
      default:
        return String(x);
    }
  }

  /** An element `name` holding `x` of type `t`, at nesting `depth`. */
  private element(out: string[], name: string, x: unknown, t: DataType, depth: number): void {
    const pad = INDENT.repeat(depth);
    switch (t.kind) {
      case "array":
        for (const e of x as readonly unknown[]) {
          if (e === null || e === undefined) continue;
          if (t.elementType.kind === "array") {
            out.push(`${pad}<${name}>\n`);
            this.element(out, this.o.arrayElementName, e, t.elementType, depth + 1);
            out.push(`${pad}</${name}>\n`);
          } else this.element(out, name, e, t.elementType, depth);
        }
        return;
      case "map": {
        out.push(`${pad}<${name}>\n`);
        for (const [k, v] of x as readonly (readonly [unknown, unknown])[]) if (v !== null && v !== undefined) this.element(out, String(k), v, t.valueType, depth + 1);
        out.push(`${pad}</${name}>\n`);
        return;
      }
      case "struct":
        this.struct(out, name, x as readonly unknown[], t, depth);
        return;
      default:
        out.push(`${pad}<${name}>${escapeText(this.text(x, t))}</${name}>\n`);
    }
  }

  /** A struct as an element: prefixed fields as attributes, the value tag as text, the rest as children. */
  private struct(out: string[], name: string, values: readonly unknown[], t: StructType, depth: number): void {
    const pad = INDENT.repeat(depth);
    let attrs = "";
    let value: string | undefined;
    const children: string[] = [];
    t.fields.forEach((f, i) => {
      const v = values[i];
      if (v === null || v === undefined) return;
      if (f.name === this.o.valueTag) value = escapeText(this.text(v, f.dataType));
      else if (f.name.startsWith(this.o.attributePrefix) && this.o.attributePrefix.length > 0 && f.dataType.kind !== "struct" && f.dataType.kind !== "array" && f.dataType.kind !== "map") {
        attrs += ` ${f.name.slice(this.o.attributePrefix.length)}="${escapeAttr(this.text(v, f.dataType))}"`;
      } else this.element(children, f.name, v, f.dataType, depth + 1);
    });
    if (children.length === 0 && value === undefined) {
      out.push(`${pad}<${name}${attrs}/>\n`);
      return;
    }
    if (children.length === 0) {
      out.push(`${pad}<${name}${attrs}>${value}</${name}>\n`);
      return;
    }
    out.push(`${pad}<${name}${attrs}>${value ?? ""}\n`);
    for (const c of children) out.push(c);
    out.push(`${pad}</${name}>\n`);
  }

  /**
   * One struct value as the element to_xml returns: rowTag with the fields inside, indented as
   * in a file but from the left margin, without the trailing newline.
   */
  static recordText(values: readonly unknown[], schema: StructType, o: XmlOptions, tz: string): string {
    const w = new XmlWriter(RENDER_ONLY, schema, o, tz);
    const out: string[] = [];
    w.struct(out, o.rowTag, values, schema, 0);
    return out.join("").replace(/\n$/, "");
  }

  async write(batch: ColumnBatch): Promise<void> {
    this.start();
    const cols = batch.columns.map(vectorToValues);
    const row = new Array<unknown>(cols.length);
    for (let r = 0; r < batch.numRows; r++) {
      for (let c = 0; c < cols.length; c++) row[c] = cols[c]![r];
      const out: string[] = [];
      this.struct(out, this.o.rowTag, row, this.schema, 1);
      this.sink.appendString(out.join(""));
    }
    await this.sink.flushIfFull();
  }

  async close(): Promise<void> {
    this.start();
    // Spark ends the document at the root's end tag, without a newline
    this.sink.appendString(`</${this.o.rootTag}>`);
    await this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}
