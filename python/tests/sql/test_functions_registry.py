"""Every function tspark.sql.functions calls is in the engine's registry, except a known
list still awaiting the engine (STYLE habit 11: the function name is the contract)."""
import inspect
import json
import pathlib
import re
import shutil
import subprocess

import pytest

from tspark.sql.functions import builtin

REGISTRY = pathlib.Path(__file__).resolve().parents[3] / "ts-engine" / "dist" / "expr" / "functions" / "registry.js"

#: called by the client, not registered by the engine yet
AWAITING_ENGINE = {"explode", "monotonically_increasing_id", "rand"}


def engine_names():
    if shutil.which("node") is None or not REGISTRY.exists():
        pytest.skip("engine not built")
    code = "import(%s).then(m => console.log(JSON.stringify(m.registeredFunctionNames())))" % json.dumps(
        REGISTRY.as_uri())
    out = subprocess.run(["node", "--input-type=module", "-e", code], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        pytest.fail("engine registry did not load: %s" % out.stderr[-300:])
    return set(json.loads(out.stdout))


def client_names():
    src = inspect.getsource(builtin)
    return set(re.findall(r'invoke(?:_distinct|_with_literals)?\("([a-z_]+)"', src)) | \
        set(re.findall(r'E\.function\("([a-z_]+)"', src))


def test_client_function_names_are_registered():
    missing = client_names() - engine_names()
    assert missing <= AWAITING_ENGINE, sorted(missing - AWAITING_ENGINE)
