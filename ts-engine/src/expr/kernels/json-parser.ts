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

/** The Jackson features Spark's JSON options switch on (JSONOptions.buildJsonFactory). */
export interface JsonFeatures {
  readonly allowComments: boolean;
  readonly allowUnquotedFieldNames: boolean;
  readonly allowSingleQuotes: boolean;
  readonly allowNumericLeadingZeros: boolean;
  readonly allowNonNumericNumbers: boolean;
  readonly allowBackslashEscapingAnyCharacter: boolean;
  readonly allowUnquotedControlChars: boolean;
}

/**
 * The input text of each parsed object and array: a nested value read into a string column is
 * its text as written (Spark copies the raw bytes), not a re-serialization.
 */
export const RAW_TEXT = new WeakMap<JsonValue, string>();

const NON_NUMERIC: Readonly<Record<string, string>> = { NaN: "NaN", Infinity: "Infinity", "+Infinity": "Infinity", "-Infinity": "-Infinity", INF: "Infinity", "+INF": "Infinity", "-INF": "-Infinity" };

/**
 * The one JSON parser of the engine (the JSON file source and the JSON functions alike), with
 * Jackson's optional leniencies, producing JsonValue (numbers keep their text, so longs and
 * decimals stay exact). One instance per text; `parseAll` returns null for malformed input
 * (Spark's bad record).
 */
export class JsonParser {
  private pos = 0;

  constructor(
    private readonly s: string,
    private readonly f: JsonFeatures,
  ) {}

  /** Whether the text holds no value at all (only whitespace, and comments when allowed). */
  isBlank(): boolean {
    const at = this.pos;
    this.ws();
    const blank = this.pos >= this.s.length;
    this.pos = at;
    return blank;
  }

  /**
   * The first value the text holds, whatever follows it (Spark's multiLine JSON reads one
   * document per file and Jackson stops after it), or null when it is malformed.
   */
  parseFirst(): JsonValue | null {
    return this.value();
  }

  /** The single value the text holds, or null when it is malformed or followed by more. */
  parseAll(): JsonValue | null {
    const v = this.value();
    if (v === null) return null;
    this.ws();
    return this.pos === this.s.length ? v : null;
  }

  private ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else if (this.f.allowComments && c === 0x2f && s[this.pos + 1] === "/") {
        const e = s.indexOf("\n", this.pos);
        this.pos = e < 0 ? s.length : e + 1;
      } else if (this.f.allowComments && c === 0x2f && s[this.pos + 1] === "*") {
        const e = s.indexOf("*/", this.pos + 2);
        if (e < 0) {
          this.pos = s.length;
          return;
        }
        this.pos = e + 2;
      } else if (this.f.allowComments && c === 0x23) {
        const e = s.indexOf("\n", this.pos);
        this.pos = e < 0 ? s.length : e + 1;
      } else return;
    }
  }

  private value(): JsonValue | null {
    this.ws();
    const s = this.s;
    const c = s[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"' || (c === "'" && this.f.allowSingleQuotes)) {
      const v = this.string(c);
      return v === null ? null : { kind: "str", value: v };
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
      return { kind: "null" };
    }
    return this.number();
  }

  private number(): JsonValue | null {
    const s = this.s;
    if (this.f.allowNonNumericNumbers) {
      for (const [k, v] of Object.entries(NON_NUMERIC)) {
        if (s.startsWith(k, this.pos)) {
          this.pos += k.length;
          return { kind: "num", text: v, integral: false };
        }
      }
    }
    const re = this.f.allowNumericLeadingZeros ? /-?\d+(\.\d+)?([eE][+-]?\d+)?/y : /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(s);
    if (m === null) return null;
    this.pos = re.lastIndex;
    let text = m[0];
    if (this.f.allowNumericLeadingZeros) text = text.replace(/^(-?)0+(?=\d)/, "$1");
    return { kind: "num", text, integral: m[1] === undefined && m[2] === undefined };
  }

  private string(q: string): string | null {
    const s = this.s;
    let out = "";
    let i = this.pos + 1;
    let from = i;
    for (;;) {
      if (i >= s.length) return null;
      const c = s[i]!;
      if (c === q) {
        out += s.slice(from, i);
        this.pos = i + 1;
        return out;
      }
      if (c === "\\") {
        out += s.slice(from, i);
        const e = s[i + 1];
        const simple: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e === "u") {
          const h = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) return null;
          out += String.fromCharCode(Number.parseInt(h, 16));
          i += 6;
        } else if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e !== undefined && (this.f.allowBackslashEscapingAnyCharacter || (e === "'" && this.f.allowSingleQuotes))) {
          out += e;
          i += 2;
        } else return null;
        from = i;
        continue;
      }
      if (c.charCodeAt(0) < 0x20 && !this.f.allowUnquotedControlChars) return null;
      i++;
    }
  }

  private fieldName(): string | null {
    this.ws();
    const c = this.s[this.pos];
    if (c === '"' || (c === "'" && this.f.allowSingleQuotes)) return this.string(c);
    if (!this.f.allowUnquotedFieldNames) return null;
    const re = /[A-Za-z_$][A-Za-z0-9_$]*/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.s);
    if (m === null) return null;
    this.pos = re.lastIndex;
    return m[0];
  }

  private array(): JsonValue | null {
    const from = this.pos;
    const v = this.arrayAt();
    if (v !== null) RAW_TEXT.set(v, this.s.slice(from, this.pos));
    return v;
  }

  private object(): JsonValue | null {
    const from = this.pos;
    const v = this.objectAt();
    if (v !== null) RAW_TEXT.set(v, this.s.slice(from, this.pos));
    return v;
  }

  private arrayAt(): JsonValue | null {
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

  private objectAt(): JsonValue | null {
    this.pos++;
    const entries: [string, JsonValue][] = [];
    this.ws();
    if (this.s[this.pos] === "}") {
      this.pos++;
      return { kind: "obj", entries };
    }
    for (;;) {
      const k = this.fieldName();
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
