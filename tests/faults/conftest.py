"""The fault suite (`npm run faults`): each test is one fault the engine must survive with a
clear error and nothing lost. Prints one line per fault and a summary at the end."""
from __future__ import annotations

from typing import List, Tuple

import pytest

# e2e test modules run here too import their helpers from `conftest`
from faults_support import CLI, start_engine_server  # noqa: F401

_results: List[Tuple[str, str, float]] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        _results.append((report.nodeid, report.outcome, report.duration))


def _fault_line(nodeid: str, items: dict) -> str:
    item = items.get(nodeid)
    doc = (getattr(getattr(item, "function", None), "__doc__", None) or nodeid).strip().splitlines()[0]
    return doc


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list) -> None:
    config._fault_items = {i.nodeid: i for i in items}  # type: ignore[attr-defined]


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    items = getattr(config, "_fault_items", {})
    tr = terminalreporter
    tr.section("tspark fault suite")
    survived = 0
    for nodeid, outcome, duration in _results:
        ok = outcome == "passed"
        survived += ok
        word = "SURVIVED" if ok else ("SKIPPED" if outcome == "skipped" else "FAILED")
        tr.write_line("%-8s %6.1fs  %s" % (word, duration, _fault_line(nodeid, items)))
    tr.write_line("faults: %d of %d survived" % (survived, len(_results)))
