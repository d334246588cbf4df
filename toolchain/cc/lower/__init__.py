"""Lowering: the typed C syntax tree of a translation unit to an IR module.

    module = lower_translation_unit(unit, target)

One :class:`FunctionLowerer` per function definition, assembled from one mixin
per C area, each in its own file:

* builder.py      -- the current block, emitting instructions, constants;
* expressions.py  -- values and lvalues of expressions (6.5), conversions;
* statements.py   -- statements and control flow (6.8): loops, switch, goto;
* declarations.py -- local objects, initialisers, static data (6.7, 6.7.9);
* calls.py        -- calls, parameters and returns, aggregates by value;
* builtins.py     -- ``__builtin_*``, ``__sync_*``/``__atomic_*``, varargs, asm.

Conventions: every local object (parameters included) is an ``alloca``
slot in the entry block, read with ``load`` and written with ``store``;
mem2reg (passes/mem2reg.py) promotes the scalar ones.  A struct, union,
array or complex value is represented by its address; copies are
``memcpy``.  Conditions are ``i1`` values; C's int results of comparisons
are their ``zext``.
"""

from __future__ import annotations

from ...common.diagnostics import ToolchainError
from .. import ast
from ..ctypes import TypeSystem
from ..ir import Function, Module
from .builder import Builder
from .builtins import BuiltinLowering
from .calls import CallLowering
from .declarations import DeclarationLowering, StaticData, source_location
from .expressions import ExpressionLowering
from .statements import StatementLowering


class LoweringError(ToolchainError):
    """A construct the lowering does not handle yet: reported at the construct,
    as gcc reports what it has not implemented ("sorry, unimplemented"),
    exit status 1."""


class FunctionLowerer(Builder, ExpressionLowering, StatementLowering, DeclarationLowering,
                      CallLowering, BuiltinLowering):
    def __init__(self, unit: "ModuleLowerer", definition: ast.FunctionDefinition):
        self.unit = unit
        self.types = unit.types
        self.target = unit.target
        self.pointer_bits = unit.module.pointer_bits
        self.definition = definition
        self.locals: dict = {}
        self.labels: dict = {}
        self.breaks: list = []
        self.continues: list = []
        self.case_blocks: dict = {}
        self.vla_sizes: dict = {}
        self.vla_restore_slots: dict = {}      # VLA symbol -> (its saved-sp slot, block's slots)
        self.address_taken: list = []
        self.indirect_goto = None             # (target slot, dispatch block) once used

    def error(self, message: str, node=None):
        raise LoweringError(f"sorry, unimplemented: {message}", source_location(node))

    def lower(self) -> Function:
        function = self.begin_function(self.definition)
        self.statement(self.definition.body)
        self.end_function()
        return function


class ModuleLowerer(StaticData):
    def visibility_of(self, symbol) -> str:
        """The ELF visibility of a definition: its attribute's, else -fvisibility's."""
        if symbol.linkage != "external":
            return "default"
        value = symbol.attributes.get("visibility")
        if isinstance(value, str) and value in ("default", "hidden", "protected", "internal"):
            return value
        return getattr(self.options, "visibility", "default") if self.options else "default"

    def __init__(self, target, options=None):
        self.target = target
        self.options = options
        self.types = TypeSystem(target)
        self.module = Module(target, target.data_model.pointer * 8)
        if options is not None:
            self.module.inline_functions = getattr(options, "inline", True)
            self.module.semantic_interposition = bool(getattr(options, "pic", 0)) and \
                not getattr(options, "pie", 0)
        self.strings: dict = {}
        self.defined: set[str] = set()
        self.static_counter = 0
        self.static_locals: dict = {}
        self.function_names: set[str] = set()

    def lower(self, unit: ast.TranslationUnit) -> Module:
        objects: dict[str, list] = {}
        order: list[str] = []
        for item in unit.items:
            if isinstance(item, ast.FunctionDefinition):
                self.function_names.add(symbol_name(item.symbol))
        for item in unit.items:
            if isinstance(item, ast.FunctionDefinition):
                if item.symbol.inline and item.symbol.linkage == "external" and \
                        not self._emit_inline(item.symbol):
                    continue
                lowerer = FunctionLowerer(self, item)
                self.current_lowerer = lowerer
                function = lowerer.lower()
                self.current_lowerer = None
                self.module.functions.append(function)
                self.defined.add(function.name)
            elif isinstance(item, ast.DeclarationStatement) or isinstance(item, ast.Declaration):
                declarations = item.declarations if isinstance(item, ast.DeclarationStatement) else [item]
                for declaration in declarations:
                    if not isinstance(declaration, ast.Declaration):
                        continue
                    symbol = declaration.symbol
                    alias = symbol.attributes.get("alias")
                    if isinstance(alias, str) and symbol.kind in ("object", "function"):
                        self.module.aliases[symbol_name(symbol)] = alias
                        if symbol.linkage == "internal":
                            self.module.alias_linkage[symbol_name(symbol)] = "internal"
                        elif "weak" in symbol.attributes:
                            self.module.alias_linkage[symbol_name(symbol)] = "weak"
                        continue
                    if symbol.kind != "object":
                        continue
                    name = symbol_name(symbol)
                    if name not in objects:
                        objects[name] = []
                        order.append(name)
                    objects[name].append(declaration)
            elif isinstance(item, ast.AsmDefinition):
                self.module.asm.append(item.text)
        for name in order:
            self.file_scope_object(name, objects[name])
        for name in list(self.module.externals):
            if name in self.defined or name in self.module.aliases:
                del self.module.externals[name]
        return self.module

    def _emit_inline(self, symbol) -> bool:
        """C99 inline: an external-linkage ``inline`` definition without ``extern`` is
        not emitted (gnu89 inline: it is).  Emitting it anyway is harmless for a
        single translation unit, so pcc does."""
        return True

    def file_scope_object(self, name: str, declarations: list) -> None:
        with_init = [d for d in declarations if d.initializer is not None]
        symbol = declarations[-1].symbol
        if with_init:
            self.define_static(name, with_init[-1].symbol, with_init[-1].initializer)
        elif symbol.tentative or symbol.defined or \
                any(d.symbol.storage != "extern" for d in declarations):
            # (`extern int x; int x;` share one Symbol whose storage stays 'extern';
            # sema marks it tentative at the second declaration)
            self.define_static(name, symbol, None)
        else:
            self.module.externals.setdefault(name, "object")


def symbol_name(symbol) -> str:
    return symbol.asm_label or symbol.name


def lower_translation_unit(unit: ast.TranslationUnit, target, options=None) -> Module:
    """The IR module of a checked translation unit (no errors reported)."""
    return ModuleLowerer(target, options).lower(unit)
