import { doubleToString } from "../eval/to-string.js";

/**
 * A parsed JSON value that keeps each number's text (so longs past 2^53 and decimals stay
 * exact, and an integer is told from a float as Jackson's tokens do).
 */
export type JsonValue =
  | { readonly kind: "null" }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "num"; readonly text: string; readonly integral: boolean }
  | { readonly kind: "str"; readonly value: string }
  | { readonly kind: "arr"; readonly items: readonly JsonValue[] }
  | { readonly kind: "obj"; readonly entries: readonly (readonly [string, JsonValue])[] };

const NULL: JsonValue = { kind: "null" };
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** A JSON parser over one text; `parse` returns null for malformed input (Spark's bad record). */
class Parser {
  private pos = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  parseAll(): JsonValue | null {
    this.ws();
    const v = this.value();
    if (v === null) return null;
    this.ws();
    return this.pos === this.s.length ? v : null;
  }

  private value(): JsonValue | null {
    this.ws();
    const s = this.s;
    const c = s[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') {
      const str = this.string();
      return str === null ? null : { kind: "str", value: str };
    }
    if (s.startsWith("true", this.pos)) {
      this.pos += 4;
      return { kind: "bool", value: true };
    }
    if (s.startsWith("false", this.pos)) {
      this.pos += 5;
      return { kind: "bool", value: false };
    }
    if (s.startsWith("null", this.pos)) {
      this.pos += 4;
      return NULL;
    }
    // Jackson's ALLOW_NON_NUMERIC_NUMBERS, on in Spark's JSON options by default.
    for (const word of ["NaN", "Infinity", "-Infinity", "+Infinity"]) {
      if (s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { kind: "num", text: word, integral: false };
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(s);
    if (m === null) return null;
    this.pos += m[0].length;
    return { kind: "num", text: m[0], integral: m[1] === undefined && m[2] === undefined };
  }

  private string(): string | null {
    const s = this.s;
    let out = "";
    this.pos++;
    while (this.pos < s.length) {
      const c = s[this.pos++]!;
      if (c === '"') return out;
      if (c === "\\") {
        const e = s[this.pos++];
        switch (e) {
          case '"':
          case "\\":
          case "/":
            out += e;
            break;
          case "b":
            out += "\b";
            break;
          case "f":
            out += "\f";
            break;
          case "n":
            out += "\n";
            break;
          case "r":
            out += "\r";
            break;
          case "t":
            out += "\t";
            break;
          case "u": {
            const h = s.slice(this.pos, this.pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) return null;
            out += String.fromCharCode(parseInt(h, 16));
            this.pos += 4;
            break;
          }
          default:
            return null;
        }
      } else if (c.charCodeAt(0) < 0x20) return null;
      else out += c;
    }
    return null;
  }

  private array(): JsonValue | null {
    this.pos++;
    const items: JsonValue[] = [];
    this.ws();
    if (this.s[this.pos] === "]") {
      this.pos++;
      return { kind: "arr", items };
    }
    for (;;) {
      const v = this.value();
      if (v === null) return null;
      items.push(v);
      this.ws();
      const c = this.s[this.pos++];
      if (c === "]") return { kind: "arr", items };
      if (c !== ",") return null;
    }
  }

  private object(): JsonValue | null {
    this.pos++;
    const entries: [string, JsonValue][] = [];
    this.ws();
    if (this.s[this.pos] === "}") {
      this.pos++;
      return { kind: "obj", entries };
    }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') return null;
      const k = this.string();
      if (k === null) return null;
      this.ws();
      if (this.s[this.pos++] !== ":") return null;
      const v = this.value();
      if (v === null) return null;
      entries.push([k, v]);
      this.ws();
      const c = this.s[this.pos++];
      if (c === "}") return { kind: "obj", entries };
      if (c !== ",") return null;
    }
  }
}

/** The JSON value of `text`, or null when it is not well-formed JSON. */
export function parseJson(text: string): JsonValue | null {
  return new Parser(text).parseAll();
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
