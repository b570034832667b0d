"""bridge/vectors: Python's msgpack (the client's options) encodes each case to exactly the
golden bytes and decodes the golden back to the case. The TypeScript suite checks the same
files (ts-engine/test/bridge/vectors.test.ts), so the two sides cannot drift apart."""
from __future__ import annotations

import importlib.util
import pathlib
from types import ModuleType

import msgpack
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
VECTORS = ROOT / "bridge" / "vectors"


def _load_recorder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("record_vectors", ROOT / "bridge" / "record_vectors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


recorder = _load_recorder()
CASES = sorted(VECTORS.rglob("*.json"))


def _id(path: pathlib.Path) -> str:
    return str(path.relative_to(VECTORS).with_suffix(""))


def test_vectors_exist() -> None:
    areas = {p.parent.name for p in CASES}
    assert {"handshake", "plan", "reply", "rdd"} <= areas
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_python_encodes_the_golden_bytes(case: pathlib.Path) -> None:
    message = recorder.untag(recorder.load_case(case)["message"])
    golden = case.with_suffix(".msgpack").read_bytes()
    assert msgpack.packb(message, use_bin_type=True) == golden


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_python_decodes_the_golden(case: pathlib.Path) -> None:
    message = recorder.untag(recorder.load_case(case)["message"])
    golden = case.with_suffix(".msgpack").read_bytes()
    decoded = msgpack.unpackb(golden, raw=False, strict_map_key=False)
    assert decoded == message
    assert _types(decoded) == _types(message)


def _types(v: object) -> object:
    """The shape with Python types, so 1 vs 1.0 and str vs bytes count as differences."""
    if isinstance(v, dict):
        return {k: _types(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_types(x) for x in v]
    return type(v).__name__


def test_longs_beyond_2_53_stay_exact() -> None:
    case = recorder.load_case(VECTORS / "plan" / "local-relation-bigint.json")
    rows = recorder.untag(case["message"])["plan"]["rows"]
    assert rows[0][0] == 2**53 + 1 and rows[1][0] == -(2**63)
    golden = (VECTORS / "plan" / "local-relation-bigint.msgpack").read_bytes()
    assert bytes.fromhex("cf0020000000000001") in golden
    assert bytes.fromhex("d38000000000000000") in golden


def test_doubles_travel_as_float64() -> None:
    golden = (VECTORS / "reply" / "batch.msgpack").read_bytes()
    decoded = msgpack.unpackb(golden, raw=False)
    assert decoded["columns"][2][0] == 1.0 and isinstance(decoded["columns"][2][0], float)
    assert isinstance(decoded["columns"][0][1], int)


def test_record_check_passes() -> None:
    assert recorder.main(["--check"]) == 0


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_client_codec_matches_the_goldens(case: pathlib.Path) -> None:
    """The client's own codec (tspark._bridge.codec) writes and reads the same bytes."""
    from tspark._bridge import codec

    message = recorder.untag(recorder.load_case(case)["message"])
    golden = case.with_suffix(".msgpack").read_bytes()
    assert codec.pack(message) == golden
    assert codec.unpack(golden) == message


def _kinds(v: object, out: set) -> set:
    if isinstance(v, dict):
        if isinstance(v.get("kind"), str):
            out.add(v["kind"])
        for x in v.values():
            _kinds(x, out)
    elif isinstance(v, list):
        for x in v:
            _kinds(x, out)
    return out


def test_every_projection_kind_has_a_vector() -> None:
    kinds: set = set()
    for case in CASES:
        _kinds(recorder.load_case(case)["message"], kinds)
    missing = {"WithColumns", "WithColumnsRenamed", "Drop", "Distinct", "ToDF", "UnresolvedStar"} - kinds
    assert not missing, missing
