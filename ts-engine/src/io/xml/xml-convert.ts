import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { vectorFromValues } from "../../columnar/builder.js";
import { assertNever } from "../../errors/assert-never.js";
import type { DataType, StructType } from "../../types/data-type.js";
import { decimalNormalizer, parseIntegralBytes, INTEGRAL_BOUNDS, parseDecimalValue, parseJavaBoolean, parseJavaDouble, type DecimalNormalizer } from "../csv/csv-values.js";
import { BadValue, TimeParsers } from "../json/json-convert.js";
import type { XmlOptions } from "./xml-options.js";
import { isElement, type XmlElement } from "./xml-tree.js";

const encoder = new TextEncoder();

/** XML text with &, < and > escaped, as a serializer writes character data. */
function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An element's children written back as XML (its inner XML). */
function innerXml(e: XmlElement): string {
  let out = "";
  for (const c of e.children) {
    if (!isElement(c)) out += escapeText(c.text);
    else out += `<${c.name}${c.attrs.map(([k, v]) => ` ${k}="${escapeText(v).replace(/"/g, "&quot;")}"`).join("")}>${innerXml(c)}</${c.name}>`;
  }
  return out;
}

/** What a wildcard column takes of an element: its text when it holds only text, else its inner XML. */
function wildcardValue(e: XmlElement): string {
  return e.children.every((c) => !isElement(c)) ? e.children.map((c) => ("text" in c ? c.text : "")).join("").trim() : innerXml(e);
}

/**
 * Builds rows of a schema from parsed XML records, as Spark's StaxXmlParser converts them:
 * root attributes and child elements fill the fields of their (prefixed) names, repeated
 * elements the array fields, an element's own text the value tag field; text converts to the
 * field's type (empty or nullValue: null). A record whose value does not convert, or that is not
 * well-formed, is a bad record: all nulls and its text in the corrupt record column (PERMISSIVE),
 * left out (DROPMALFORMED) or an error (FAILFAST, the caller's).
 */
export class XmlRowBuilder {
  private readonly columns: unknown[][];
  private readonly corruptIndex: number;
  private readonly time: TimeParsers;
  private readonly decimals: DecimalNormalizer;
  rows = 0;
  /** Row indexes of bad records in this batch, and the first bad record's text. */
  readonly bad: number[] = [];
  badText = "";

  constructor(
    private readonly schema: StructType,
    private readonly o: XmlOptions,
    tz: string,
  ) {
    this.columns = schema.fields.map(() => []);
    this.corruptIndex = schema.fields.findIndex((f) => f.name === o.columnNameOfCorruptRecord && f.dataType.kind === "string");
    this.time = new TimeParsers(o, tz);
    this.decimals = decimalNormalizer(o.locale);
  }

  /** Adds one record (null: it did not parse) with its source text. */
  add(root: XmlElement | null, text: string): void {
    let values: unknown[] | null = null;
    // Spark's partial results: a value that does not convert makes the record bad, and the
    // fields read before it (in document order) keep their values
    const partial: unknown[] = this.schema.fields.map(() => null);
    if (root !== null) {
      try {
        values = this.object(root, this.schema, true, partial);
      } catch (e) {
        if (!(e instanceof BadValue)) throw e;
      }
    }
    if (values === null) {
      if (this.bad.length === 0) this.badText = text;
      this.bad.push(this.rows);
      values = root === null ? this.schema.fields.map(() => null) : partial;
      if (this.corruptIndex >= 0) values[this.corruptIndex] = text;
    }
    values.forEach((v, i) => this.columns[i]!.push(v));
    this.rows++;
  }

  /** The rows so far as one batch. */
  batch(): ColumnBatch {
    return makeBatch(
      this.schema,
      this.schema.fields.map((f, i) => vectorFromValues(f.dataType, this.columns[i]!)),
      this.rows,
    );
  }

  /** An element's fields of `st` (plain values), its attributes included when `withAttrs` or always for nested structs. */
  private object(e: XmlElement, st: StructType, withAttrs: boolean, into?: unknown[]): unknown[] {
    const out: unknown[] = into ?? st.fields.map(() => null);
    const index = new Map(st.fields.map((f, i) => [f.name, i]));
    const lower = new Map(st.fields.map((f, i) => [f.name.toLowerCase(), i]));
    const find = (name: string): number | undefined => index.get(name) ?? lower.get(name.toLowerCase());
    const put = (i: number, t: DataType, v: unknown): void => {
      if (t.kind === "array") {
        const arr = (out[i] as unknown[] | null) ?? [];
        arr.push(v);
        out[i] = arr;
      } else out[i] = v;
    };
    if (withAttrs && !this.o.excludeAttribute) {
      for (const [k, v] of e.attrs) {
        const i = find(this.o.attributePrefix + k);
        if (i === undefined) continue;
        const t = st.fields[i]!.dataType;
        put(i, t, this.primitive(v, t.kind === "array" ? t.elementType : t));
      }
    }
    let text = "";
    // Spark's wildcard column: a string takes the last child no field matches, an array of strings all of them
    const wi = index.get(this.o.wildcardColName);
    const wt = wi === undefined ? undefined : st.fields[wi]!.dataType;
    const wild = wt !== undefined && (wt.kind === "string" || (wt.kind === "array" && wt.elementType.kind === "string"));
    for (const c of e.children) {
      if (isElement(c)) {
        const i = find(c.name);
        if (i === undefined) {
          if (wild) put(wi!, wt!, wildcardValue(c));
          continue;
        }
        const t = st.fields[i]!.dataType;
        put(i, t, this.value(c, t.kind === "array" ? t.elementType : t));
      } else text += c.text;
    }
    const vi = find(this.o.valueTag);
    if (vi !== undefined && text.trim().length > 0) {
      const t = st.fields[vi]!.dataType;
      put(vi, t, this.primitive(text, t.kind === "array" ? t.elementType : t));
    }
    return out;
  }

  /** A child element as a value of `t`. */
  private value(e: XmlElement, t: DataType): unknown {
    if (t.kind === "struct") {
      // an element of text only, read into a struct: its text is the value tag field
      return this.object(e, t, true);
    }
    if (t.kind === "array") return [this.value(e, t.elementType)];
    let text = "";
    for (const c of e.children) if (!isElement(c)) text += c.text;
    return this.primitive(text, t);
  }

  /** Text as a value of primitive type `t`: null when empty or nullValue; BadValue when it does not convert. */
  private primitive(raw: string, t: DataType): unknown {
    const v = this.o.ignoreSurroundingSpaces ? raw.trim() : raw;
    if (v === this.o.nullValue) return null;
    if (v.length === 0 && t.kind !== "string") return null;
    switch (t.kind) {
      case "string":
        // an element that is there but empty is the empty string (Spark's StaxXmlParser)
        return v;
      case "byte":
      case "short":
      case "integer": {
        const [lo, hi] = INTEGRAL_BOUNDS[t.kind];
        const b = encoder.encode(v);
        const x = parseIntegralBytes(b, 0, b.length, lo, hi, false);
        if (x === undefined) throw new BadValue();
        return x;
      }
      case "long": {
        const b = encoder.encode(v);
        const x = parseIntegralBytes(b, 0, b.length, 0, 0, true);
        if (x === undefined) throw new BadValue();
        return x;
      }
      case "float":
      case "double": {
        const x = parseJavaDouble(v);
        if (x === undefined) throw new BadValue();
        return t.kind === "float" ? Math.fround(x) : x;
      }
      case "boolean": {
        const x = parseJavaBoolean(v);
        if (x === undefined) throw new BadValue();
        return x;
      }
      case "decimal": {
        const x = parseDecimalValue(v, t.precision, t.scale, this.decimals);
        if (x === undefined) throw new BadValue();
        return x;
      }
      case "date":
        return this.time.date(v);
      case "timestamp":
        return this.time.timestamp(v, false);
      case "timestamp_ntz":
        return this.time.timestamp(v, true);
      case "binary":
        return encoder.encode(v);
      case "null":
        return null;
      case "array":
      case "map":
      case "struct":
      case "day_time_interval":
      case "year_month_interval":
      case "calendar_interval":
      case "variant":
        throw new BadValue();
      default:
        return assertNever(t);
    }
  }
}
