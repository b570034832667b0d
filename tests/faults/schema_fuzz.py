"""A seeded structured fuzzer built from bridge/schema: random plans and expressions that follow
the JSON Schema's shapes (kinds, field names, nesting) with hostile values (huge and negative
ints, long and odd strings, wrong types, missing fields), plus byte-level garbage and msgpack
headers that claim huge lengths. Every value is replayable from the seed."""
from __future__ import annotations

import json
import pathlib
import random
import struct
from typing import Any, Dict, List

import msgpack

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "bridge" / "schema"

_INTS = [0, 1, -1, 2, 7, 100, 2 ** 31 - 1, 2 ** 31, -2 ** 31, 2 ** 53, 2 ** 63 - 1, -2 ** 63, 10 ** 9]
_STRINGS = ["", "a", "id", "x" * 300, "\u0000", "é", "`id`", "*", "a.b", "SELECT 1", "1 +", "((((", "%s" * 20]


class SchemaFuzzer:
    """Random wire values shaped by the bridge's JSON Schemas."""

    def __init__(self, rng: random.Random, max_depth: int = 6):
        self.rng = rng
        self.max_depth = max_depth
        self.docs: Dict[str, Dict[str, Any]] = {
            p.name: json.loads(p.read_text()) for p in SCHEMA_DIR.glob("*.json")}
        self.plan_kinds: List[str] = [k for k in self.docs["plan.json"]["$defs"] if k != "Relation"]

    def _resolve(self, ref: str, doc: str) -> tuple[Dict[str, Any], str]:
        file, _, pointer = ref.partition("#")
        doc = file or doc
        node: Any = self.docs[doc]
        for part in pointer.strip("/").split("/"):
            if part:
                node = node[part]
        return node, doc

    def value(self, schema: Dict[str, Any], doc: str, depth: int = 0) -> Any:
        """A value for `schema`; past max_depth, or now and then, something off-schema."""
        rng = self.rng
        if rng.random() < 0.03:
            return self.junk(depth)
        if "$ref" in schema:
            if depth > self.max_depth:
                return {"kind": "Range", "start": 0, "end": rng.choice([0, 1, 5]), "step": 1}
            target, tdoc = self._resolve(schema["$ref"], doc)
            return self.value(target, tdoc, depth + 1)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self.value(rng.choice(schema[key]), doc, depth)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return rng.choice(schema["enum"])
        t = schema.get("type")
        if isinstance(t, list):
            t = rng.choice(t)
        if t == "object" or "properties" in schema:
            props = schema.get("properties", {})
            required = set(schema.get("required", []))
            out: Dict[str, Any] = {}
            for name, sub in props.items():
                if name in required:
                    if rng.random() < 0.02:
                        continue  # a missing required field
                elif rng.random() < 0.7:
                    continue
                out[name] = self.value(sub, doc, depth + 1)
            return out
        if t == "array":
            items = schema.get("items", {})
            n = rng.choice([0, 1, 1, 2, 3]) if depth < self.max_depth else 0
            return [self.value(items, doc, depth + 1) for _ in range(n)]
        if t == "integer":
            return rng.choice(_INTS) if rng.random() < 0.5 else rng.randint(-5, 20)
        if t == "number":
            return rng.choice([0.0, -0.0, 1.5, float("inf"), float("nan"), 1e308])
        if t == "string":
            return rng.choice(_STRINGS)
        if t == "boolean":
            return rng.random() < 0.5
        return self.junk(depth)

    def junk(self, depth: int) -> Any:
        rng = self.rng
        choice = rng.randrange(7)
        if choice == 0:
            return None
        if choice == 1:
            return rng.choice(_INTS)
        if choice == 2:
            return rng.choice(_STRINGS)
        if choice == 3:
            return bytes(rng.getrandbits(8) for _ in range(rng.randrange(16)))
        if choice == 4:
            return [] if depth > 3 else [self.junk(depth + 1)]
        if choice == 5:
            return {"kind": rng.choice(self.plan_kinds)}
        return {"kind": "Teleport", "x": 1}

    def plan(self) -> Any:
        """A random relation."""
        return self.value({"$ref": "plan.json#/$defs/Relation"}, "plan.json")


def hostile_headers() -> List[bytes]:
    """msgpack frames whose headers claim far more than they hold: a 2 GiB string or binary, an
    array of 2^31 values, a map of 2^32-1 entries, nested alone or inside a request map."""
    claims = [
        b"\xdb" + struct.pack(">I", 2 ** 31 - 1) + b"abc",        # str32
        b"\xc6" + struct.pack(">I", 2 ** 31) + b"\x00",          # bin32
        b"\xdd" + struct.pack(">I", 2 ** 31) + b"\x01\x02",      # array32
        b"\xdf" + struct.pack(">I", 2 ** 32 - 1) + b"\xa1k\x01", # map32
        b"\xc9" + struct.pack(">I", 2 ** 31) + b"\x01",          # ext32
    ]
    out = list(claims)
    for c in claims:
        # {kind: "analyze", id: "h", plan: <claim>}
        out.append(b"\x83" + msgpack.packb("kind") + msgpack.packb("analyze") + msgpack.packb("id") + msgpack.packb("h")
                   + msgpack.packb("plan") + c)
    return out
