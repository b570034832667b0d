import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { BinaryType, BooleanType, StringType } from "../../types/data-type.js";
import type { Expr } from "../expr.js";
import type { ScalarFunctionDef } from "./function-def.js";
import { doc, lit, rowFunction } from "./row-function.js";

// Conversions between strings and bytes: base64, charsets, URL encoding, UTF-8 validation.

const utf8Decoder = new TextDecoder("utf-8");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Charsets Spark 4's encode/decode accept (spark.sql.legacy.javaCharsets off). */
const CHARSETS = new Set(["iso-8859-1", "us-ascii", "utf-16", "utf-16be", "utf-16le", "utf-32", "utf-8"]);

function bytesOf(v: unknown): Uint8Array {
  return v instanceof Uint8Array ? v : encoder.encode(v as string);
}

function checkCharset(charset: string, fn: string): string {
  const c = charset.toLowerCase();
  if (!CHARSETS.has(c)) {
    throw new SparkException("IllegalArgumentException", "INVALID_PARAMETER_VALUE.CHARSET", {
      parameter: "`charset`",
      functionName: `\`${fn}\``,
      charset,
      charsets: [...CHARSETS].join(", "),
    });
  }
  return c;
}

function encodeCharset(s: string, charset: string): Uint8Array {
  switch (charset) {
    case "utf-8":
      return encoder.encode(s);
    case "us-ascii":
    case "iso-8859-1": {
      const max = charset === "us-ascii" ? 0x7f : 0xff;
      const cps = Array.from(s);
      return Uint8Array.from(cps, (c) => {
        const x = c.codePointAt(0)!;
        if (x > max) throw malformedCoding("encode", charset);
        return x;
      });
    }
    case "utf-16be":
    case "utf-16le":
    case "utf-16": {
      const le = charset === "utf-16le";
      const bom = charset === "utf-16" ? 2 : 0;
      const out = new Uint8Array(bom + s.length * 2);
      if (bom) [out[0], out[1]] = [0xfe, 0xff];
      for (let i = 0; i < s.length; i++) {
        const u = s.charCodeAt(i);
        out[bom + 2 * i + (le ? 1 : 0)] = u >> 8;
        out[bom + 2 * i + (le ? 0 : 1)] = u & 0xff;
      }
      return out;
    }
    default: {
      const cps = Array.from(s, (c) => c.codePointAt(0)!);
      const out = new Uint8Array(cps.length * 4);
      const dv = new DataView(out.buffer);
      cps.forEach((c, i) => dv.setUint32(4 * i, c));
      return out;
    }
  }
}

/** Spark 4 reports unmappable characters and malformed input (spark.sql.legacy.codingErrorAction off). */
function malformedCoding(fn: string, charset: string): SparkException {
  return new SparkException("SparkRuntimeException", "MALFORMED_CHARACTER_CODING", { function: `\`${fn}\``, charset: charset.toUpperCase() });
}

function decodeCharset(b: Uint8Array, charset: string): string {
  switch (charset) {
    case "utf-8":
      if (!isValidUtf8(b)) throw malformedCoding("decode", charset);
      return utf8Decoder.decode(b);
    case "us-ascii":
      return Array.from(b, (x) => (x > 0x7f ? "\ufffd" : String.fromCharCode(x))).join("");
    case "iso-8859-1":
      return Array.from(b, (x) => String.fromCharCode(x)).join("");
    case "utf-16be":
    case "utf-16":
      return new TextDecoder("utf-16be").decode(b);
    case "utf-16le":
      return new TextDecoder("utf-16le").decode(b);
    default: {
      let out = "";
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i + 4 <= b.length; i += 4) {
        const c = dv.getUint32(i);
        out += c <= 0x10ffff ? String.fromCodePoint(c) : "\ufffd";
      }
      return out;
    }
  }
}

/** Java's MIME-free base64 (RFC 4648 with padding), as Spark's base64. */
function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Spark's unbase64 (commons-codec's lenient decoder: whitespace and bad characters are skipped). */
function unbase64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "base64"));
}

function toBinary(s: string, format: string, fn: string, strict: boolean): Uint8Array | null {
  switch (format.toLowerCase()) {
    case "hex": {
      const t = s.length % 2 === 1 ? "0" + s : s;
      if (!/^[0-9a-fA-F]*$/.test(t)) {
        if (!strict) return null;
        throw conversionError(s, "HEX", fn);
      }
      return new Uint8Array(Buffer.from(t, "hex"));
    }
    case "utf-8":
    case "utf8":
      return encoder.encode(s);
    case "base64": {
      const t = s.replace(/\s/g, "");
      if (!BASE64.test(t) || t.length % 4 === 1) {
        if (!strict) return null;
        throw conversionError(s, "BASE64", fn);
      }
      return unbase64(t);
    }
    default:
      throw new AnalysisException("INVALID_PARAMETER_VALUE.BINARY_FORMAT", {
        parameter: "`format`",
        functionName: `\`${fn}\``,
        invalidFormat: `'${format}'`,
      });
  }
}

function conversionError(s: string, fmt: string, fn: string): SparkException {
  return new SparkException("IllegalArgumentException", "CONVERSION_INVALID_INPUT", {
    str: `'${s}'`,
    fmt: `'${fmt}'`,
    targetType: '"BINARY"',
    suggestion: fn === "to_binary" ? "`try_to_binary`" : `\`${fn}\``,
  });
}

/** java.net.URLEncoder.encode(s, UTF-8): spaces as `+`, `*-._` and alphanumerics kept. */
export function urlEncode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");
}

/** java.net.URLDecoder.decode(s, UTF-8), raising Spark's CANNOT_DECODE_URL on a bad escape. */
export function urlDecode(s: string, strict: boolean): string | null {
  const t = s.replace(/\+/g, " ");
  if (/%(?![0-9a-fA-F]{2})/.test(t)) {
    if (!strict) return null;
    throw new SparkException("IllegalArgumentException", "CANNOT_DECODE_URL", { url: s });
  }
  const bytes: number[] = [];
  let out = "";
  const flush = (): void => {
    if (bytes.length > 0) out += utf8Decoder.decode(Uint8Array.from(bytes));
    bytes.length = 0;
  };
  for (let i = 0; i < t.length; i++) {
    if (t[i] === "%") {
      bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      flush();
      out += t[i]!;
    }
  }
  flush();
  return out;
}

const URL_RE = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/((?:([^@/?#]*)@)?([^/?#:]*)(?::(\d*))?))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

/** parse_url(url, part[, key]) as Spark's ParseUrl over java.net.URI: null for an unknown part; invalid URLs raise INVALID_URL under ANSI. */
function parseUrl(url: string, part: string, key: string | undefined, strict: boolean): string | null {
  if (/[\s<>"{}|\\^`]/.test(url) || /%(?![0-9a-fA-F]{2})/.test(url)) {
    if (!strict) return null;
    throw new SparkException("IllegalArgumentException", "INVALID_URL", { url, ansiConfig: '"spark.sql.ansi.enabled"' });
  }
  const m = URL_RE.exec(url);
  if (m === null) return null;
  const [, protocol, authority, userInfo, host, , path, query, ref] = m;
  if (key !== undefined) {
    if (part !== "QUERY" || query === undefined) return null;
    const km = new RegExp(`(&|^)${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}=([^&]*)`).exec(query);
    return km === null ? null : km[2]!;
  }
  switch (part) {
    case "HOST":
      return host === undefined || host === "" ? null : host;
    case "PATH":
      return path ?? "";
    case "QUERY":
      return query ?? null;
    case "REF":
      return ref ?? null;
    case "PROTOCOL":
      return protocol ?? null;
    case "FILE":
      return (path ?? "") + (query === undefined ? "" : `?${query}`);
    case "AUTHORITY":
      return authority ?? null;
    case "USERINFO":
      return userInfo ?? null;
    default:
      return null;
  }
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    strictUtf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

function literalCharset(args: readonly Expr[], fn: string): void {
  const c = args[1];
  if (c !== undefined && c.kind === "Literal" && typeof c.value === "string") checkCharset(c.value, fn);
}

/** Registry entries for string ↔ bytes conversions. */
export const STRING_CODEC_FUNCTIONS: readonly ScalarFunctionDef[] = [
  rowFunction({
    name: "base64",
    doc: doc("base64(bin)", "Returns `bin` (a binary, or a string as its UTF-8 bytes) in base 64."),
    params: ["binary"],
    result: StringType,
    row: ([b]) => base64(b as Uint8Array),
  }),
  rowFunction({
    name: "unbase64",
    doc: doc("unbase64(str)", "Decodes the base 64 string `str` into binary."),
    params: ["string"],
    result: BinaryType,
    row: ([s]) => unbase64(s as string),
  }),
  rowFunction({
    name: "encode",
    doc: doc("encode(str, charset)", "Encodes `str` into binary with `charset` (US-ASCII, ISO-8859-1, UTF-8, UTF-16BE, UTF-16LE, UTF-16, UTF-32)."),
    params: ["string", "string"],
    result: BinaryType,
    check: (args) => literalCharset(args, "encode"),
    row: ([s, c]) => encodeCharset(s as string, checkCharset(c as string, "encode")),
  }),
  rowFunction({
    name: "decode",
    doc: doc("decode(bin, charset)", "Decodes `bin` with `charset` into a string."),
    params: ["binary", "string"],
    result: StringType,
    check: (args) => literalCharset(args, "decode"),
    row: ([b, c]) => decodeCharset(b as Uint8Array, checkCharset(c as string, "decode")),
  }),
  rowFunction({
    name: "to_binary",
    doc: doc("to_binary(str[, fmt])", "Converts `str` to binary by `fmt` ('hex' by default, 'utf-8', 'base64'); malformed input is an error."),
    params: ["string", "string"],
    minArgs: 1,
    defaults: [lit("hex", StringType)],
    result: BinaryType,
    row: ([s, f]) => toBinary(s as string, f as string, "to_binary", true),
  }),
  rowFunction({
    name: "try_to_binary",
    doc: doc("try_to_binary(str[, fmt])", "As to_binary, but null for malformed input."),
    params: ["string", "string"],
    minArgs: 1,
    defaults: [lit("hex", StringType)],
    result: BinaryType,
    mayReturnNull: true,
    row: ([s, f]) => toBinary(s as string, f as string, "try_to_binary", false),
  }),
  rowFunction({
    name: "url_encode",
    doc: doc("url_encode(str)", "Encodes `str` in application/x-www-form-urlencoded form (UTF-8)."),
    params: ["string"],
    result: StringType,
    row: ([s]) => urlEncode(s as string),
  }),
  rowFunction({
    name: "url_decode",
    doc: doc("url_decode(str)", "Decodes an application/x-www-form-urlencoded `str`; a malformed escape is CANNOT_DECODE_URL."),
    params: ["string"],
    result: StringType,
    row: ([s]) => urlDecode(s as string, true),
  }),
  rowFunction({
    name: "try_url_decode",
    doc: doc("try_url_decode(str)", "As url_decode, but null for a malformed escape."),
    params: ["string"],
    result: StringType,
    mayReturnNull: true,
    row: ([s]) => urlDecode(s as string, false),
  }),
  rowFunction({
    name: "parse_url",
    doc: doc("parse_url(url, partToExtract[, key])", "Returns a part of `url` (HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY, USERINFO), or the value of query parameter `key`."),
    params: ["string", "string", "string"],
    minArgs: 2,
    maxArgs: 3,
    result: StringType,
    mayReturnNull: true,
    row: ([u, p, k], _s, ctx) => parseUrl(u as string, p as string, k as string | undefined, ctx.ansi),
  }),
  rowFunction({
    name: "try_parse_url",
    doc: doc("try_parse_url(url, partToExtract[, key])", "As parse_url, but null for an invalid URL."),
    params: ["string", "string", "string"],
    minArgs: 2,
    maxArgs: 3,
    result: StringType,
    mayReturnNull: true,
    row: ([u, p, k]) => parseUrl(u as string, p as string, k as string | undefined, false),
  }),
  rowFunction({
    name: "is_valid_utf8",
    doc: doc("is_valid_utf8(str)", "Returns true if `str` is valid UTF-8."),
    params: ["stringOrBinary"],
    result: BooleanType,
    row: ([s]) => isValidUtf8(bytesOf(s)),
  }),
  rowFunction({
    name: "make_valid_utf8",
    doc: doc("make_valid_utf8(str)", "Returns `str` with invalid UTF-8 sequences replaced by U+FFFD."),
    params: ["stringOrBinary"],
    result: StringType,
    row: ([s]) => utf8Decoder.decode(bytesOf(s)),
  }),
  rowFunction({
    name: "validate_utf8",
    doc: doc("validate_utf8(str)", "Returns `str` if it is valid UTF-8, else raises INVALID_UTF8_STRING."),
    params: ["stringOrBinary"],
    result: StringType,
    row: ([s]) => {
      const b = bytesOf(s);
      if (!isValidUtf8(b)) {
        throw new SparkException("IllegalArgumentException", "INVALID_UTF8_STRING", { str: Array.from(b, (x) => `\\x${x.toString(16).toUpperCase().padStart(2, "0")}`).join("") });
      }
      return utf8Decoder.decode(b);
    },
  }),
  rowFunction({
    name: "try_validate_utf8",
    doc: doc("try_validate_utf8(str)", "Returns `str` if it is valid UTF-8, else null."),
    params: ["stringOrBinary"],
    result: StringType,
    mayReturnNull: true,
    row: ([s]) => {
      const b = bytesOf(s);
      return isValidUtf8(b) ? utf8Decoder.decode(b) : null;
    },
  }),
];
