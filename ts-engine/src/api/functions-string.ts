import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { toColumn } from "./column-or-name.js";
import type { ColumnOrValue } from "./column.js";
import { invoke, invokeExprs, invokeWithLiterals, litArg, numOrCol } from "./invoke.js";
import { PySparkTypeError } from "./errors.js";
import { Column as ColumnClass } from "./column.js";

// String and regular-expression functions (Spark's string_funcs group).

/** Upper-case. */
export const upper = (c: ColumnOrName): Column => invoke("upper", c);
/** Lower-case. */
export const lower = (c: ColumnOrName): Column => invoke("lower", c);
/** Length in characters. */
export const length = (c: ColumnOrName): Column => invoke("length", c);
/** Strips spaces at both ends. */
export const trim = (c: ColumnOrName, trimStr?: ColumnOrName): Column => (trimStr === undefined ? invoke("trim", c) : invoke("trim", c, trimStr));
/** Strips leading spaces. */
export const ltrim = (c: ColumnOrName, trimStr?: ColumnOrName): Column => (trimStr === undefined ? invoke("ltrim", c) : invoke("ltrim", c, trimStr));
/** Strips trailing spaces. */
export const rtrim = (c: ColumnOrName, trimStr?: ColumnOrName): Column => (trimStr === undefined ? invoke("rtrim", c) : invoke("rtrim", c, trimStr));
/** Concatenation (null if any input is null). */
export const concat = (...cols: ColumnOrName[]): Column => invoke("concat", ...cols);
/** Concatenation with a separator, skipping nulls. */
export const concat_ws = (sep: string, ...cols: ColumnOrName[]): Column => invokeExprs("concat_ws", [litArg(sep), ...cols.map((c) => toColumn(c).expr)]);
/** `len` characters from 1-based position `pos`. */
export const substring = (c: ColumnOrName, pos: number, len: number): Column => invokeWithLiterals("substring", c, pos, len);
/** `substr(str, pos[, len])` with Column or name arguments. */
export const substr = (str: ColumnOrName, pos: ColumnOrName, len?: ColumnOrName): Column =>
  len === undefined ? invoke("substr", str, pos) : invoke("substr", str, pos, len);
/** Splits around matches of a regular expression. */
export const split = (c: ColumnOrName, pattern: string, limit = -1): Column => invokeWithLiterals("split", c, pattern, limit);
/** True where `right` occurs in `left`. */
export const contains = (left: ColumnOrName, right: ColumnOrName): Column => invoke("contains", left, right);
/** True where `str` starts with `prefix`. */
export const startswith = (str: ColumnOrName, prefix: ColumnOrName): Column => invoke("startswith", str, prefix);
/** True where `str` ends with `suffix`. */
export const endswith = (str: ColumnOrName, suffix: ColumnOrName): Column => invoke("endswith", str, suffix);
/** SQL LIKE (`%`, `_`; `escapeChar` escapes them, `\` by default). */
export const like = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column =>
  escapeChar === undefined ? invoke("like", str, pattern) : invoke("like", str, pattern, escapeChar);
/** Case-insensitive LIKE. */
export const ilike = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column =>
  escapeChar === undefined ? invoke("ilike", str, pattern) : invoke("ilike", str, pattern, escapeChar);
/** True where some substring of `str` matches the Java regular expression `regexp`. */
export const rlike = (str: ColumnOrName, regexp: ColumnOrName): Column => invoke("rlike", str, regexp);
/** The code point of the first character. */
export const ascii = (c: ColumnOrName): Column => invoke("ascii", c);
/** Base 64 text of a binary (or a string's UTF-8 bytes). */
export const base64 = (c: ColumnOrName): Column => invoke("base64", c);
/** Binary of base 64 text. */
export const unbase64 = (c: ColumnOrName): Column => invoke("unbase64", c);
/** Length in bits. */
export const bit_length = (c: ColumnOrName): Column => invoke("bit_length", c);
/** Length in bytes. */
export const octet_length = (c: ColumnOrName): Column => invoke("octet_length", c);
/** The character with code `c` mod 256. */
export const char = (c: ColumnOrName): Column => invoke("char", c);
/** Length in characters. */
export const char_length = (c: ColumnOrName): Column => invoke("char_length", c);
/** Length in characters. */
export const character_length = (c: ColumnOrName): Column => invoke("character_length", c);
/** Lower-case. */
export const lcase = (c: ColumnOrName): Column => invoke("lcase", c);
/** Upper-case. */
export const ucase = (c: ColumnOrName): Column => invoke("ucase", c);
/** First letter of each word upper-case, the rest lower-case. */
export const initcap = (c: ColumnOrName): Column => invoke("initcap", c);
/** The Soundex code. */
export const soundex = (c: ColumnOrName): Column => invoke("soundex", c);
/** application/x-www-form-urlencoded form. */
export const url_encode = (c: ColumnOrName): Column => invoke("url_encode", c);
/** Decodes application/x-www-form-urlencoded text. */
export const url_decode = (c: ColumnOrName): Column => invoke("url_decode", c);
/** As url_decode, null for a malformed escape. */
export const try_url_decode = (c: ColumnOrName): Column => invoke("try_url_decode", c);
/** True for valid UTF-8. */
export const is_valid_utf8 = (c: ColumnOrName): Column => invoke("is_valid_utf8", c);
/** Invalid UTF-8 replaced by U+FFFD. */
export const make_valid_utf8 = (c: ColumnOrName): Column => invoke("make_valid_utf8", c);
/** The value, or an error for invalid UTF-8. */
export const validate_utf8 = (c: ColumnOrName): Column => invoke("validate_utf8", c);
/** The value, or null for invalid UTF-8. */
export const try_validate_utf8 = (c: ColumnOrName): Column => invoke("try_validate_utf8", c);
/** Decodes a binary with `charset`. */
export const decode = (c: ColumnOrName, charset: string): Column => invokeWithLiterals("decode", c, charset);
/** Encodes a string with `charset`. */
export const encode = (c: ColumnOrName, charset: string): Column => invokeWithLiterals("encode", c, charset);
/** The `n`-th of the inputs (1-based). */
export const elt = (...inputs: ColumnOrName[]): Column => invoke("elt", ...inputs);
/** 1-based index of `str` in a comma-separated list, 0 when absent. */
export const find_in_set = (str: ColumnOrName, strArray: ColumnOrName): Column => invoke("find_in_set", str, strArray);
/** 1-based position of `substr` in `str`, 0 when absent. */
export const instr = (str: ColumnOrName, substr: ColumnOrValue): Column => invokeWithLiterals("instr", str, substr);
/** The leftmost `len` characters. */
export const left = (str: ColumnOrName, len: ColumnOrName): Column => invoke("left", str, len);
/** The rightmost `len` characters. */
export const right = (str: ColumnOrName, len: ColumnOrName): Column => invoke("right", str, len);
/** Levenshtein distance; -1 past `threshold`. */
export const levenshtein = (l: ColumnOrName, r: ColumnOrName, threshold?: number): Column =>
  threshold === undefined ? invoke("levenshtein", l, r) : invokeExprs("levenshtein", [toColumn(l).expr, toColumn(r).expr, litArg(threshold)]);
/** 1-based position of `substr` in `str` at or after `pos`. */
export const locate = (substr: string, str: ColumnOrName, pos = 1): Column => invokeExprs("locate", [litArg(substr), toColumn(str).expr, litArg(pos)]);
/** Same as locate, with Column arguments. */
export const position = (substr: ColumnOrName, str: ColumnOrName, start?: ColumnOrName): Column =>
  start === undefined ? invoke("position", substr, str) : invoke("position", substr, str, start);
/** Left-pads to `len` characters with `pad`. */
export const lpad = (c: ColumnOrName, len: ColumnOrValue, pad: ColumnOrValue): Column => invokeWithLiterals("lpad", c, len, pad);
/** Right-pads to `len` characters with `pad`. */
export const rpad = (c: ColumnOrName, len: ColumnOrValue, pad: ColumnOrValue): Column => invokeWithLiterals("rpad", c, len, pad);
/** Masks letters and digits (`X`, `x`, `n` by default). */
export const mask = (c: ColumnOrName, upperChar?: ColumnOrName, lowerChar?: ColumnOrName, digitChar?: ColumnOrName, otherChar?: ColumnOrName): Column =>
  invokeExprs("mask", [
    toColumn(c).expr,
    upperChar === undefined ? litArg("X") : toColumn(upperChar).expr,
    lowerChar === undefined ? litArg("x") : toColumn(lowerChar).expr,
    digitChar === undefined ? litArg("n") : toColumn(digitChar).expr,
    otherChar === undefined ? litArg(null) : toColumn(otherChar).expr,
  ]);
/** Replaces `len` characters from `pos` with `replace`. */
export function overlay(src: ColumnOrName, replace: ColumnOrName, pos: ColumnOrName | number, len: ColumnOrName | number = -1): Column {
  for (const [name, v] of [["pos", pos], ["len", len]] as const) {
    if (typeof v !== "number" && typeof v !== "string" && !(v instanceof ColumnClass)) {
      throw new PySparkTypeError("NOT_COLUMN_OR_INT_OR_STR", { arg_name: name, arg_type: typeof v });
    }
  }
  return invokeExprs("overlay", [toColumn(src).expr, toColumn(replace).expr, numOrCol(pos), numOrCol(len)]);
}
/** True where some substring matches the Java regex (same as rlike). */
export const regexp = (str: ColumnOrName, re: ColumnOrName): Column => invoke("regexp", str, re);
/** True where some substring matches the Java regex (same as rlike). */
export const regexp_like = (str: ColumnOrName, re: ColumnOrName): Column => invoke("regexp_like", str, re);
/** How many times the Java regex matches. */
export const regexp_count = (str: ColumnOrName, re: ColumnOrName): Column => invoke("regexp_count", str, re);
/** Group `idx` of the first match of the Java regex, or an empty string. */
export const regexp_extract = (str: ColumnOrName, pattern: string, idx: number): Column => invokeWithLiterals("regexp_extract", str, pattern, idx);
/** Group `idx` (1 by default) of every match, as an array. */
export const regexp_extract_all = (str: ColumnOrName, re: ColumnOrName, idx?: ColumnOrValue): Column =>
  idx === undefined ? invoke("regexp_extract_all", str, re) : invokeExprs("regexp_extract_all", [toColumn(str).expr, toColumn(re).expr, toExprValue(idx)]);
/** 1-based position of the first match (of group `idx`), 0 without one. */
export const regexp_instr = (str: ColumnOrName, re: ColumnOrName, idx?: ColumnOrValue): Column =>
  idx === undefined ? invoke("regexp_instr", str, re) : invokeExprs("regexp_instr", [toColumn(str).expr, toColumn(re).expr, toExprValue(idx)]);
/** Every match of the Java regex replaced by `replacement` (`$1` names a group). */
export const regexp_replace = (str: ColumnOrName, pattern: ColumnOrValue, replacement: ColumnOrValue): Column =>
  invokeWithLiterals("regexp_replace", str, pattern, replacement);
/** The first substring matching the Java regex, null without one. */
export const regexp_substr = (str: ColumnOrName, re: ColumnOrName): Column => invoke("regexp_substr", str, re);
/** The string repeated `n` times. */
export const repeat = (c: ColumnOrName, n: ColumnOrName | number): Column => invokeExprs("repeat", [toColumn(c).expr, numOrCol(n)]);
/** Every occurrence of `search` replaced by `replace` (removed without it). */
export const replace = (src: ColumnOrName, search: ColumnOrName, rep?: ColumnOrName): Column =>
  rep === undefined ? invoke("replace", src, search) : invoke("replace", src, search, rep);
/** Part `partNum` of the string split by `delimiter`. */
export const split_part = (src: ColumnOrName, delimiter: ColumnOrName, partNum: ColumnOrName): Column => invoke("split_part", src, delimiter, partNum);
/** The part before the `count`-th `delim` (after it, from the end, when negative). */
export const substring_index = (str: ColumnOrName, delim: string, count: number): Column => invokeWithLiterals("substring_index", str, delim, count);
/** Binary from hex (default), utf-8 or base64 text. */
export const to_binary = (c: ColumnOrName, format?: ColumnOrName): Column => (format === undefined ? invoke("to_binary", c) : invoke("to_binary", c, format));
/** As to_binary, null for malformed input. */
export const try_to_binary = (c: ColumnOrName, format?: ColumnOrName): Column => (format === undefined ? invoke("try_to_binary", c) : invoke("try_to_binary", c, format));
/** Characters of `matching` replaced by those of `replace` at the same position. */
export const translate = (src: ColumnOrName, matching: string, rep: string): Column => invokeWithLiterals("translate", src, matching, rep);
/** A part of a URL (HOST, PATH, QUERY …), or query parameter `key`. */
export const parse_url = (url: ColumnOrName, part: ColumnOrName, key?: ColumnOrName): Column =>
  key === undefined ? invoke("parse_url", url, part) : invoke("parse_url", url, part, key);
/** As parse_url, null for an invalid URL. */
export const try_parse_url = (url: ColumnOrName, part: ColumnOrName, key?: ColumnOrName): Column =>
  key === undefined ? invoke("try_parse_url", url, part) : invoke("try_parse_url", url, part, key);

function toExprValue(v: ColumnOrValue): ReturnType<typeof litArg> {
  return v instanceof ColumnClass ? v.expr : litArg(v);
}
/** Strips `trimStr`'s characters (spaces by default) from both ends. */
export const btrim = (str: ColumnOrName, trimStr?: ColumnOrName): Column => (trimStr === undefined ? invoke("btrim", str) : invoke("btrim", str, trimStr));
/** Sentences of words. */
export const sentences = (str: ColumnOrName, language?: ColumnOrName, country?: ColumnOrName): Column =>
  invokeExprs("sentences", [toColumn(str).expr, language === undefined ? litArg("") : toColumn(language).expr, country === undefined ? litArg("") : toColumn(country).expr]);
/** printf-style formatting (java.util.Formatter). */
export const format_string = (format: string, ...cols: ColumnOrName[]): Column => invokeExprs("format_string", [litArg(format), ...cols.map((c) => toColumn(c).expr)]);
/** printf-style formatting with a Column format. */
export const printf = (format: ColumnOrName, ...cols: ColumnOrName[]): Column => invoke("printf", format, ...cols);
/** `#,###,##0.00` formatting with `d` decimals. */
export const format_number = (c: ColumnOrName, d: number): Column => invokeWithLiterals("format_number", c, d);
