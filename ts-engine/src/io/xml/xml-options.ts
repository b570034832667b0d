import { AnalysisException } from "../../errors/spark-exception.js";
import type { ParseMode } from "../csv/csv-options.js";
import type { SourceOptions } from "../source-options.js";

/** Spark's XmlOptions (Spark 4.0's built-in XML source), with its defaults, read once per scan or write. */
export interface XmlOptions {
  /** The element that is one row (required to read). */
  readonly rowTag: string;
  /** The element around all rows of a written file. */
  readonly rootTag: string;
  /** Prefix of the fields attributes become. */
  readonly attributePrefix: string;
  /** The field an element's own text becomes when it also has attributes or children. */
  readonly valueTag: string;
  readonly excludeAttribute: boolean;
  readonly ignoreSurroundingSpaces: boolean;
  /** Text read as null (Spark's default is none). */
  readonly nullValue: string | undefined;
  readonly inferSchema: boolean;
  readonly prefersDecimal: boolean;
  readonly samplingRatio: number;
  readonly mode: ParseMode;
  readonly columnNameOfCorruptRecord: string;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
  readonly timestampNTZFormat: string | undefined;
  readonly encoding: string;
  /** The element array values of an array-typed column are written in (writer). */
  readonly arrayElementName: string;
  /** The XML declaration a written file starts with (empty: none). */
  readonly declaration: string;
  readonly compression: string | undefined;
  readonly ignoreNamespace: boolean;
  /** `locale` (Spark's default en-US): month names in the patterns, decimal separators. */
  readonly locale: string;
  /**
   * wildcardColName (default xs_any): a string or array-of-strings field of the schema that
   * takes the child elements no other field matches (their text, or their inner XML).
   */
  readonly wildcardColName: string;
  /** rowValidationXSDPath: an XSD every row must validate against (an invalid row is a malformed record). */
  readonly rowValidationXSDPath: string | undefined;
}

/** The XML options of a read or write: rowTag is required for both (Spark's XML_ROW_TAG_MISSING). */
export function xmlOptions(o: SourceOptions, corruptDefault: string): XmlOptions {
  const rowTag = o.get("rowTag")?.trim();
  if (rowTag === undefined || rowTag.length === 0) {
    throw new AnalysisException("XML_ROW_TAG_MISSING", { rowTag: "`rowTag`" });
  }
  const m = (o.get("mode") ?? "PERMISSIVE").toUpperCase();
  return {
    rowTag,
    rootTag: o.get("rootTag") ?? "ROWS",
    attributePrefix: o.get("attributePrefix") ?? "_",
    valueTag: o.get("valueTag") ?? "_VALUE",
    excludeAttribute: o.bool("excludeAttribute", false),
    ignoreSurroundingSpaces: o.bool("ignoreSurroundingSpaces", true),
    nullValue: o.get("nullValue"),
    inferSchema: o.bool("inferSchema", true),
    prefersDecimal: o.bool("prefersDecimal", false),
    samplingRatio: o.double("samplingRatio", 1),
    mode: m === "DROPMALFORMED" || m === "FAILFAST" ? m : "PERMISSIVE",
    columnNameOfCorruptRecord: o.get("columnNameOfCorruptRecord") ?? corruptDefault,
    dateFormat: o.get("dateFormat"),
    timestampFormat: o.get("timestampFormat"),
    timestampNTZFormat: o.get("timestampNTZFormat"),
    encoding: (o.get("encoding") ?? o.get("charset") ?? "UTF-8").toLowerCase(),
    arrayElementName: o.get("arrayElementName") ?? "item",
    declaration: o.get("declaration") ?? 'version="1.0" encoding="UTF-8" standalone="yes"',
    compression: o.get("compression") ?? o.get("codec"),
    ignoreNamespace: o.bool("ignoreNamespace", false),
    locale: o.get("locale") ?? "en-US",
    wildcardColName: o.get("wildcardColName") ?? "xs_any",
    rowValidationXSDPath: o.get("rowValidationXSDPath"),
  };
}
