"""String and regular-expression functions (Spark's string_funcs group)."""
from typing import Any, Optional

from tspark.errors import PySparkTypeError

from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column
from tspark.sql._invoke import invoke, invoke_with_literals, lit_or_col, to_col_expr
from tspark.sql.column import to_expr
from tspark.sql.functions._family import family_all


def upper(col: Any) -> Column:
    return invoke("upper", col)


def lower(col: Any) -> Column:
    return invoke("lower", col)


def length(col: Any) -> Column:
    return invoke("length", col)


def trim(col: Any, trim: Any = None) -> Column:
    return invoke("trim", col) if trim is None else invoke("trim", col, trim)


def ltrim(col: Any, trim: Any = None) -> Column:
    return invoke("ltrim", col) if trim is None else invoke("ltrim", col, trim)


def rtrim(col: Any, trim: Any = None) -> Column:
    return invoke("rtrim", col) if trim is None else invoke("rtrim", col, trim)


def concat(*cols: Any) -> Column:
    return invoke("concat", *cols)


def concat_ws(sep: str, *cols: Any) -> Column:
    return Column(E.function("concat_ws", [make_literal(sep)] + [to_col_expr(c) for c in cols]))


def substring(str: Any, pos: int, len: int) -> Column:
    return invoke_with_literals("substring", str, pos, len)


def substr(str: Any, pos: Any, len: Any = None) -> Column:
    return invoke("substr", str, pos) if len is None else invoke("substr", str, pos, len)


def split(str: Any, pattern: str, limit: int = -1) -> Column:
    return invoke_with_literals("split", str, pattern, limit)


def contains(left: Any, right: Any) -> Column:
    return invoke("contains", left, right)


def startswith(str: Any, prefix: Any) -> Column:
    return invoke("startswith", str, prefix)


def endswith(str: Any, suffix: Any) -> Column:
    return invoke("endswith", str, suffix)


def like(str: Any, pattern: Any, escapeChar: Any = None) -> Column:
    return invoke("like", str, pattern) if escapeChar is None else invoke("like", str, pattern, escapeChar)


def ilike(str: Any, pattern: Any, escapeChar: Any = None) -> Column:
    return invoke("ilike", str, pattern) if escapeChar is None else invoke("ilike", str, pattern, escapeChar)


def rlike(str: Any, regexp: Any) -> Column:
    return invoke("rlike", str, regexp)


def ascii(col: Any) -> Column:
    return invoke("ascii", col)


def base64(col: Any) -> Column:
    return invoke("base64", col)


def unbase64(col: Any) -> Column:
    return invoke("unbase64", col)


def bit_length(col: Any) -> Column:
    return invoke("bit_length", col)


def octet_length(col: Any) -> Column:
    return invoke("octet_length", col)


def char(col: Any) -> Column:
    return invoke("char", col)


def char_length(str: Any) -> Column:
    return invoke("char_length", str)


def character_length(str: Any) -> Column:
    return invoke("character_length", str)


def lcase(str: Any) -> Column:
    return invoke("lcase", str)


def ucase(str: Any) -> Column:
    return invoke("ucase", str)


def decode(col: Any, charset: str) -> Column:
    return invoke_with_literals("decode", col, charset)


def encode(col: Any, charset: str) -> Column:
    return invoke_with_literals("encode", col, charset)


def elt(*inputs: Any) -> Column:
    return invoke("elt", *inputs)


def find_in_set(str: Any, str_array: Any) -> Column:
    return invoke("find_in_set", str, str_array)


def initcap(col: Any) -> Column:
    return invoke("initcap", col)


def instr(str: Any, substr: Any) -> Column:
    return invoke_with_literals("instr", str, substr)


def left(str: Any, len: Any) -> Column:
    return invoke("left", str, len)


def right(str: Any, len: Any) -> Column:
    return invoke("right", str, len)


def levenshtein(left: Any, right: Any, threshold: Optional[int] = None) -> Column:
    if threshold is None:
        return invoke("levenshtein", left, right)
    return Column(E.function("levenshtein", [to_col_expr(left, "left"), to_col_expr(right, "right"), make_literal(threshold)]))


def locate(substr: str, str: Any, pos: int = 1) -> Column:
    return Column(E.function("locate", [make_literal(substr), to_col_expr(str, "str"), make_literal(pos)]))


def position(substr: Any, str: Any, start: Any = None) -> Column:
    return invoke("position", substr, str) if start is None else invoke("position", substr, str, start)


def lpad(col: Any, len: Any, pad: Any) -> Column:
    return invoke_with_literals("lpad", col, len, pad)


def rpad(col: Any, len: Any, pad: Any) -> Column:
    return invoke_with_literals("rpad", col, len, pad)


def mask(col: Any, upperChar: Any = None, lowerChar: Any = None, digitChar: Any = None, otherChar: Any = None) -> Column:
    from tspark.sql.functions._columns import lit
    return invoke("mask", col, lit("X") if upperChar is None else upperChar, lit("x") if lowerChar is None else lowerChar,
                  lit("n") if digitChar is None else digitChar, lit(None) if otherChar is None else otherChar)


def overlay(src: Any, replace: Any, pos: Any, len: Any = -1) -> Column:
    for name, v in (("pos", pos), ("len", len)):
        if not isinstance(v, (int, str, Column)):
            raise PySparkTypeError(errorClass="NOT_COLUMN_OR_INT_OR_STR",
                                   messageParameters={"arg_name": name, "arg_type": type(v).__name__})
    return Column(E.function("overlay", [to_col_expr(src, "src"), to_col_expr(replace, "replace"),
                                         lit_or_col(pos, int), lit_or_col(len, int)]))


def regexp(str: Any, regexp: Any) -> Column:
    return invoke("regexp", str, regexp)


def regexp_like(str: Any, regexp: Any) -> Column:
    return invoke("regexp_like", str, regexp)


def regexp_count(str: Any, regexp: Any) -> Column:
    return invoke("regexp_count", str, regexp)


def regexp_extract(str: Any, pattern: str, idx: int) -> Column:
    return invoke_with_literals("regexp_extract", str, pattern, idx)


def regexp_extract_all(str: Any, regexp: Any, idx: Any = None) -> Column:
    if idx is None:
        return invoke("regexp_extract_all", str, regexp)
    return Column(E.function("regexp_extract_all", [to_col_expr(str, "str"), to_col_expr(regexp, "regexp"), to_expr(idx)]))


def regexp_instr(str: Any, regexp: Any, idx: Any = None) -> Column:
    if idx is None:
        return invoke("regexp_instr", str, regexp)
    return Column(E.function("regexp_instr", [to_col_expr(str, "str"), to_col_expr(regexp, "regexp"), to_expr(idx)]))


def regexp_replace(string: Any, pattern: Any, replacement: Any) -> Column:
    return invoke_with_literals("regexp_replace", string, pattern, replacement)


def regexp_substr(str: Any, regexp: Any) -> Column:
    return invoke("regexp_substr", str, regexp)


def repeat(col: Any, n: Any) -> Column:
    return Column(E.function("repeat", [to_col_expr(col), lit_or_col(n, int)]))


def replace(src: Any, search: Any, replace: Any = None) -> Column:
    return invoke("replace", src, search) if replace is None else invoke("replace", src, search, replace)


def soundex(col: Any) -> Column:
    return invoke("soundex", col)


def split_part(src: Any, delimiter: Any, partNum: Any) -> Column:
    return invoke("split_part", src, delimiter, partNum)


def substring_index(str: Any, delim: str, count: int) -> Column:
    return invoke_with_literals("substring_index", str, delim, count)


def to_binary(col: Any, format: Any = None) -> Column:
    return invoke("to_binary", col) if format is None else invoke("to_binary", col, format)


def try_to_binary(col: Any, format: Any = None) -> Column:
    return invoke("try_to_binary", col) if format is None else invoke("try_to_binary", col, format)


def translate(srcCol: Any, matching: str, replace: str) -> Column:
    return invoke_with_literals("translate", srcCol, matching, replace)


def url_encode(str: Any) -> Column:
    return invoke("url_encode", str)


def url_decode(str: Any) -> Column:
    return invoke("url_decode", str)


def try_url_decode(str: Any) -> Column:
    return invoke("try_url_decode", str)


def parse_url(url: Any, partToExtract: Any, key: Any = None) -> Column:
    return invoke("parse_url", url, partToExtract) if key is None else invoke("parse_url", url, partToExtract, key)


def try_parse_url(url: Any, partToExtract: Any, key: Any = None) -> Column:
    return invoke("try_parse_url", url, partToExtract) if key is None else invoke("try_parse_url", url, partToExtract, key)


def is_valid_utf8(str: Any) -> Column:
    return invoke("is_valid_utf8", str)


def make_valid_utf8(str: Any) -> Column:
    return invoke("make_valid_utf8", str)


def validate_utf8(str: Any) -> Column:
    return invoke("validate_utf8", str)


def try_validate_utf8(str: Any) -> Column:
    return invoke("try_validate_utf8", str)


def btrim(str: Any, trim: Any = None) -> Column:
    return invoke("btrim", str) if trim is None else invoke("btrim", str, trim)


def sentences(string: Any, language: Any = None, country: Any = None) -> Column:
    from tspark.sql.functions._columns import lit
    return invoke("sentences", string, lit("") if language is None else language, lit("") if country is None else country)


def format_string(format: str, *cols: Any) -> Column:
    return Column(E.function("format_string", [make_literal(format)] + [to_col_expr(c) for c in cols]))


def printf(format: Any, *cols: Any) -> Column:
    return invoke("printf", format, *cols)


def format_number(col: Any, d: int) -> Column:
    return invoke_with_literals("format_number", col, d)


__all__ = family_all(globals())
