"""PEP 517 backend: setuptools, plus the engine the client runs.

Two builds, chosen with the config setting ``engine``:

- ``bundle`` (the default: ``pip wheel .``, ``pip install .``): the wheel carries the built
  engine under tspark/_engine/ -- ts-engine's package.json, dist/bundle/ (the esbuild bundle of
  the CLI, ts-engine/scripts/bundle.mjs) and the production node_modules the bundle still loads
  at run time (the packages it keeps external: native addons and packages that load .wasm files
  beside themselves, with their dependencies). Those addons are native binaries, so the wheel is
  tagged for this platform (py3-none-<platform>) and carries only this platform's prebuilds.
- ``checkout`` (scripts/setup_venv.py: ``pip install -C engine=checkout .``): nothing is copied;
  the client runs this checkout's engine, so a rebuild is seen without reinstalling.

Both record this checkout's engine CLI in tspark/_engine_path.py; the launcher prefers the
carried engine and uses the recorded path only when the wheel carries none.
"""
import json
import re
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F401,F403

_ROOT = Path(__file__).resolve().parents[2]
_ENGINE = _ROOT / "ts-engine"
_BUNDLE = _ENGINE / "dist" / "bundle"
_STAGE = _ROOT / "python" / "tspark" / "_engine"  # package data of the bundle build (gitignored)
# What the bundle still loads at run time: require("x"), createRequire(url)("x") (a require esbuild
# leaves alone: xpath.ts) and the dynamic imports bundle.mjs rewrites to globalThis.__tsparkImport("x").
_SPECIFIER = re.compile(r"""(?:\brequire|__tsparkImport|createRequire\)\([^()]*\))\(\s*["']([^"'\s]+)["']\s*\)""")
# Within the native addons, what run time never reads: their C++ sources and intermediate objects
# (and, in _copy_package, zeromq's prebuilt binaries for other platforms).
_PRUNE = {"zeromq": ("src", "script"), "node-calls-python": ("src", "build/Release/obj.target", "build/Release/.deps"),
          "msgpackr-extract": ("src",)}
_BUILTINS = {"assert", "buffer", "child_process", "crypto", "events", "fs", "http", "https", "module", "net",
             "os", "path", "stream", "url", "util", "v8", "worker_threads", "zlib"}
_NODE_PLATFORM = {"linux": "linux", "darwin": "darwin", "win32": "win32", "cygwin": "win32"}
_NODE_ARCH = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64", "armv7l": "arm"}


def _record_engine_path() -> None:
    cli = _BUNDLE / "cli.js"
    target = _ROOT / "python" / "tspark" / "_engine_path.py"
    target.write_text('"""Generated at install time: where the engine CLI of this checkout lives."""\n'
                      "ENGINE_CLI = %r\n" % str(cli))


def _clear_stage() -> None:
    # build/lib is setuptools' in-tree build directory: a carried engine left there by an earlier
    # bundle build would otherwise land in a checkout build.
    for d in (_STAGE, _ROOT / "build" / "lib" / "tspark" / "_engine"):
        shutil.rmtree(d, ignore_errors=True)


def _bare_specifiers(text: str) -> "set[str]":
    """The packages named by the bundle's run-time requires (not Node's built-ins, not relative)."""
    names = set()
    for spec in _SPECIFIER.findall(text):
        if spec.startswith((".", "/", "node:")):
            continue
        parts = spec.split("/")
        names.add("/".join(parts[:2]) if spec.startswith("@") else parts[0])
    return {n for n in names if n not in _BUILTINS}


def _package_dir(name: str, start: Path) -> Path:
    """Node's lookup of package `name` from directory `start` (node_modules of each ancestor)."""
    for d in (start, *start.parents):
        cand = d / "node_modules" / name
        if (cand / "package.json").exists():
            return cand
    raise RuntimeError("tspark wheel: the engine needs the Node package %r, which is not installed "
                       "(run `npm ci` first)" % name)


def _runtime_packages(roots: "set[str]") -> "dict[str, Path]":
    """The packages `roots` need at run time: their dependencies and installed optional ones."""
    found: "dict[str, Path]" = {}
    todo = [(name, _ENGINE, False) for name in sorted(roots)]
    while todo:
        name, start, optional = todo.pop()
        if name in found:
            continue
        try:
            pkg = _package_dir(name, start)
        except RuntimeError:
            if optional:
                continue
            raise
        found[name] = pkg
        meta = json.loads((pkg / "package.json").read_text(encoding="utf-8"))
        todo += [(dep, pkg, False) for dep in meta.get("dependencies") or {}]
        # optional dependencies: another platform's prebuilds are simply not installed
        todo += [(dep, pkg, True) for dep in meta.get("optionalDependencies") or {}]
    return found


def _copy_package(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, symlinks=False, ignore=shutil.ignore_patterns("*.map", "*.md", ".*"))
    for rel in _PRUNE.get(src.parent.name + "/" + src.name if src.parent.name.startswith("@") else src.name, ()):
        shutil.rmtree(dst / rel, ignore_errors=True)
    # prebuilds laid out as build/<platform>/<arch>/ (zeromq's cmake-ts loader): keep this one
    plat = _NODE_PLATFORM.get(sys.platform, sys.platform)
    arch = _NODE_ARCH.get(sysconfig.get_platform().rsplit("-", 1)[-1].lower())
    if (dst / "build" / plat).is_dir():
        for other in (dst / "build").iterdir():
            if other.is_dir() and other.name in _NODE_PLATFORM.values() and other.name != plat:
                shutil.rmtree(other)
        for other in (dst / "build" / plat).iterdir():
            if arch and other.is_dir() and other.name != arch:
                shutil.rmtree(other)


def _stage_engine() -> None:
    if not (_BUNDLE / "cli.js").exists():
        raise RuntimeError("tspark wheel: build the engine first (`npm ci && npm run build`); "
                           "%s is missing" % (_BUNDLE / "cli.js"))
    _clear_stage()
    shutil.copytree(_BUNDLE, _STAGE / "dist" / "bundle", ignore=shutil.ignore_patterns("*.map"))
    shutil.copy2(_ENGINE / "package.json", _STAGE / "package.json")  # the engine's version (version.ts)
    roots: "set[str]" = set()
    for f in _BUNDLE.iterdir():
        if f.suffix in (".js", ".cjs", ".mjs"):
            roots |= _bare_specifiers(f.read_text(encoding="utf-8"))
    for name, src in sorted(_runtime_packages(roots).items()):
        _copy_package(src, _STAGE / "node_modules" / name)


def _mode(config_settings) -> str:
    mode = (config_settings or {}).get("engine", "bundle")
    if mode not in ("bundle", "checkout"):
        raise ValueError("tspark build: config setting engine must be 'bundle' or 'checkout', not %r" % (mode,))
    return mode


def _platform_tag() -> str:
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):  # noqa: D103
    _record_engine_path()
    mode = _mode(config_settings)
    if mode == "checkout":
        _clear_stage()
        return _orig.build_wheel(wheel_directory, None, metadata_directory)
    _stage_engine()
    try:
        return _orig.build_wheel(wheel_directory,
                                 {"--build-option": ["--plat-name", _platform_tag(), "--python-tag", "py3"]},
                                 metadata_directory)
    finally:
        _clear_stage()


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):  # noqa: D103
    _record_engine_path()
    _clear_stage()
    return _orig.build_editable(wheel_directory, None, metadata_directory)
