"""Scopes and name spaces (C11 6.2.1, 6.2.3): ordinary identifiers and tags,
per file, block, function prototype; labels per function.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..common.diagnostics import SourceLocation
from .ast import Symbol
from .ctypes import CType


@dataclass(eq=False, slots=True)
class Tag:
    type: CType
    location: SourceLocation
    defined: bool = False


class Scope:
    """One scope: its ordinary identifiers and tags (``ordinary``, ``tags``).

    Looking an ordinary identifier up does not walk the enclosing scopes: all
    the scopes of a translation unit share one dict, ``visible``, from each
    name to its innermost declaration.  Declaring a name (:meth:`declare`)
    remembers what the name meant outside; leaving the scope (:meth:`leave`)
    puts that back.  Scopes are left in the order opposite to their creation.
    Tags are rarer and are looked up along the chain of scopes.
    """

    __slots__ = ("kind", "parent", "ordinary", "tags", "visible", "hidden")

    def __init__(self, kind: str, parent: Scope | None = None) -> None:
        self.kind = kind                            # 'file', 'block', 'prototype'
        self.parent = parent
        self.ordinary: dict[str, Symbol] = {}       # declared in this scope
        self.tags: dict[str, Tag] = {}
        self.visible: dict[str, Symbol] = parent.visible if parent is not None else {}
        self.hidden: dict[str, Symbol | None] = {}  # name -> its meaning outside this scope

    def declare(self, name: str, symbol: Symbol) -> None:
        """Make ``name`` mean ``symbol`` in this scope.  Outside the innermost
        scope, only for a name no inner scope declares (built-ins and implicit
        declarations go to file scope from anywhere)."""
        if name not in self.ordinary:
            self.hidden[name] = self.visible.get(name)
        self.ordinary[name] = symbol
        self.visible[name] = symbol

    def leave(self) -> None:
        """Give back the outer meanings of the names declared here."""
        visible = self.visible
        for name, outer in self.hidden.items():
            if outer is None:
                del visible[name]
            else:
                visible[name] = outer

    def lookup(self, name: str) -> Symbol | None:
        return self.visible.get(name)

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


@dataclass(eq=False, slots=True)
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
    undeclared: set[str] = field(default_factory=set)  # names reported as undeclared
