"""XML functions (Spark's xml_funcs): XPath 1.0 over XML text, the path a literal; from_xml,
schema_of_xml and to_xml on the XML data source's reader and writer."""
from typing import Any, Dict, Optional

from tspark.sql._invoke import invoke
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all
from tspark.sql.functions._json import _options, _schema
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql._invoke import to_col_expr


def xpath(xml: Any, path: Any) -> Column:
    return invoke("xpath", xml, path)


def xpath_boolean(xml: Any, path: Any) -> Column:
    return invoke("xpath_boolean", xml, path)


def xpath_double(xml: Any, path: Any) -> Column:
    return invoke("xpath_double", xml, path)


def xpath_number(xml: Any, path: Any) -> Column:
    return invoke("xpath_number", xml, path)


def xpath_float(xml: Any, path: Any) -> Column:
    return invoke("xpath_float", xml, path)


def xpath_int(xml: Any, path: Any) -> Column:
    return invoke("xpath_int", xml, path)


def xpath_long(xml: Any, path: Any) -> Column:
    return invoke("xpath_long", xml, path)


def xpath_short(xml: Any, path: Any) -> Column:
    return invoke("xpath_short", xml, path)


def xpath_string(xml: Any, path: Any) -> Column:
    return invoke("xpath_string", xml, path)


def from_xml(col: Any, schema: Any, options: Optional[Dict[str, str]] = None) -> Column:
    return Column(E.function("from_xml", [to_col_expr(col), _schema(schema)] + _options(options)))


def schema_of_xml(xml: Any, options: Optional[Dict[str, str]] = None) -> Column:
    if not isinstance(xml, (str, Column)):
        from tspark.errors import PySparkTypeError
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                               messageParameters={"arg_name": "xml", "arg_type": type(xml).__name__})
    x = make_literal(xml) if isinstance(xml, str) else xml._expr
    return Column(E.function("schema_of_xml", [x] + _options(options)))


def to_xml(col: Any, options: Optional[Dict[str, str]] = None) -> Column:
    return Column(E.function("to_xml", [to_col_expr(col)] + _options(options)))


__all__ = family_all(globals())
