"""Open a bridge connection: embedded engine (default) or a remote ``tcp://host:port[/;k=v...]``.

URL parameters: ``token`` (else ``spark.tspark.token``, env TSPARK_AUTH_TOKEN, or the token file a
loopback ``serve`` generated), ``serverKey`` and ``clientKey`` for CURVE (see _bridge/security.py).
"""
import os
from typing import Any, Dict, Optional, Tuple

from tspark._bridge.client import Client
from tspark._bridge.launcher import EmbeddedEngine
from tspark._bridge.security import curve_keys, local_engine_token
from tspark.errors import PySparkNotImplementedError


def parse_remote(url: str) -> Tuple[str, Dict[str, str]]:
    """``tcp://h:p/;token=T`` -> (``tcp://h:p``, {"token": "T"}).

    ``sc://`` names a Spark Connect (gRPC) server, not a tspark engine: reading it as ``tcp://``
    would write ZeroMQ frames to a gRPC port and wait forever, so it is refused at once.
    """
    if url.startswith("sc://"):
        raise PySparkNotImplementedError.feature(
            "Running on a Spark Connect server (%s)" % url.split("/;")[0])
    base, _, params = url.partition("/;")
    base = base.rstrip("/")
    opts: Dict[str, str] = {}
    for part in params.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            opts[k.strip()] = v.strip()
    return base, opts


def open_client(remote: Optional[str], options: Dict[str, str], on_dead: Any
                ) -> Tuple[Client, Optional[EmbeddedEngine]]:
    """Connect (starting an engine when not remote) and perform the handshake."""
    app_name = options.get("spark.app.name")
    # credentials stay on the client: they are not session conf the engine could echo back
    conf = {k: v for k, v in options.items()
            if k not in ("spark.remote", "spark.tspark.token") and not k.startswith("spark.tspark.curve.")}
    engine: Optional[EmbeddedEngine] = None
    if remote:
        address, params = parse_remote(remote)
        curve = curve_keys(params, options)
        token = (params.get("token") or options.get("spark.tspark.token") or os.environ.get("TSPARK_AUTH_TOKEN")
                 or local_engine_token(address))
        timeout = float(options.get("spark.tspark.client.livenessTimeout", "6"))
        client = Client(address, token=token, liveness_timeout=timeout, on_dead=on_dead, curve=curve)
    else:
        engine = EmbeddedEngine.start()
        client = Client(engine.address, token=engine.token, is_alive=engine.alive,
                        describe_death=engine.describe_death, on_dead=on_dead)
    try:
        client.handshake(app_name, conf)
    except BaseException:
        client.close(release=False)
        if engine is not None:
            engine.stop()
        raise
    return client, engine
