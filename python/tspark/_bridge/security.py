"""Client-side credentials: a loopback engine's generated token, and CURVE keys.

A standalone ``tspark-engine serve`` on loopback with no token generates one into
``$TSPARK_RUNTIME_DIR`` (else ``~/.tspark/run``) as ``engine-<port>.token``, mode 0600 in a 0700
directory (ts-engine/src/server/security/token-file.ts): the same user's clients read it, other
local users cannot. CURVE (ZeroMQ RFC 26) encrypts the connection and proves both ends' keys: the
client needs the engine's public key and its own key pair (``tspark-engine keys generate DIR
--name NAME``), from the ``.remote()`` URL, ``spark.tspark.curve.*`` conf or ``TSPARK_CURVE_*`` env.
"""
import os
import re
import stat
from typing import Mapping, NamedTuple, Optional

from tspark.errors import PySparkRuntimeError


class CurveKeys(NamedTuple):
    """Z85 keys for a CURVE client socket."""
    server_public: bytes
    public: bytes
    secret: bytes


_Z85 = re.compile(r"^[0-9a-zA-Z.\-:+=^!/*?&<>()\[\]{}@%$#]{40}$")


def _config_error(message: str) -> PySparkRuntimeError:
    return PySparkRuntimeError(errorClass="TSPARK_ENGINE_START_FAILED", messageParameters={"message": message})


def runtime_dir() -> str:
    """Where a loopback engine leaves its generated token (same rule as the engine)."""
    d = os.environ.get("TSPARK_RUNTIME_DIR")
    return d if d else os.path.join(os.path.expanduser("~"), ".tspark", "run")


def _loopback_port(address: str) -> Optional[int]:
    m = re.match(r"^tcp://(\[[^\]]*\]|[^:/]*):(\d+)$", address)
    if m is None:
        return None
    host = m.group(1).strip("[]").lower()
    if host in ("localhost", "::1") or host.startswith("127."):
        return int(m.group(2))
    return None


def _check_private(path: str) -> None:
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        raise _config_error("%s is readable by other users (mode %03o); run chmod 600 %s" % (path, mode, path))


def local_engine_token(address: str) -> Optional[str]:
    """The token a loopback ``serve`` generated for this port, when this user can read it."""
    port = _loopback_port(address)
    if port is None:
        return None
    path = os.path.join(runtime_dir(), "engine-%d.token" % port)
    try:
        _check_private(path)
        with open(path, "r", encoding="utf-8") as f:
            return f.read().strip() or None
    except OSError:
        return None


def _key_fields(text: str) -> dict:
    fields = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=" in line and not _Z85.match(line):
            k, v = line.split("=", 1)
            fields[k.strip()] = v.strip()
        else:
            fields["public-key"] = line
    return fields


def _public_key(value: str, what: str) -> bytes:
    """A Z85 public key given inline or as the path of a ``.pub`` / ``.key`` file."""
    if _Z85.match(value):
        return value.encode("ascii")
    try:
        with open(value, "r", encoding="utf-8") as f:
            key = _key_fields(f.read()).get("public-key", "")
    except OSError as e:
        raise _config_error("%s: cannot read %s (%s)" % (what, value, e.strerror))
    if not _Z85.match(key):
        raise _config_error("%s: %s holds no CURVE public key (40 Z85 characters)" % (what, value))
    return key.encode("ascii")


def _key_pair(path: str, what: str):
    try:
        _check_private(path)
        with open(path, "r", encoding="utf-8") as f:
            fields = _key_fields(f.read())
    except OSError as e:
        raise _config_error("%s: cannot read %s (%s)" % (what, path, e.strerror))
    pub, sec = fields.get("public-key", ""), fields.get("secret-key", "")
    if not (_Z85.match(pub) and _Z85.match(sec)):
        raise _config_error("%s: %s is not a tspark CURVE key file (tspark-engine keys generate DIR --name NAME)" % (what, path))
    return pub.encode("ascii"), sec.encode("ascii")


def curve_keys(params: Mapping[str, str], options: Mapping[str, str]) -> Optional[CurveKeys]:
    """CURVE settings from URL params (``serverKey``, ``clientKey``), conf or env; None when unset."""
    server = params.get("serverKey") or options.get("spark.tspark.curve.serverKey") or os.environ.get("TSPARK_CURVE_SERVER_KEY")
    client = params.get("clientKey") or options.get("spark.tspark.curve.clientKey") or os.environ.get("TSPARK_CURVE_CLIENT_KEY")
    if not server and not client:
        return None
    if not server or not client:
        raise _config_error(
            "CURVE needs both the engine's public key (spark.tspark.curve.serverKey or TSPARK_CURVE_SERVER_KEY: "
            "40 Z85 characters or a .pub file) and this client's key file (spark.tspark.curve.clientKey or "
            "TSPARK_CURVE_CLIENT_KEY: a .key file from `tspark-engine keys generate DIR --name NAME`)")
    import zmq
    if not zmq.has("curve"):
        raise _config_error("this pyzmq's libzmq was built without CURVE support")
    pub, sec = _key_pair(client, "spark.tspark.curve.clientKey")
    return CurveKeys(_public_key(server, "spark.tspark.curve.serverKey"), pub, sec)
