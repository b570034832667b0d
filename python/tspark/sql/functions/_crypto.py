"""AES encryption (Spark's misc_funcs aes_encrypt / aes_decrypt / try_aes_decrypt): GCM, CBC and
ECB with Spark's byte layouts, so values round-trip with real Spark."""
from typing import Any

from tspark.sql._invoke import invoke
from tspark.sql.column import Column
from tspark.sql.functions._columns import lit
from tspark.sql.functions._family import family_all


def aes_encrypt(input: Any, key: Any, mode: Any = None, padding: Any = None, iv: Any = None, aad: Any = None) -> Column:
    return invoke("aes_encrypt", input, key, lit("GCM") if mode is None else mode, lit("DEFAULT") if padding is None else padding,
                  lit("") if iv is None else iv, lit("") if aad is None else aad)


def aes_decrypt(input: Any, key: Any, mode: Any = None, padding: Any = None, aad: Any = None) -> Column:
    return invoke("aes_decrypt", input, key, lit("GCM") if mode is None else mode, lit("DEFAULT") if padding is None else padding,
                  lit("") if aad is None else aad)


def try_aes_decrypt(input: Any, key: Any, mode: Any = None, padding: Any = None, aad: Any = None) -> Column:
    return invoke("try_aes_decrypt", input, key, lit("GCM") if mode is None else mode, lit("DEFAULT") if padding is None else padding,
                  lit("") if aad is None else aad)


__all__ = family_all(globals())
