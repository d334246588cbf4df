"""The compiler's front half after preprocessing: tokens in, typed AST out.

The driver calls :func:`check_translation_unit` for ``pcc -fsyntax-only``
and :func:`parse_translation_unit` when it wants the tree for code
generation.  ``diagnostics`` is the driver's C diagnostics object (methods
``error(message, where)``, ``warning(message, where, option=...)``,
``note(message, location)`` and the ``error_count`` attribute); ``options``
has at least ``std`` (``'gnu17'``...) and ``warnings`` (the enabled ``-W``
options).  Errors in the program are reported through ``diagnostics``;
nothing is raised for them.
"""

from __future__ import annotations

from ..common.target import Target
from .ast import TranslationUnit
from .parser import Parser
from .tokens import Token

# The driver passes #pragma on as PRAGMA tokens (the parser acts on #pragma pack).
ACCEPTS_PRAGMA_TOKENS = True


def parse_translation_unit(tokens: list[Token], target: Target, diagnostics, options) -> TranslationUnit:
    """Parse and check a preprocessed translation unit; returns the typed AST."""
    import sys
    limit = sys.getrecursionlimit()
    if limit < 20000:
        sys.setrecursionlimit(20000)
    try:
        return Parser(tokens, target, diagnostics, options).translation_unit()
    finally:
        sys.setrecursionlimit(limit)


def check_translation_unit(tokens: list[Token], target: Target, diagnostics,
                           options) -> TranslationUnit:
    """``-fsyntax-only``: parse and check, reporting through ``diagnostics``.  Returns the
    tree, for a caller about to exit that would rather not free it node by node."""
    return parse_translation_unit(tokens, target, diagnostics, options)
