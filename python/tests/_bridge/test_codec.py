"""The codec uses the options the golden vectors were recorded with."""
from tspark._bridge import codec, protocol


def test_bin_and_str_round_trip():
    msg = {"kind": "batch", "id": "r1", "columns": [[b"\x00\x01", "é", None, 2 ** 63 - 1, -(2 ** 63), 1.5]]}
    data = codec.pack(msg)
    assert codec.unpack(data) == msg
    assert b"\xc4\x02\x00\x01" in data  # bytes travel as msgpack bin 8
    assert b"\xd3\x80" in data  # int64 minimum exact


def test_kind_is_first_key():
    m = protocol.execute("r1", "s", {"kind": "Range", "start": 0, "end": 1, "step": 1})
    assert list(m)[:2] == ["kind", "id"]
    assert codec.pack(m)[1:6] == b"\xa4kind"


def test_handshake_carries_interpreter():
    import sys
    m = protocol.handshake("r0", None, "app", {})
    assert m["pythonExec"] == sys.executable and m["protocolVersion"] == 1 and "token" not in m


def test_a_string_that_is_not_utf8_decodes_with_replacement_characters():
    # the engine keeps a file's bytes as read; Spark's UTF8String.toString replaces malformed input
    raw = b"\x81\xa1s\xa4v\xcd\x01x"  # {"s": "v<0xcd 0x01>x"}
    assert codec.unpack(raw) == {"s": "v\ufffd\x01x"}
