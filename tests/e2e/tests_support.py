"""Helpers for e2e tests: finding engine processes and polling."""
from __future__ import annotations

import os
import time
from typing import Callable


def engine_pids_for_parent(parent_pid: int) -> list[int]:
    """Engine processes launched with `--parent-pid <parent_pid>`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if b"serve" in args and b"--parent-pid" in args:
            i = args.index(b"--parent-pid")
            if i + 1 < len(args) and args[i + 1] == str(parent_pid).encode():
                found.append(int(entry))
    return found


def process_gone(pid: int) -> bool:
    """Whether `pid` has exited (gone, or a zombie): a process may vanish between looking and reading."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            return b") Z" in f.read()
    except FileNotFoundError:
        return True


def wait_until(pred: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.1)
    return pred()


def die_first(attempts_dir: str, times: int) -> Callable[[int], int]:
    """A function for Python tasks that records each call in `attempts_dir` and kills its own
    Python worker (os._exit) on the first `times` calls, then doubles its argument: the fault
    tests' way to make a task's worker die a known number of times."""
    def f(x):
        import os
        marker = os.path.join(attempts_dir, "attempt-%d" % len(os.listdir(attempts_dir)))
        open(marker, "w").close()
        if len(os.listdir(attempts_dir)) <= times:
            os._exit(3)
        return x * 2
    return f
