"""Scopes and name spaces (C11 6.2.1, 6.2.3): ordinary identifiers and tags,
per file, block, function prototype; labels per function.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..common.diagnostics import SourceLocation
from .ast import Symbol
from .ctypes import CType


@dataclass(eq=False)
class Tag:
    type: CType
    location: SourceLocation
    defined: bool = False


@dataclass(eq=False)
class Scope:
    kind: str                                   # 'file', 'block', 'prototype'
    parent: Scope | None = None
    ordinary: dict[str, Symbol] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)

    def lookup(self, name: str) -> Symbol | None:
        scope: Scope | None = self
        while scope is not None:
            symbol = scope.ordinary.get(name)
            if symbol is not None:
                return symbol
            scope = scope.parent
        return None

    def lookup_tag(self, name: str) -> tuple[Tag, Scope] | None:
        scope: Scope | None = self
        while scope is not None:
            tag = scope.tags.get(name)
            if tag is not None:
                return tag, scope
            scope = scope.parent
        return None

    def file_scope(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope


@dataclass(eq=False)
class FunctionContext:
    """What sema needs while inside one function body."""

    symbol: Symbol
    labels_defined: dict[str, SourceLocation] = field(default_factory=dict)
    labels_used: dict[str, SourceLocation] = field(default_factory=dict)
    local_labels: list[set[str]] = field(default_factory=list)
    breakable: int = 0                          # loops and switches open
    loops: int = 0
    switches: list = field(default_factory=list)   # ast.Switch being parsed
    uses_address_of_label: bool = False
