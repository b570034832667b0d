import { IntegerType, StringType, type DataType } from "../../types/data-type.js";
import { collationReplace } from "../kernels/collation-search.js";
import { callCollation } from "./collation.js";
import { exprNullable } from "../expr-type.js";
import { changeCase } from "../kernels/string-case.js";
import { utf8Length } from "../kernels/string-slice.js";
import { checkArity, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArgs, doc, lit, rowFunction } from "./row-function.js";

// String functions that rewrite their input: padding, repetition, translation, masking,
// phonetic codes. Lengths and positions count code points, as Spark's UTF8String.

const encoder = new TextEncoder();

/** A one-argument UTF-8 kernel under another Spark name (lcase is lower, char_length is length …). */
function utf8Alias(name: string, kernel: typeof utf8Length, result: DataType, description: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(str)`, description),
    resolve(_n, given) {
      checkArity(name, given, 1);
      const args = coerceArgs(name, given, ["string"], result);
      return scalarCall(name, args, result, exprNullable(args[0]!));
    },
    eval([a]) {
      return kernel(a!);
    },
  };
}

function pad(s: string, len: number, p: string, left: boolean): string {
  const c = Array.from(s);
  if (len < 0) return "";
  const spaces = len - c.length;
  if (spaces <= 0 || p === "") return c.slice(0, len).join("");
  const pc = Array.from(p);
  const fill: string[] = [];
  for (let i = 0; i < spaces; i++) fill.push(pc[i % pc.length]!);
  return left ? fill.join("") + s : s + fill.join("");
}

function translate(s: string, matching: string, replace: string): string {
  const from = Array.from(matching);
  const to = Array.from(replace);
  const map = new Map<string, string | null>();
  from.forEach((ch, i) => {
    if (!map.has(ch)) map.set(ch, i < to.length ? to[i]! : null);
  });
  let out = "";
  for (const ch of s) {
    if (!map.has(ch)) out += ch;
    else {
      const r = map.get(ch);
      if (r !== null && r !== undefined) out += r;
    }
  }
  return out;
}

function overlay(s: string, r: string, pos: number, len: number): string {
  const c = Array.from(s);
  const rl = Array.from(r).length;
  const l = len >= 0 ? len : rl;
  const head = c.slice(0, Math.max(0, pos - 1)).join("");
  const tail = c.slice(Math.max(0, pos - 1 + l)).join("");
  return head + r + tail;
}

/** Spark's initcap: lower-case, then title-case the first letter after each space. */
function initcap(s: string): string {
  let out = "";
  let start = true;
  for (const ch of s.toLowerCase()) {
    out += start ? ch.toUpperCase() : ch;
    start = ch === " ";
  }
  return out;
}

/** Soundex codes of A…Z; 7 marks H and W, which do not separate equal codes (Spark's US_ENGLISH_MAPPING). */
const SOUNDEX = "01230127022455012623017202";

/** Spark's UTF8String.soundex: a string whose first character is no ASCII letter is returned unchanged. */
function soundex(s: string): string {
  if (s === "") return "";
  const up = (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c);
  const first = up(s.charCodeAt(0));
  if (first < 65 || first > 90) return s;
  const sx = [String.fromCharCode(first), "0", "0", "0"];
  let k = 1;
  let last = SOUNDEX[first - 65]!;
  const bytes = encoder.encode(s);
  for (let i = 1; i < bytes.length && k <= 3; i++) {
    const b = up(bytes[i]!);
    if (b < 65 || b > 90) {
      last = "0";
      continue;
    }
    const code = SOUNDEX[b - 65]!;
    if (code === "7") continue;
    if (code !== "0" && code !== last) sx[k++] = code;
    last = code;
  }
  return sx.join("");
}

/** Levenshtein distance over code points; with a threshold, -1 when the distance exceeds it. */
function levenshtein(a: string, b: string, threshold: number | null): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  const d = prev[y.length]!;
  return threshold !== null && d > threshold ? -1 : d;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** mask: upper-case letters, lower-case letters and digits replaced (null keeps that class), others by `other` when given. */
function mask(s: string, upper: unknown, lower: unknown, digit: unknown, other: unknown): string {
  const first = (v: unknown): string | null => (v === null ? null : (Array.from(v as string)[0] ?? null));
  const [u, l, d, o] = [first(upper), first(lower), first(digit), first(other)];
  let out = "";
  // Spark masks UTF-16 units: a supplementary character is two "other" characters.
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    if (isUpper(ch)) out += u ?? ch;
    else if (isLower(ch)) out += l ?? ch;
    else if (ch >= "0" && ch <= "9") out += d ?? ch;
    else out += o ?? ch;
  }
  return out;
}

function byteLength(v: unknown): number {
  return v instanceof Uint8Array ? v.length : encoder.encode(v as string).length;
}

/** Registry entries for string rewriting functions. */
export const STRING_TRANSFORM_FUNCTIONS: readonly ScalarFunctionDef[] = [
  utf8Alias("lcase", (v) => changeCase(v, false), StringType, "Returns `str` with all characters changed to lowercase (same as lower)."),
  utf8Alias("ucase", (v) => changeCase(v, true), StringType, "Returns `str` with all characters changed to uppercase (same as upper)."),
  utf8Alias("char_length", utf8Length, IntegerType, "Returns the number of characters of `str` (same as length)."),
  utf8Alias("character_length", utf8Length, IntegerType, "Returns the number of characters of `str` (same as length)."),
  utf8Alias("len", utf8Length, IntegerType, "Returns the number of characters of `str` (same as length)."),
  rowFunction({
    name: "bit_length",
    doc: doc("bit_length(expr)", "Returns the length of a string or binary value in bits."),
    params: ["stringOrBinary"],
    result: IntegerType,
    row: ([v]) => byteLength(v) * 8,
  }),
  rowFunction({
    name: "octet_length",
    doc: doc("octet_length(expr)", "Returns the length of a string or binary value in bytes."),
    params: ["stringOrBinary"],
    result: IntegerType,
    row: ([v]) => byteLength(v),
  }),
  rowFunction({
    name: "repeat",
    doc: doc("repeat(str, n)", "Returns `str` repeated `n` times (empty when n <= 0)."),
    params: ["string", "int"],
    result: StringType,
    row: ([s, n]) => ((n as number) <= 0 ? "" : (s as string).repeat(n as number)),
  }),
  rowFunction({
    name: "replace",
    doc: doc("replace(str, search[, replace])", "Replaces every occurrence of `search` in `str` with `replace` (empty by default); an empty search changes nothing."),
    params: ["string", "string", "string"],
    minArgs: 2,
    defaults: [lit("", StringType)],
    result: StringType,
    // under a collation, matches of `search` are found as that collation compares (Spark's StringReplace)
    prepare: (call) => callCollation(call),
    row: ([s, f, r], c) => ((f as string) === "" ? s : c !== null ? collationReplace(c, s as string, f as string, r as string) : (s as string).split(f as string).join(r as string)),
  }),
  rowFunction({
    name: "translate",
    doc: doc("translate(input, from, to)", "Replaces each character of `input` found in `from` by the character at the same position of `to`, deleting it when `to` is shorter."),
    params: ["string", "string", "string"],
    result: StringType,
    row: ([s, f, t]) => translate(s as string, f as string, t as string),
  }),
  rowFunction({
    name: "overlay",
    doc: doc("overlay(input, replace, pos[, len])", "Replaces `len` characters of `input` from 1-based `pos` with `replace` (len defaults to the length of replace)."),
    params: ["string", "string", "int", "int"],
    minArgs: 3,
    defaults: [lit(-1, IntegerType)],
    result: StringType,
    row: ([s, r, p, l]) => overlay(s as string, r as string, p as number, l as number),
  }),
  rowFunction({
    name: "lpad",
    doc: doc("lpad(str, len[, pad])", "Returns `str` left-padded with `pad` (a space by default) to `len` characters, or truncated to len."),
    params: ["string", "int", "string"],
    minArgs: 2,
    defaults: [lit(" ", StringType)],
    result: StringType,
    row: ([s, n, p]) => pad(s as string, n as number, p as string, true),
  }),
  rowFunction({
    name: "rpad",
    doc: doc("rpad(str, len[, pad])", "Returns `str` right-padded with `pad` (a space by default) to `len` characters, or truncated to len."),
    params: ["string", "int", "string"],
    minArgs: 2,
    defaults: [lit(" ", StringType)],
    result: StringType,
    row: ([s, n, p]) => pad(s as string, n as number, p as string, false),
  }),
  rowFunction({
    name: "initcap",
    doc: doc("initcap(str)", "Returns `str` with the first letter of each space-separated word in uppercase and the rest in lowercase."),
    params: ["string"],
    result: StringType,
    row: ([s]) => initcap(s as string),
  }),
  rowFunction({
    name: "soundex",
    doc: doc("soundex(str)", "Returns the Soundex code of `str` (unchanged when it does not start with an ASCII letter)."),
    params: ["string"],
    result: StringType,
    row: ([s]) => soundex(s as string),
  }),
  rowFunction({
    name: "levenshtein",
    doc: doc("levenshtein(str1, str2[, threshold])", "Returns the Levenshtein distance between the strings; -1 when it exceeds `threshold`."),
    params: ["string", "string", "int"],
    minArgs: 2,
    maxArgs: 3,
    result: IntegerType,
    row: ([a, b, t]) => levenshtein(a as string, b as string, t === undefined ? null : (t as number)),
  }),
  rowFunction({
    name: "mask",
    doc: doc("mask(input[, upperChar, lowerChar, digitChar, otherChar])", "Masks `input`: upper-case letters become `X`, lower-case `x`, digits `n` (by default); other characters stay unless otherChar is given."),
    params: ["string", "string", "string", "string", "string"],
    minArgs: 1,
    defaults: [lit("X", StringType), lit("x", StringType), lit("n", StringType), lit(null, StringType)],
    parameterNames: ["str", "upperChar", "lowerChar", "digitChar", "otherChar"],
    result: StringType,
    nullSafe: true,
    mayReturnNull: true,
    row: ([s, u, l, d, o]) => (s === null ? null : mask(s as string, u, l, d, o)),
  }),
];
