"""Row: PySpark's tuple subclass with named fields.

Public as tspark.sql.Row / tspark.sql.types.Row; defined at the package's lowest layer because
the Python workers build Rows too (struct values) and must not import the client's tspark.sql.
"""
from typing import Any, Dict, List, Optional, Tuple

__all__ = ["Row"]


def _create_row(fields: List[str], values: Tuple[Any, ...]) -> "Row":
    row = Row(*values)
    row.__fields__ = fields
    return row


_ROW_CLASSES: Dict[Tuple[str, ...], type] = {}


class Row(tuple):
    """A row of a DataFrame: ``Row(name='Alice', age=2)``, or a factory ``Row("name", "age")``.

    Fields are reachable as attributes (``row.name``), keys (``row["name"]``) and
    positions (``row[0]``), exactly as in PySpark.
    """

    __fields__: List[str]

    def __new__(cls, *args: Any, **kwargs: Any) -> "Row":
        if args and kwargs:
            raise ValueError("Can not use both args and kwargs to create Row")
        if kwargs:
            row = tuple.__new__(cls, list(kwargs.values()))
            row.__fields__ = list(kwargs.keys())
            return row
        return tuple.__new__(cls, args)

    @classmethod
    def _class_for(cls, fields: Tuple[str, ...]) -> type:
        """A Row subclass whose instances share `fields` (no per-row dict: fast result decoding)."""
        sub = _ROW_CLASSES.get(fields)
        if sub is None:
            sub = type("Row", (Row,), {"__fields__": list(fields), "__module__": Row.__module__,
                                       "__qualname__": "Row"})
            _ROW_CLASSES[fields] = sub
        return sub

    @classmethod
    def _from_fields(cls, fields: List[str], values: Tuple[Any, ...]) -> "Row":
        """Build a row with named fields without copying `fields` (used by result decoding)."""
        row = tuple.__new__(cls, values)
        row.__fields__ = fields
        return row

    def asDict(self, recursive: bool = False) -> Dict[str, Any]:
        """The row as a dict; with recursive=True nested Rows (also in lists/dicts) too."""
        if not hasattr(self, "__fields__"):
            raise TypeError("Cannot convert a Row class into dict")
        if recursive:
            def conv(obj: Any) -> Any:
                if isinstance(obj, Row):
                    return obj.asDict(True)
                if isinstance(obj, list):
                    return [conv(o) for o in obj]
                if isinstance(obj, dict):
                    return dict((k, conv(v)) for k, v in obj.items())
                return obj
            return dict(zip(self.__fields__, (conv(o) for o in self)))
        return dict(zip(self.__fields__, self))

    def __contains__(self, item: Any) -> bool:
        if hasattr(self, "__fields__"):
            return item in self.__fields__
        return super().__contains__(item)

    def __call__(self, *args: Any) -> "Row":
        """A Row made by a field-name factory: ``Row("a", "b")(1, 2)``."""
        if len(args) > len(self):
            raise ValueError("Can not create Row with fields %s, expected %d values but got %s"
                             % (self, len(self), args))
        return _create_row(list(self), args)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, (int, slice)):
            return super().__getitem__(item)
        try:
            idx = self.__fields__.index(item)
            return super().__getitem__(idx)
        except IndexError:
            raise KeyError(item)
        except ValueError:
            raise ValueError(item)

    def __getattr__(self, item: str) -> Any:
        if item.startswith("__"):
            raise AttributeError(item)
        try:
            idx = self.__fields__.index(item)
            return self[idx]
        except IndexError:
            raise AttributeError(item)
        except ValueError:
            from tspark.errors import PySparkAttributeError
            raise PySparkAttributeError(errorClass="ATTRIBUTE_NOT_SUPPORTED",
                                        messageParameters={"attr_name": item})

    def __setattr__(self, key: Any, value: Any) -> None:
        if key != "__fields__":
            raise RuntimeError("Row is read-only")
        self.__dict__[key] = value

    def __reduce__(self) -> Any:
        if hasattr(self, "__fields__"):
            return (_create_row, (self.__fields__, tuple(self)))
        return tuple.__reduce__(self)

    def __repr__(self) -> str:
        if hasattr(self, "__fields__"):
            return "Row(%s)" % ", ".join("%s=%r" % (k, v) for k, v in zip(self.__fields__, tuple(self)))
        return "<Row(%s)>" % ", ".join(repr(field) for field in self)

    def _field_names(self) -> Optional[List[str]]:
        return getattr(self, "__fields__", None)
