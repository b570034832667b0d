import { InternalError } from "../../errors/spark-exception.js";
import type { StructType } from "../../types/data-type.js";

/**
 * What from_xml, schema_of_xml and to_xml need from the XML data source (io/xml): its record
 * parser and row conversion, its schema inference, its element writer. The functions live in
 * the registry (this layer) and the source above it, so the source registers its parts here
 * when it loads (io/xml/xml-function-codec.ts) and the functions call them: one XML reader and
 * writer for files and functions alike.
 */
export interface XmlFunctionCodec {
  /** Each text's row of `schema` (null for a null text; all-null fields for a malformed one, FAILFAST raises). */
  fromXml(texts: readonly (string | null)[], schema: StructType, options: readonly (readonly [string, string])[], timeZone: string): (readonly unknown[] | null)[];
  /** The schema Spark's XML inference gives one record. */
  schemaOfXml(text: string, options: readonly (readonly [string, string])[]): StructType;
  /** A struct value as one XML element (rowTag, default ROW), as Spark's to_xml writes it. */
  toXml(value: readonly unknown[], type: StructType, options: readonly (readonly [string, string])[], timeZone: string): string;
}

let codec: XmlFunctionCodec | undefined;

/** Installs the XML source's parts (called once, when io/xml loads). */
export function registerXmlFunctionCodec(c: XmlFunctionCodec): void {
  codec = c;
}

/** The registered XML parts; an InternalError when the XML source was never loaded. */
export function xmlFunctionCodec(): XmlFunctionCodec {
  if (codec === undefined) throw new InternalError("the XML data source is not loaded, so from_xml/to_xml cannot run");
  return codec;
}
