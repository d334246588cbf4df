"""Test-session plumbing: the --full switch, the sampling seed, and compact reports.

The terminal gets a few lines: one per suite and group (target/mode/level),
the first ERROR lines, the log's path and pytest's own closing line
("N passed, M failed in ...", which CI reads).  Everything else goes to
logs/test.log: one ``ERROR <test>: <reason>`` line per failure (grep-able),
then each failure's full report, and one ``SKIP`` line per skipped test.

Groups: a test's group is made from its parameters named ``mode`` and
``level`` (``x86_64 -O2``), so parametrize with those names to be counted
per target.  A test may set ``user_properties`` entry ``("summary", noun)``;
its group's line then also says ``passed/total noun`` (the assembler corpus
uses it to print how many files are identical); ``("label", text)`` replaces
the test id in its ERROR line (``x86_64 gcc-torture/foo.c -O2``).

Works under pytest-xdist: workers only run tests; the controller counts
the reports it receives and writes the log.
"""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from testopts import is_full, sample_seed

TERMINAL_ERROR_LINES = 12


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pcc")
    group.addoption("--full", action="store_true", default=False,
                    help="run every corpus program and the long budgets, not the seeded sample")
    group.addoption("--pcc-log", default="logs/test.log",
                    help="where the detailed report goes (default: logs/test.log)")


@pytest.fixture(scope="session")
def full(pytestconfig: pytest.Config) -> bool:
    """Whether this is a --full run (tests scale their budgets with it)."""
    return is_full(pytestconfig)


def _group_of(item: pytest.Item) -> str:
    params = getattr(getattr(item, "callspec", None), "params", {})
    return " ".join(str(params[k]) for k in ("mode", "level") if k in params)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        group = _group_of(item)
        if group:
            item.user_properties.append(("group", group))


def _one_line_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):                     # skip: (file, line, reason)
        text = str(longrepr[2])
    elif hasattr(longrepr, "reprcrash") and longrepr.reprcrash is not None:
        text = longrepr.reprcrash.message
    else:
        text = str(longrepr)
    for prefix in ("Skipped: ", "Failed: "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "(no message)"


class CompactReport:
    """Counts outcomes per (suite, group), writes the detailed log."""

    def __init__(self, config: pytest.Config):
        self.config = config
        self.path = Path(config.rootpath, config.getoption("--pcc-log"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.log = self.path.open("w", encoding="utf-8")
        self.log.write(f"pcc test log, {time.strftime('%Y-%m-%d %H:%M:%S')}, "
                       f"seed {sample_seed()}, {'full' if is_full(config) else 'sample'}\n")
        self.counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.nouns: dict[tuple[str, str], str] = {}
        self.errors: list[str] = []
        self.skip_reasons: dict[str, Counter] = defaultdict(Counter)
        self.collected = -1

    @staticmethod
    def _key(report: pytest.TestReport) -> tuple[str, str]:
        props = dict(report.user_properties)
        suite = Path(report.nodeid.split("::")[0]).stem.removeprefix("test_")
        return suite, str(props.get("group", ""))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        key = self._key(report)
        noun = dict(report.user_properties).get("summary")
        if noun:
            self.nouns[key] = noun
        if report.when == "call" or report.skipped or report.failed:
            if report.when != "call" and report.passed:
                return
            outcome = report.outcome
            if report.failed and report.when != "call":
                outcome = "error"
            if hasattr(report, "wasxfail"):
                outcome = "xfailed" if report.skipped else "xpassed"
            self.counts[key][outcome] += 1
            if outcome in ("failed", "error"):
                label = dict(report.user_properties).get("label", report.nodeid)
                line = f"ERROR {label}: {_one_line_reason(report)}"
                self.errors.append(line)
                self.log.write(line + "\n")
                if label != report.nodeid:
                    self.log.write(f"test: {report.nodeid}\n")
                self.log.write(report.longreprtext.rstrip() + "\n\n")
            elif outcome == "skipped":
                reason = _one_line_reason(report)
                self.skip_reasons[key[0]][reason] += 1
                self.log.write(f"SKIP {report.nodeid}: {reason}\n")
        self.log.flush()

    def summary_lines(self) -> list[str]:
        lines = []
        for (suite, group), counter in sorted(self.counts.items()):
            name = f"{suite} {group}".strip()
            parts = [f"{counter[o]} {o}" for o in ("passed", "failed", "error", "skipped",
                                                    "xfailed", "xpassed") if counter[o]]
            noun = self.nouns.get((suite, group))
            decided = counter["passed"] + counter["failed"]
            if noun and decided:
                parts.append(f"{counter['passed']}/{decided} {noun}")
            lines.append(f"{name}: {', '.join(parts)}")
        for suite, reasons in sorted(self.skip_reasons.items()):
            reason, n = reasons.most_common(1)[0]
            more = f" (+{len(reasons) - 1} other reasons)" if len(reasons) > 1 else ""
            lines.append(f"{suite}: skipped {n}x: {reason}{more}")
        return lines

    def pytest_terminal_summary(self, terminalreporter) -> None:
        write = terminalreporter.write_line
        summary = self.summary_lines()
        self.log.write("\nSUMMARY\n" + "\n".join(summary) + "\n")
        for line in self.errors:                   # grep-able block at the end too
            self.log.write(line + "\n")
        self.log.flush()
        for line in summary:
            write(line)
        for line in self.errors[:TERMINAL_ERROR_LINES]:
            write(line[:240])
        if len(self.errors) > TERMINAL_ERROR_LINES:
            write(f"... {len(self.errors) - TERMINAL_ERROR_LINES} more ERROR lines")
        if self.collected == 0:
            write("ERROR no tests were collected (pytest exit status 5 is a failure)")
        write(f"details: {self.path}")

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.collected = session.testscollected

    def pytest_unconfigure(self) -> None:
        self.log.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long-running test")
    if hasattr(config, "workerinput"):          # an xdist worker: the controller reports
        return
    config.pluginmanager.register(CompactReport(config), "pcc-compact-report")


@pytest.hookimpl(wrapper=True)
def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config):
    """Drop the progress letters (one per test) at default/quiet verbosity."""
    result = yield
    if config.get_verbosity() <= 0 and result and result[1]:
        category, _letter, word = result
        return category, "", word
    return result
