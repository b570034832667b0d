"""createDataFrame's client side: infer or parse the schema, verify rows, encode them as wire values."""
from typing import Any, List, Optional, Tuple

from tspark.errors import PySparkTypeError
from tspark.sql import types as T
from tspark.sql._convert import rows_to_wire
from tspark.sql._infer import infer_schema_from_list
from tspark.sql._verify import make_verifier


def _normalize_schema(schema: Any) -> Tuple[Optional[T.DataType], Optional[List[str]]]:
    """(declared type, column names) from a StructType, DataType, DDL string or list of names."""
    if schema is None:
        return None, None
    if isinstance(schema, str):
        return T.DataType.fromDDL(schema), None
    if isinstance(schema, T.DataType):
        return schema, None
    if isinstance(schema, (list, tuple)) and all(isinstance(n, str) for n in schema):
        return None, list(schema)
    raise PySparkTypeError(errorClass="NOT_LIST_OR_NONE_OR_STRUCT", messageParameters={
        "arg_name": "schema", "arg_type": type(schema).__name__})


def local_relation_parts(data: Any, schema: Any = None, verifySchema: bool = True
                         ) -> Tuple[T.StructType, List[List[Any]]]:
    """The schema and wire rows of a LocalRelation for createDataFrame(data, schema)."""
    names: Optional[List[str]]
    declared, names = _normalize_schema(schema)
    if not isinstance(data, list):
        data = list(data)
    if declared is not None and not isinstance(declared, T.StructType):
        # An atomic schema ("int") wraps each value into a one-column row named "value".
        declared = T.StructType([T.StructField("value", declared, True)])
        data = [(v,) for v in data]
        verify = make_verifier(declared)
    elif declared is not None:
        verify = make_verifier(declared)
    else:
        declared = infer_schema_from_list(data, names=names)
        if names:
            for f, n in zip(declared.fields, names):
                f.name = n
            declared.names = [f.name for f in declared.fields]
        verify = None
    assert isinstance(declared, T.StructType)
    if verify is not None and verifySchema:
        for row in data:
            verify(row)
    return declared, rows_to_wire(data, declared)
