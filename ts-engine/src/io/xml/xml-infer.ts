import {
  arrayType,
  BooleanType,
  DateType,
  DoubleType,
  LongType,
  NullType,
  StringType,
  TimestampType,
  decimalType,
  structField,
  structType,
  type DataType,
  type StructField,
  type StructType,
} from "../../types/data-type.js";
import { compatibleType as csvCompatible, dateBytesTest, timestampTest } from "../csv/csv-infer.js";
import { parseDecimalText } from "../../columnar/decimal-value.js";
import { parseIntegralBytes, parseJavaBoolean, parseJavaDouble } from "../csv/csv-values.js";
import type { XmlOptions } from "./xml-options.js";
import { isElement, type XmlElement } from "./xml-tree.js";

const encoder = new TextEncoder();

/**
 * Spark's XmlInferSchema for one record at a time: attributes become prefixed fields, child
 * elements fields (repeated ones arrays), an element's own text the value tag field (or its
 * type alone when it has nothing else), primitive text typed by the cascade long → decimal
 * (prefersDecimal) → double → date → timestamp → boolean → string; fields sorted by name.
 * `merge` combines records; `finish` makes NullType strings and drops empty structs.
 */
export class XmlSchemaInference {
  private readonly date: (b: Uint8Array, s: number, e: number) => boolean;
  private readonly ts: (s: string) => boolean;

  constructor(
    private readonly o: XmlOptions,
    private readonly caseSensitive: boolean,
  ) {
    this.date = dateBytesTest(o.dateFormat, o.locale);
    this.ts = timestampTest(o.timestampFormat, o.locale);
  }

  /** The type of one record (its root element). */
  record(root: XmlElement): StructType {
    return this.object(root, true);
  }

  /** Two records' (or fields') types merged (Spark's compatibleType for XML). */
  merge(a: DataType, b: DataType): DataType {
    if (a.kind === "struct" && b.kind === "struct") {
      const byName = new Map<string, StructField>();
      for (const f of [...a.fields, ...b.fields]) {
        const k = this.norm(f.name);
        const prev = byName.get(k);
        byName.set(k, prev === undefined ? f : structField(prev.name, this.merge(prev.dataType, f.dataType), true));
      }
      return sortedStruct([...byName.values()]);
    }
    if (a.kind === "array" && b.kind === "array") return { kind: "array", elementType: this.merge(a.elementType, b.elementType), containsNull: a.containsNull || b.containsNull };
    const tight = tightest(a, b);
    if (tight !== undefined) return tight;
    if (a.kind === "array") return arrayType(this.merge(a.elementType, b));
    if (b.kind === "array") return arrayType(this.merge(a, b.elementType));
    const vt = this.o.valueTag;
    if (a.kind === "struct" && a.fields.some((f) => f.name === vt)) return withValueTag(a, vt, (t) => this.merge(t, b));
    if (b.kind === "struct" && b.fields.some((f) => f.name === vt)) return withValueTag(b, vt, (t) => this.merge(a, t));
    return StringType;
  }

  /** The final schema: NullType fields as strings, empty structs dropped (SPARK-8093). */
  finish(t: DataType): DataType | undefined {
    switch (t.kind) {
      case "null":
        return StringType;
      case "array": {
        const e = this.finish(t.elementType);
        return e === undefined ? undefined : { ...t, elementType: e };
      }
      case "struct": {
        const fields: StructField[] = [];
        for (const f of t.fields) {
          if (f.name.length === 0) continue;
          const ft = this.finish(f.dataType);
          if (ft !== undefined) fields.push(structField(f.name, ft, true));
        }
        return fields.length === 0 ? undefined : structType(fields);
      }
      default:
        return t;
    }
  }

  private norm(name: string): string {
    return this.caseSensitive ? name : name.toLowerCase();
  }

  /** An element's fields: its attributes (when `withAttrs`), child elements and text. */
  private object(e: XmlElement, withAttrs: boolean): StructType {
    const fields = new Map<string, StructField>();
    const add = (name: string, t: DataType): void => {
      const k = this.norm(name);
      const prev = fields.get(k);
      if (prev === undefined) fields.set(k, structField(name, t, true));
      else fields.set(k, structField(prev.name, prev.dataType.kind === "array" ? this.merge(prev.dataType, t) : arrayType(this.merge(prev.dataType, t)), true));
    };
    if (withAttrs) for (const [k, v] of this.attrs(e)) add(k, this.primitive(v));
    for (const c of e.children) {
      if (isElement(c)) add(c.name, this.field(c));
      else if (c.text.trim().length > 0) add(this.o.valueTag, this.primitive(c.text));
    }
    return sortedStruct([...fields.values()]);
  }

  /** A child element's type: null when empty, its text's type when it holds only text, else a struct; attributes merged in. */
  private field(e: XmlElement): DataType {
    const inner = this.object(e, false);
    let t: DataType;
    if (inner.fields.length === 0) t = NullType;
    else if (inner.fields.length === 1 && inner.fields[0]!.name === this.o.valueTag && isPrimitive(inner.fields[0]!.dataType)) t = inner.fields[0]!.dataType;
    else t = inner;
    const attrs = this.attrs(e);
    if (attrs.length === 0) return t;
    const out: StructField[] = t.kind === "struct" ? [...t.fields] : t.kind === "null" ? [] : [structField(this.o.valueTag, t, true)];
    for (const [k, v] of attrs) out.push(structField(k, this.primitive(v), true));
    return sortedStruct(out);
  }

  private attrs(e: XmlElement): [string, string][] {
    if (this.o.excludeAttribute) return [];
    return e.attrs.filter(([k]) => !k.startsWith("xmlns")).map(([k, v]) => [this.o.attributePrefix + k, v]);
  }

  /** The type of a text value (Spark's inferFrom from scratch). */
  primitive(raw: string): DataType {
    const v = this.o.ignoreSurroundingSpaces ? raw.trim() : raw;
    if (!this.o.inferSchema) return StringType;
    if (v.length === 0 || v === this.o.nullValue) return NullType;
    const unsigned = v.startsWith("+") || v.startsWith("-") ? v.slice(1) : v;
    const b = encoder.encode(unsigned);
    if (unsigned.length > 0 && isDigit(unsigned) && parseIntegralBytes(b, 0, b.length, 0, 0, true) !== undefined) return LongType;
    const numeric = unsigned.length > 0 && (isDigit(unsigned) || unsigned[0] === ".") && !/[dDfF]$/.test(unsigned);
    if (numeric && this.o.prefersDecimal) {
      const p = parseDecimalText(v);
      if (p !== null) {
        const scale = Math.max(0, -p.exponent);
        const precision = Math.max(p.digits === "0" ? 1 : p.digits.length + Math.max(0, p.exponent), scale);
        if (precision <= 38) return decimalType(precision, scale);
      }
    }
    if (numeric && parseJavaDouble(unsigned) !== undefined) return DoubleType;
    const vb = encoder.encode(v);
    if (this.date(vb, 0, vb.length)) return DateType;
    if (this.ts(v)) return TimestampType;
    return parseJavaBoolean(v) !== undefined ? BooleanType : StringType;
  }
}

function isDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

function isPrimitive(t: DataType): boolean {
  return t.kind !== "struct" && t.kind !== "array" && t.kind !== "map";
}

function sortedStruct(fields: StructField[]): StructType {
  return structType([...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

function withValueTag(st: StructType, vt: string, f: (t: DataType) => DataType): StructType {
  return structType(st.fields.map((x) => (x.name === vt ? structField(vt, f(x.dataType), true) : x)));
}

/** TypeCoercion.findTightestCommonType as XML inference meets it, plus XML's decimal/double/timestamp widenings. */
function tightest(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "struct" || b.kind === "struct" || a.kind === "array" || b.kind === "array") return undefined;
  return csvCompatible(a, b);
}
