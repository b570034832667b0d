import { IllegalArgumentException, SparkException } from "../../errors/spark-exception.js";
import type { SourceOptions } from "../source-options.js";

/** How malformed records are handled (Spark's ParseMode). */
export type ParseMode = "PERMISSIVE" | "DROPMALFORMED" | "FAILFAST";

/** univocity's UnescapedQuoteHandling: what a quoted value with a quote inside it that is not escaped becomes. */
export type UnescapedQuoteHandling = "STOP_AT_DELIMITER" | "STOP_AT_CLOSING_QUOTE" | "BACK_TO_DELIMITER" | "SKIP_VALUE" | "RAISE_ERROR";

const QUOTE_HANDLINGS: readonly UnescapedQuoteHandling[] = ["STOP_AT_DELIMITER", "STOP_AT_CLOSING_QUOTE", "BACK_TO_DELIMITER", "SKIP_VALUE", "RAISE_ERROR"];

/** The `unescapedQuoteHandling` option (Spark's default STOP_AT_DELIMITER); an unknown name fails as Java's Enum.valueOf. */
function unescapedQuoteHandling(o: SourceOptions): UnescapedQuoteHandling {
  const v = (o.get("unescapedQuoteHandling") ?? "STOP_AT_DELIMITER").toUpperCase();
  const h = QUOTE_HANDLINGS.find((x) => x === v);
  if (h === undefined) throw new IllegalArgumentException(`No enum constant com.univocity.parsers.csv.UnescapedQuoteHandling.${v}`);
  return h;
}

/**
 * Spark's CSVOptions, read once per scan or write from the user's options, with Spark's
 * defaults. Single characters are kept as bytes for the tokenizer (0 = none).
 */
export interface CsvOptions {
  readonly sep: Uint8Array;
  readonly quote: number;
  readonly escape: number;
  /**
   * charToEscapeQuoteEscaping: the character that escapes `escape` itself inside a quoted value
   * (univocity's escapeEscape); Spark's default is `escape` when it differs from the quote, else none.
   */
  readonly escapeEscape: number;
  readonly comment: number;
  readonly header: boolean;
  readonly inferSchema: boolean;
  readonly samplingRatio: number;
  readonly enforceSchema: boolean;
  readonly ignoreLeadingWhiteSpace: boolean;
  readonly ignoreTrailingWhiteSpace: boolean;
  readonly nullValue: string;
  readonly emptyValue: string;
  readonly nanValue: string;
  readonly positiveInf: string;
  readonly negativeInf: string;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
  readonly timestampNTZFormat: string | undefined;
  readonly preferDate: boolean;
  /** `locale` (a BCP 47 tag, Spark's default en-US): month names in date patterns, decimal separators. */
  readonly locale: string;
  readonly mode: ParseMode;
  readonly columnNameOfCorruptRecord: string;
  readonly multiLine: boolean;
  readonly lineSep: Uint8Array | null;
  readonly encoding: string;
  readonly maxColumns: number;
  /** The most characters a value may have (-1: no limit); longer ones fail the read, as univocity's TextParsingException. */
  readonly maxCharsPerColumn: number;
  readonly unescapedQuoteHandling: UnescapedQuoteHandling;
  readonly quoteAll: boolean;
  readonly escapeQuotes: boolean;
  readonly compression: string | undefined;
}

const encoder = new TextEncoder();

/** A one-character option as a byte (Spark: "\u0000" or empty disables it, some options only). */
function charOption(o: SourceOptions, key: string, dflt: string, emptyMeans: number): number {
  const v = o.get(key) ?? dflt;
  if (v.length === 0) return emptyMeans;
  const s = v === "\\t" ? "\t" : v;
  // Spark's CSVOptions.getChar: QueryExecutionErrors.paramExceedOneCharError
  if (s.length !== 1) throw new SparkException("SparkRuntimeException", "_LEGACY_ERROR_TEMP_2145", { paramName: key });
  const code = s.charCodeAt(0);
  if (code > 0x7f) throw new IllegalArgumentException(`${key} must be an ASCII character in tspark, got '${s}'`);
  return code;
}

/** The delimiter (`sep` or `delimiter`): any string (Spark 3+), `\t` spelled as two characters too. */
function separator(o: SourceOptions): Uint8Array {
  const raw = o.get("sep") ?? o.get("delimiter") ?? ",";
  if (raw.length === 0) throw new IllegalArgumentException("Delimiter cannot be empty string");
  const s = raw === "\\t" ? "\t" : raw === "\\u0000" ? "\u0000" : raw;
  return encoder.encode(s);
}

function mode(o: SourceOptions): ParseMode {
  const m = (o.get("mode") ?? "PERMISSIVE").toUpperCase();
  // Spark's ParseMode.fromString: an unknown mode falls back to PERMISSIVE (with a warning)
  return m === "DROPMALFORMED" || m === "FAILFAST" ? m : "PERMISSIVE";
}

/** The options of a CSV read (`forWrite` false) or write, with Spark's defaults for each. */
export function csvOptions(o: SourceOptions, corruptDefault: string, forWrite: boolean): CsvOptions {
  const quote = charOption(o, "quote", '"', 0);
  const escape = charOption(o, "escape", "\\", 0);
  const lineSep = o.get("lineSep");
  if (lineSep !== undefined && lineSep.length === 0) throw new IllegalArgumentException("requirement failed: 'lineSep' cannot be an empty string.");
  return {
    sep: separator(o),
    quote,
    escape,
    escapeEscape: charOption(o, "charToEscapeQuoteEscaping", escape !== quote ? String.fromCharCode(escape) : "", 0),
    comment: charOption(o, "comment", "\u0000", 0),
    header: o.bool("header", false),
    inferSchema: o.bool("inferSchema", false),
    samplingRatio: o.double("samplingRatio", 1),
    enforceSchema: o.bool("enforceSchema", true),
    ignoreLeadingWhiteSpace: o.bool("ignoreLeadingWhiteSpace", forWrite),
    ignoreTrailingWhiteSpace: o.bool("ignoreTrailingWhiteSpace", forWrite),
    nullValue: o.get("nullValue") ?? "",
    emptyValue: o.get("emptyValue") ?? (forWrite ? '""' : ""),
    nanValue: o.get("nanValue") ?? "NaN",
    positiveInf: o.get("positiveInf") ?? "Inf",
    negativeInf: o.get("negativeInf") ?? "-Inf",
    dateFormat: o.get("dateFormat"),
    timestampFormat: o.get("timestampFormat"),
    timestampNTZFormat: o.get("timestampNTZFormat"),
    preferDate: o.bool("preferDate", true),
    locale: o.get("locale") ?? "en-US",
    mode: mode(o),
    columnNameOfCorruptRecord: o.get("columnNameOfCorruptRecord") ?? corruptDefault,
    multiLine: o.bool("multiLine", false),
    lineSep: lineSep === undefined ? null : encoder.encode(lineSep),
    encoding: (o.get("encoding") ?? o.get("charset") ?? "UTF-8").toLowerCase(),
    maxColumns: o.int("maxColumns", 20480),
    maxCharsPerColumn: o.int("maxCharsPerColumn", -1),
    unescapedQuoteHandling: unescapedQuoteHandling(o),
    quoteAll: o.bool("quoteAll", false),
    escapeQuotes: o.bool("escapeQuotes", true),
    compression: o.get("compression") ?? o.get("codec"),
  };
}

/** Whether the encoding is UTF-8 (or ASCII, a subset): the byte tokenizer reads it as is. */
export function isUtf8Encoding(enc: string): boolean {
  return enc === "utf-8" || enc === "utf8" || enc === "us-ascii" || enc === "ascii";
}
