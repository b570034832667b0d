#!/usr/bin/env python3
"""Regenerates bridge/vectors/**/<case>.msgpack from each <case>.json, with Python's msgpack.

The .json holds the decoded form of one message under "message". JSON cannot say
everything msgpack can, so three tagged maps stand for what it cannot:
  {"$int": "9007199254740993"}  an integer (used for ints beyond ±2^53, exact in every language)
  {"$float": 1.0}               a float64 even when integral (JSON readers may turn 1.0 into 1)
  {"$bin": "<base64>"}          msgpack bin (bytes)
Messages are encoded exactly as the Python client does: msgpack.packb(obj, use_bin_type=True).

Usage (any Python with `msgpack` installed, e.g. the project venv):
  .venv/bin/python bridge/record_vectors.py          # rewrite the .msgpack goldens
  .venv/bin/python bridge/record_vectors.py --check  # exit 1 if any golden differs (CI)
"""
from __future__ import annotations

import base64
import json
import pathlib
import sys
from typing import Any, Dict, List

import msgpack

VECTORS = pathlib.Path(__file__).resolve().parent / "vectors"


def untag(v: Any) -> Any:
    """The Python value a tagged JSON value stands for."""
    if isinstance(v, dict):
        if len(v) == 1:
            (key, inner), = v.items()
            if key == "$int":
                return int(inner)
            if key == "$float":
                return float(inner)
            if key == "$bin":
                return base64.b64decode(inner)
        return {k: untag(x) for k, x in v.items()}
    if isinstance(v, list):
        return [untag(x) for x in v]
    return v


def load_case(path: pathlib.Path) -> Dict[str, Any]:
    """One vector case (the .json file)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def encode(message: Any) -> bytes:
    """The golden bytes of a message: the client's own msgpack options."""
    return msgpack.packb(untag(message), use_bin_type=True)


def cases() -> List[pathlib.Path]:
    """Every vector case, sorted for stable output."""
    return sorted(VECTORS.rglob("*.json"))


def main(argv: List[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in cases():
        golden = path.with_suffix(".msgpack")
        data = encode(load_case(path)["message"])
        if check:
            if not golden.exists() or golden.read_bytes() != data:
                stale.append(str(golden.relative_to(VECTORS.parent)))
        else:
            golden.write_bytes(data)
            print(f"wrote {golden.relative_to(VECTORS.parent)} ({len(data)} bytes)")
    if stale:
        print("stale vectors (run bridge/record_vectors.py):\n  " + "\n  ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
