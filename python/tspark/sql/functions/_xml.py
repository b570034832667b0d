"""XPath functions (Spark's xml_funcs): XPath 1.0 over XML text, the path a literal."""
from typing import Any

from tspark.sql._invoke import invoke
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all


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


__all__ = family_all(globals())
