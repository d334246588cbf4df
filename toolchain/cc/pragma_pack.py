"""``#pragma pack``: the one pragma the parser acts on, taken out of the token stream.

The preprocessor hands each ``#pragma`` / ``_Pragma`` on as one PRAGMA token
(its text is the pragma's body).  Only ``#pragma pack`` changes what the
parser builds: it caps the alignment of the members of the structures
defined after it, as GCC does (``pack(n)``, ``pack()``, ``pack(push[, n])``,
``pack(push, id[, n])``, ``pack(pop[, id])``; n a power of two up to 16).
Every other pragma (``once``, ``GCC diagnostic``, ``weak``...) means nothing
to the front end and is dropped.

:func:`split_pragmas` returns the tokens without the pragmas and, for
``#pragma pack``, the list of ``(token index, maximum alignment)`` changes;
:func:`pack_at` reads the alignment in effect at a token (0: none).
"""

from __future__ import annotations

import bisect
import operator
import re

from .tokens import Token, TokenKind

_KIND = operator.attrgetter("kind")
_PACK = re.compile(r"\s*pack\s*\((.*)\)\s*\Z", re.DOTALL)


def split_pragmas(tokens: list[Token], diagnostics) -> tuple[list[Token], list[tuple[int, int]]]:
    """The tokens without PRAGMA tokens, and the ``#pragma pack`` changes by token index."""
    if TokenKind.PRAGMA not in map(_KIND, tokens):        # a C-speed scan
        return tokens, []
    kept: list[Token] = []
    changes: list[tuple[int, int]] = []
    current = 0
    stack: list[tuple[str | None, int]] = []
    for token in tokens:
        if token.kind is not TokenKind.PRAGMA:
            kept.append(token)
            continue
        m = _PACK.match(token.text)
        if m is None:
            continue
        value = _pack_value(m.group(1), current, stack, token, diagnostics)
        if value is not None and value != current:
            current = value
            if changes and changes[-1][0] == len(kept):
                changes[-1] = (len(kept), value)
            else:
                changes.append((len(kept), value))
    return kept, changes


def pack_at(changes: list[tuple[int, int]], index: int) -> int:
    """The ``#pragma pack`` alignment in effect at token ``index`` (0 = natural alignment)."""
    if not changes:
        return 0
    i = bisect.bisect_right(changes, (index, 1 << 30)) - 1
    return changes[i][1] if i >= 0 else 0


def _pack_value(arguments: str, current: int, stack: list, token: Token, diagnostics) -> int | None:
    """The new maximum alignment after ``pack(arguments)``; None if malformed (ignored)."""
    words = [w.strip() for w in arguments.split(",")] if arguments.strip() else []
    if not words:
        return 0
    action = words[0]
    if action in ("push", "pop"):
        rest = words[1:]
        name = rest.pop(0) if rest and not rest[0].isdigit() else None
        number = _alignment(rest[0], token, diagnostics) if rest else None
        if action == "push":
            stack.append((name, current))
            return current if number is None else number
        if name is not None:                                # pop back to the named push
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    value = stack[i][1]
                    del stack[i:]
                    return value
            diagnostics.warning(f"#pragma pack(pop, {name}) encountered without matching "
                                f"#pragma pack(push, {name})", token.location, option="-Wpragmas")
            return None
        if not stack:
            diagnostics.warning("'#pragma pack (pop)' encountered without matching '#pragma pack (push)'",
                                token.location, option="-Wpragmas")
            return None
        return stack.pop()[1]
    if action == "show":
        return None
    return _alignment(action, token, diagnostics)


def _alignment(text: str, token: Token, diagnostics) -> int | None:
    try:
        value = int(text, 0)
    except ValueError:
        diagnostics.warning("malformed '#pragma pack' - ignored", token.location, option="-Wpragmas")
        return None
    if value not in (0, 1, 2, 4, 8, 16):
        diagnostics.warning(f"alignment must be a small power of two, not {value}", token.location,
                            option="-Wpragmas")
        return None
    return value
