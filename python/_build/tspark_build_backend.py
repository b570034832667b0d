"""PEP 517 backend: setuptools, after recording this checkout's engine CLI path.

The generated module tspark/_engine_path.py lets an installed client find
ts-engine/dist/bundle/cli.js from any working directory (the launcher checks it exists).
"""
from pathlib import Path

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F401,F403

_ROOT = Path(__file__).resolve().parents[2]


def _record_engine_path() -> None:
    cli = _ROOT / "ts-engine" / "dist" / "bundle" / "cli.js"  # the bundled engine (ts-engine/scripts/bundle.mjs)
    target = _ROOT / "python" / "tspark" / "_engine_path.py"
    target.write_text('"""Generated at install time: where the engine CLI of this checkout lives."""\n'
                      "ENGINE_CLI = %r\n" % str(cli))


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):  # noqa: D103
    _record_engine_path()
    return _orig.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):  # noqa: D103
    _record_engine_path()
    return _orig.build_editable(wheel_directory, config_settings, metadata_directory)
