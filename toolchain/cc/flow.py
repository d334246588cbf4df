"""Reachability for -Wreturn-type: can control run off the end of a statement?

A conservative structural answer (C11 6.8): ``return``/``goto``/calls to
``noreturn`` functions end a path, a label makes code reachable again, an
infinite loop (``for (;;)``, ``while (1)``) completes only through a
``break``.  When unsure the answer is "yes, it can complete", so the
warning is never given for a function where gcc stays silent because of a
control-flow subtlety this pass does not model.
"""

from __future__ import annotations

from . import ast
from .ctypes import FunctionType, PointerType
from .sema_const import evaluate

NORETURN_FUNCTIONS = frozenset({
    "abort", "exit", "_exit", "_Exit", "quick_exit", "longjmp", "siglongjmp", "__assert_fail",
    "__builtin_abort", "__builtin_exit", "__builtin_unreachable", "__builtin_trap",
    "__builtin_longjmp", "pthread_exit", "__stack_chk_fail",
})


def is_noreturn_call(e: ast.Expression | None) -> bool:
    while isinstance(e, ast.Cast):
        e = e.operand
    if isinstance(e, ast.Binary) and e.op == ",":
        return is_noreturn_call(e.left) or is_noreturn_call(e.right)
    if not isinstance(e, ast.Call):
        return False
    callee = e.function
    while isinstance(callee, ast.Cast):
        callee = callee.operand
    if isinstance(callee, ast.Identifier):
        if callee.name in NORETURN_FUNCTIONS:
            return True
        t = callee.type
        if isinstance(t, PointerType):
            t = t.target
        return isinstance(t, FunctionType) and t.noreturn
    return False


def contains_break(s: ast.Node | None) -> bool:
    """A ``break`` that leaves the statement ``s`` belongs to (not an inner loop or switch)."""
    if s is None:
        return False
    if isinstance(s, ast.Break):
        return True
    if isinstance(s, (ast.While, ast.DoWhile, ast.For, ast.Switch)):
        return False
    if isinstance(s, ast.CompoundStatement):
        return any(contains_break(item) for item in s.items)
    if isinstance(s, ast.If):
        return contains_break(s.then) or contains_break(s.otherwise)
    if isinstance(s, (ast.Labeled, ast.Case)):
        return contains_break(s.body)
    return False


def _always_true(condition, types) -> bool:
    if condition is None:
        return True
    value = evaluate(condition, types)
    return value is not None and bool(value)


def can_complete(s: ast.Node | None, parser) -> bool:
    """Whether control can reach the end of ``s``."""
    types = parser.types
    if s is None:
        return True
    if isinstance(s, (ast.Return, ast.Goto, ast.Break, ast.Continue)):
        return False
    if isinstance(s, ast.ExpressionStatement):
        return not is_noreturn_call(s.expression)
    if isinstance(s, ast.CompoundStatement):
        reachable = True
        for item in s.items:
            if isinstance(item, (ast.Labeled, ast.Case)):
                reachable = True
            if reachable:
                reachable = can_complete(item, parser)
            elif has_label(item):
                reachable = True
        return reachable
    if isinstance(s, ast.If):
        value = evaluate(s.condition, types)
        if value is not None and s.otherwise is not None:
            return can_complete(s.then if value else s.otherwise, parser)
        if value is not None and value and s.otherwise is None:
            return can_complete(s.then, parser)
        return s.otherwise is None or can_complete(s.then, parser) or can_complete(s.otherwise, parser)
    if isinstance(s, ast.While):
        return not _always_true(s.condition, types) or contains_break(s.body)
    if isinstance(s, ast.DoWhile):
        return not _always_true(s.condition, types) or contains_break(s.body)
    if isinstance(s, ast.For):
        return not _always_true(s.condition, types) or contains_break(s.body)
    if isinstance(s, ast.Switch):
        return not s.has_default or can_complete(s.body, parser) or contains_break(s.body)
    if isinstance(s, (ast.Labeled, ast.Case)):
        return can_complete(s.body, parser)
    return True


def has_label(s: ast.Node | None) -> bool:
    if isinstance(s, (ast.Labeled, ast.Case)):
        return True
    if isinstance(s, ast.CompoundStatement):
        return any(has_label(item) for item in s.items)
    if isinstance(s, ast.If):
        return has_label(s.then) or has_label(s.otherwise)
    if isinstance(s, (ast.While, ast.DoWhile, ast.For, ast.Switch)):
        return has_label(s.body)
    return False
