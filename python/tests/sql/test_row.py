"""Row behaves like PySpark's: tuple, named access, repr, factory."""
import pickle

import pytest

from tspark.sql import Row


def test_repr_and_access():
    r = Row(name="Alice", age=2)
    assert repr(r) == "Row(name='Alice', age=2)"
    assert r.name == "Alice" and r["age"] == 2 and r[0] == "Alice" and tuple(r) == ("Alice", 2)
    assert r.asDict() == {"name": "Alice", "age": 2}
    assert "name" in r


def test_factory():
    P = Row("a", "b")
    assert repr(P) == "<Row('a', 'b')>"
    assert repr(P(1, 2)) == "Row(a=1, b=2)"


def test_recursive_as_dict_and_pickle():
    r = Row(x=Row(y=1), l=[Row(z=2)])
    assert r.asDict(True) == {"x": {"y": 1}, "l": [{"z": 2}]}
    assert pickle.loads(pickle.dumps(r)) == r and pickle.loads(pickle.dumps(r)).x.y == 1


def test_missing_field():
    with pytest.raises(AttributeError):
        Row(a=1).b
