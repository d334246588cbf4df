"""Where ``#include`` looks: gcc's search chains (C11 6.10.2, gcc's cpp manual).

``#include "file"`` searches the directory of the including file, then the
``-iquote`` directories, then the bracket chain; ``#include <file>`` searches
only the bracket chain: ``-I`` directories, ``-isystem`` directories, the
default system directories (pcc's bundled headers, then the system's when
asked), and last the ``-idirafter`` directories.  ``#include_next`` resumes
the search after the directory the current file was found in.

A directory named both with ``-I`` and as a system directory is dropped from
the ``-I`` position, as gcc does ("ignoring duplicate directory"), so system
headers keep their system status.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchDirectory:
    path: str
    is_system: bool


@dataclass
class IncludePaths:
    """The search chains of one compilation."""

    quote: list[SearchDirectory] = field(default_factory=list)     # -iquote
    bracket: list[SearchDirectory] = field(default_factory=list)   # -I, -isystem, default, -idirafter

    @classmethod
    def build(cls, quote_dirs: list[str], user_dirs: list[str], system_dirs: list[str],
              default_dirs: list[str], after_dirs: list[str]) -> IncludePaths:
        """Assemble the chains from the option lists, removing duplicates like gcc."""
        system_set = {os.path.normpath(d) for d in system_dirs + default_dirs}
        seen: set[str] = set()
        bracket: list[SearchDirectory] = []

        def add(chain: list[SearchDirectory], path: str, is_system: bool) -> None:
            norm = os.path.normpath(path)
            if norm in seen or not os.path.isdir(path):
                return
            seen.add(norm)
            chain.append(SearchDirectory(_clean(path), is_system))

        quote: list[SearchDirectory] = []
        for d in quote_dirs:
            add(quote, d, False)
        seen.clear()
        for d in user_dirs:
            if os.path.normpath(d) not in system_set:
                add(bracket, d, False)
        for d in system_dirs + default_dirs + after_dirs:
            add(bracket, d, True)
        return cls(quote, bracket)

    def find(self, name: str, angled: bool, including_dir: str | None,
             start: int = 0) -> tuple[str, int, bool] | None:
        """Find ``name``: (path as gcc prints it, index in the chain, is-system) or None.

        ``index`` is -1 for the including file's own directory, and counts
        from the start of ``quote + bracket`` otherwise; ``start`` skips the
        directories before it (for ``#include_next``).
        """
        if os.path.isabs(name):
            return (name, -2, False) if os.path.isfile(name) else None
        chain = self.bracket if angled else self.quote + self.bracket
        offset = 0 if angled else 0
        if angled:
            offset = len(self.quote)
        if not angled and including_dir is not None and start == 0:
            path = os.path.join(including_dir, name) if including_dir else name
            if os.path.isfile(path):
                return path, -1, False
        for i in range(max(start - offset, 0), len(chain)):
            directory = chain[i]
            path = f"{directory.path}/{name}"
            if os.path.isfile(path):
                return path, i + offset, directory.is_system
        return None

    def all_dirs(self) -> list[SearchDirectory]:
        return self.quote + self.bracket


def _clean(path: str) -> str:
    """A directory as gcc prints it in paths: no trailing slash."""
    stripped = path.rstrip("/")
    return stripped or "/"
