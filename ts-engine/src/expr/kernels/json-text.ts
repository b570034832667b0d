import { doubleToString } from "../eval/java-number-string.js";
import { JsonParser, type JsonFeatures, type JsonValue } from "./json-parser.js";

export type { JsonValue } from "./json-parser.js";

/**
 * The Jackson features of the JSON functions' shared factory (get_json_object, json_tuple,
 * from_json's strict parse): ALLOW_NON_NUMERIC_NUMBERS only.
 */
const FUNCTION_FEATURES: JsonFeatures = {
  allowComments: false,
  allowUnquotedFieldNames: false,
  allowSingleQuotes: false,
  allowNumericLeadingZeros: false,
  allowNonNumericNumbers: true,
  allowBackslashEscapingAnyCharacter: false,
  allowUnquotedControlChars: false,
};

/** The JSON value of `text`, or null when it is not well-formed JSON. */
export function parseJson(text: string): JsonValue | null {
  return new JsonParser(text, FUNCTION_FEATURES).parseAll();
}

/** A JSON string literal as Jackson writes it: `"` and `\` escaped, control characters as \n, \t or \u00XX. */
export function jsonQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c < 0x20) {
      out += c === 0x0a ? "\\n" : c === 0x09 ? "\\t" : c === 0x0d ? "\\r" : c === 0x08 ? "\\b" : c === 0x0c ? "\\f" : "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
    } else out += s[i]!;
  }
  return out + '"';
}

/** Compact JSON text of a parsed value, as Jackson's copyCurrentStructure writes it (floats through Double.toString). */
export function jsonText(v: JsonValue): string {
  switch (v.kind) {
    case "null":
      return "null";
    case "bool":
      return String(v.value);
    case "num":
      return v.integral ? v.text : doubleToString(Number(v.text));
    case "str":
      return jsonQuote(v.value);
    case "arr":
      return `[${v.items.map(jsonText).join(",")}]`;
    case "obj":
      return `{${v.entries.map(([k, x]) => `${jsonQuote(k)}:${jsonText(x)}`).join(",")}}`;
  }
}
