import { isUtf8 } from "node:buffer";
import { Utf8Builder } from "../columnar/utf8.js";
import { makeVector, type Vector } from "../columnar/vector.js";
import { AnalysisException, SparkException } from "../errors/spark-exception.js";

/** The charsets Spark 4 accepts in the file sources' `encoding` option (CharsetProvider.VALID_CHARSETS, legacy javaCharsets off). */
const SPARK_CHARSETS = ["iso-8859-1", "us-ascii", "utf-16", "utf-16be", "utf-16le", "utf-32", "utf-8"];

/** Checks an `encoding` option as Spark's CharsetProvider.forName does for `caller` (e.g. JSONOptionsInRead): INVALID_PARAMETER_VALUE.CHARSET otherwise. */
export function checkSparkCharset(name: string, caller: string): void {
  if (SPARK_CHARSETS.includes(name.trim().toLowerCase())) return;
  throw new SparkException("IllegalArgumentException", "INVALID_PARAMETER_VALUE.CHARSET", {
    parameter: "`charset`",
    functionName: `\`${caller}\``,
    charset: name,
    charsets: SPARK_CHARSETS.join(", "),
  });
}

/**
 * Text of `bytes` in the Java charset `name` (the `encoding` / `charset` option), as Java's
 * decoders read it: UTF-16 and UTF-32 without an endianness honour a byte-order mark and are
 * big-endian without one (WHATWG's "utf-16" would be little-endian); bytes that do not decode
 * become U+FFFD. UTF-32 is decoded here (TextDecoder has no UTF-32); other charsets through
 * TextDecoder (UTF-8, UTF-16LE/BE, ISO-8859-*, windows-125x …). An unknown name fails as
 * Java's Charset.forName does (UnsupportedCharsetException).
 */
export function decodeCharset(bytes: Uint8Array, name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, "-");
  switch (n) {
    case "utf-16":
    case "utf16":
      return decodeUtf16WithBom(bytes);
    case "utf-32":
    case "utf32":
      return decodeUtf32WithBom(bytes);
    case "utf-32be":
      return decodeUtf32(bytes, 0, false);
    case "utf-32le":
      return decodeUtf32(bytes, 0, true);
    default:
      return decoderFor(n).decode(bytes);
  }
}

/** UTF-8 bytes of `bytes` read in charset `name` (the readers' byte tokenizers take UTF-8). */
export function transcodeToUtf8(bytes: Uint8Array, name: string): Uint8Array {
  return new TextEncoder().encode(decodeCharset(bytes, name));
}

function decoderFor(n: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(n);
  } catch {
    throw new AnalysisException("_LEGACY_ERROR_TEMP_2400", { message: `Unsupported encoding: ${n}` });
  }
}

function decodeUtf16WithBom(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  return new TextDecoder("utf-16be").decode(b);
}

function decodeUtf32WithBom(b: Uint8Array): string {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return decodeUtf32(b, 4, true);
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return decodeUtf32(b, 4, false);
  return decodeUtf32(b, 0, false);
}

/** UTF-32 code units from `start`: a unit past U+10FFFF or a surrogate, or a trailing partial unit, is U+FFFD. */
function decodeUtf32(b: Uint8Array, start: number, little: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  let cps: number[] = [];
  for (let i = start; i + 4 <= b.length; i += 4) {
    const cp = view.getUint32(i, little);
    cps.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (cps.length === 8192) {
      parts.push(String.fromCodePoint(...cps));
      cps = [];
    }
  }
  if ((b.length - start) % 4 !== 0) cps.push(0xfffd);
  if (cps.length > 0) parts.push(String.fromCodePoint(...cps));
  return parts.join("");
}

const replacingUtf8 = new TextDecoder("utf-8");

/**
 * The values of a string vector read from bytes that are not all valid UTF-8, each decoded on
 * its own with U+FFFD for what does not decode, as Java's decoder gives Spark the text of a
 * file (a value's bytes never join with the next value's). Valid values are copied as they are.
 */
export function replaceInvalidUtf8(v: Vector): Vector {
  if (v.storage !== "utf8") return v;
  const { offsets, bytes } = v.data;
  const b = new Utf8Builder(v.length, offsets[v.length]! + 16);
  for (let i = 0; i < v.length; i++) {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    if (isUtf8(bytes.subarray(s, e))) b.appendRange(bytes, s, e);
    else b.appendString(replacingUtf8.decode(bytes.subarray(s, e)));
  }
  return makeVector(v.type, b.finish(), v.validity, v.length);
}
