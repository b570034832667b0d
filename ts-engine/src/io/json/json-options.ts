import type { SourceOptions } from "../source-options.js";
import type { ParseMode } from "../csv/csv-options.js";
import type { JsonFeatures } from "../../expr/kernels/json-parser.js";

/** Spark's JSONOptions, with its defaults, read once per scan or write. */
export interface JsonOptions extends JsonFeatures {
  readonly primitivesAsString: boolean;
  readonly prefersDecimal: boolean;
  readonly dropFieldIfAllNull: boolean;
  readonly multiLine: boolean;
  readonly lineSep: Uint8Array | null;
  readonly mode: ParseMode;
  readonly columnNameOfCorruptRecord: string;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
  readonly timestampNTZFormat: string | undefined;
  readonly samplingRatio: number;
  readonly encoding: string;
  readonly ignoreNullFields: boolean;
  readonly compression: string | undefined;
}

/** The JSON options of a read or write. */
export function jsonOptions(o: SourceOptions, corruptDefault: string): JsonOptions {
  const m = (o.get("mode") ?? "PERMISSIVE").toUpperCase();
  const lineSep = o.get("lineSep");
  return {
    allowComments: o.bool("allowComments", false),
    allowUnquotedFieldNames: o.bool("allowUnquotedFieldNames", false),
    allowSingleQuotes: o.bool("allowSingleQuotes", true),
    allowNumericLeadingZeros: o.bool("allowNumericLeadingZeros", o.bool("allowNumericLeadingZero", false)),
    allowNonNumericNumbers: o.bool("allowNonNumericNumbers", true),
    allowBackslashEscapingAnyCharacter: o.bool("allowBackslashEscapingAnyCharacter", false),
    allowUnquotedControlChars: o.bool("allowUnquotedControlChars", false),
    primitivesAsString: o.bool("primitivesAsString", false),
    prefersDecimal: o.bool("prefersDecimal", false),
    dropFieldIfAllNull: o.bool("dropFieldIfAllNull", false),
    multiLine: o.bool("multiLine", false),
    lineSep: lineSep === undefined ? null : new TextEncoder().encode(lineSep),
    mode: m === "DROPMALFORMED" || m === "FAILFAST" ? m : "PERMISSIVE",
    columnNameOfCorruptRecord: o.get("columnNameOfCorruptRecord") ?? corruptDefault,
    dateFormat: o.get("dateFormat"),
    timestampFormat: o.get("timestampFormat"),
    timestampNTZFormat: o.get("timestampNTZFormat"),
    samplingRatio: o.double("samplingRatio", 1),
    encoding: (o.get("encoding") ?? o.get("charset") ?? "UTF-8").toLowerCase(),
    ignoreNullFields: o.bool("ignoreNullFields", true),
    compression: o.get("compression") ?? o.get("codec"),
  };
}
