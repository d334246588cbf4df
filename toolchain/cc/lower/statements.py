"""Statements (C11 6.8): blocks, selection, iteration and jumps.

Loops get a condition block, a body and an exit; ``break``/``continue``
jump to the innermost ones.  ``switch`` evaluates its controlling value once
and ends in the ``switch`` terminator (the back end chooses a jump table or
compares); GNU case ranges wider than a few values become compares before it.
Labels are blocks created on first mention (``goto`` may precede them);
``&&label`` marks the block address-taken, and every ``goto *p`` lists all
such blocks as its possible targets.
"""

from __future__ import annotations

from .. import ast
from ..ir import Type
from .types import is_signed

RANGE_EXPAND_LIMIT = 64


class StatementLowering:
    def statement(self, s) -> None:
        method = getattr(self, "statement_" + type(s).__name__, None)
        if method is None:
            self.error(f"cannot lower statement {type(s).__name__}", s)
        method(s)

    def compound_statement(self, s: ast.CompoundStatement, want_value: bool = False):
        if not want_value and any(self.declares_vla(item) for item in s.items):
            saved = self.emit("stacksave", Type.PTR)
            # each VLA of this block keeps the stack pointer from before its allocation:
            # a goto back above the declaration frees the old array when it runs again
            # (6.8.6.1); null until the declaration first runs in this entry of the block
            slots = []
            for item in s.items:
                if self.declares_vla(item):
                    for d in item.declarations:
                        if isinstance(d, ast.Declaration) and self.has_vla(d.symbol.type):
                            slot = self.alloca(self.types.data_model.pointer,
                                               self.types.data_model.pointer)
                            self.vla_restore_slots[d.symbol] = (slot, slots)
                            slots.append(slot)
            for slot in slots:
                self.store(self.iptr(0), slot, self.types.pointer(self.types.void))
            self.compound_items(s, False)
            if not self.terminated():
                self.emit("stackrestore", Type.VOID, [saved])
            return None
        return self.compound_items(s, want_value)

    def vla_reentry(self, symbol) -> None:
        """Before a VLA declaration allocates: back to the stack pointer of its previous
        run if there was one, and the block's later VLAs start afresh."""
        entry = self.vla_restore_slots.get(symbol)
        if entry is None:
            return
        slot, slots = entry
        void_ptr = self.types.pointer(self.types.void)
        previous = self.load(slot, void_ptr)
        now = self.emit("stacksave", Type.PTR)
        first = self.emit("icmp", Type.I1, [previous, self.iptr(0)], predicate="eq")
        target = self.emit("select", Type.PTR, [first, now, previous])
        self.emit("stackrestore", Type.VOID, [target])
        self.store(target, slot, void_ptr)
        for later in slots[slots.index(slot) + 1:]:
            self.store(self.iptr(0), later, void_ptr)

    def declares_vla(self, item) -> bool:
        return isinstance(item, ast.DeclarationStatement) and any(
            isinstance(d, ast.Declaration) and d.symbol.kind == "object" and
            d.symbol.storage not in ("static", "extern") and self.has_vla(d.symbol.type)
            for d in item.declarations)

    def compound_items(self, s: ast.CompoundStatement, want_value: bool):
        result = None
        items = s.items
        for index, item in enumerate(items):
            last = index == len(items) - 1
            if want_value and last and isinstance(item, ast.ExpressionStatement) and item.expression is not None:
                return self.value(item.expression)
            if want_value and last and isinstance(item, (ast.Labeled, ast.Case)):
                # ({ ... label: expr; }) -- the value of the labelled expression
                inner = item
                while isinstance(inner, (ast.Labeled, ast.Case)) and isinstance(inner.body, (ast.Labeled, ast.Case, ast.ExpressionStatement)):
                    inner = inner.body
                if isinstance(inner, ast.ExpressionStatement) and inner.expression is not None:
                    holder = item
                    self.lower_labels_only(holder)
                    return self.value(inner.expression)
            self.statement(item)
        return result

    def lower_labels_only(self, s) -> None:
        while isinstance(s, (ast.Labeled, ast.Case)):
            if isinstance(s, ast.Labeled):
                self.place(self.label_block(s.label))
            else:
                self.place(self.case_blocks[id(s)])
            s = s.body

    def statement_CompoundStatement(self, s):
        self.compound_statement(s)

    def statement_DeclarationStatement(self, s):
        for declaration in s.declarations:
            if isinstance(declaration, ast.Declaration):
                self.local_declaration(declaration)

    def statement_StaticAssert(self, s):
        pass

    def statement_ExpressionStatement(self, s):
        if s.expression is not None:
            self.value(s.expression)

    def statement_If(self, s):
        then_block, end = self.new_block("if.then"), self.new_block("if.end")
        else_block = self.new_block("if.else") if s.otherwise is not None else end
        self.condition(s.condition, then_block, else_block)
        self.place(then_block)
        self.statement(s.then)
        self.jump(end)
        if s.otherwise is not None:
            self.place(else_block)
            self.statement(s.otherwise)
            self.jump(end)
        self.place(end)

    def loop(self, condition, body, step, test_first: bool) -> None:
        head, body_block, step_block, end = (self.new_block("loop.cond"), self.new_block("loop.body"),
                                             self.new_block("loop.step"), self.new_block("loop.end"))
        self.jump(head if test_first else body_block)
        self.place(head)
        if condition is not None:
            self.condition(condition, body_block, end)
        else:
            self.jump(body_block)
        self.breaks.append(end)
        self.continues.append(step_block)
        self.place(body_block)
        self.statement(body)
        self.breaks.pop()
        self.continues.pop()
        self.place(step_block)
        if step is not None:
            self.value(step)
        self.jump(head)
        self.place(end)

    def statement_While(self, s):
        self.loop(s.condition, s.body, None, True)

    def statement_DoWhile(self, s):
        # do body while (cond): the body first, then the test (the "step" block)
        body_block, cond_block, end = self.new_block("do.body"), self.new_block("do.cond"), self.new_block("do.end")
        self.jump(body_block)
        self.place(body_block)
        self.breaks.append(end)
        self.continues.append(cond_block)
        self.statement(s.body)
        self.breaks.pop()
        self.continues.pop()
        self.place(cond_block)
        self.condition(s.condition, body_block, end)
        self.place(end)

    def statement_For(self, s):
        if s.init is not None:
            if isinstance(s.init, ast.Statement):
                self.statement(s.init)
            elif isinstance(s.init, ast.Declaration):
                self.local_declaration(s.init)
            else:
                self.value(s.init)
        self.loop(s.condition, s.body, s.step, True)

    def statement_Break(self, s):
        self.jump(self.breaks[-1])

    def statement_Continue(self, s):
        self.jump(self.continues[-1])

    def statement_Return(self, s):
        self.return_value(s.value)

    def label_block(self, name: str):
        block = self.labels.get(name)
        if block is None:
            block = self.labels[name] = self.new_block("L." + name)
        return block

    def statement_Labeled(self, s):
        self.place(self.label_block(s.label))
        if s.body is not None:
            self.statement(s.body)

    def statement_Goto(self, s):
        if s.label is not None:
            self.jump(self.label_block(s.label))
            return
        # GCC's factoring of computed gotos: each ``goto *p`` stores its target
        # and jumps to the function's one dispatch block, so n gotos and m
        # labels make n + m edges, not n * m (an interpreter's threaded
        # dispatch would otherwise be quadratic in phis and liveness).
        target = self.value(s.target)
        if self.indirect_goto is None:
            pointer_bytes = self.pointer_bits // 8
            self.indirect_goto = (self.alloca(pointer_bytes, pointer_bytes),
                                  self.new_block("indirect.goto"))
        slot, dispatch = self.indirect_goto
        self.emit("store", Type.VOID, [target, slot], alignment=self.pointer_bits // 8)
        self.jump(dispatch)

    def finish_indirect_branches(self) -> None:
        """Place the dispatch block: load the target, branch to any address-taken label."""
        if self.indirect_goto is None:
            return
        slot, dispatch = self.indirect_goto
        self.place(dispatch)
        target = self.emit("load", Type.PTR, [slot], alignment=self.pointer_bits // 8)
        self.emit("indirectbr", Type.VOID, [target], list(self.address_taken))

    def statement_Switch(self, s):
        value = self.value(s.condition)
        t = s.condition.type
        it = value.type
        end = self.new_block("sw.end")
        cases: list[int] = []
        targets = []
        ranges = []
        default_block = end
        seen: set[int] = set()
        for case in collect_cases(s.body):
            block = self.new_block("sw.default" if case.low is None else "sw.case")
            self.case_blocks[id(case)] = block
            if case.low is None:
                default_block = block
                continue
            if case.high is not None and case.high - case.low > RANGE_EXPAND_LIMIT:
                ranges.append((case.low, case.high, block))
                continue
            for v in range(case.low, (case.high if case.high is not None else case.low) + 1):
                key = self.wrap(v, t)
                if key not in seen:
                    seen.add(key)
                    cases.append(key)
                    targets.append(block)
        fallback = default_block
        if ranges:
            checks = self.new_block("sw.ranges")
            fallback = checks
        self.emit("switch", Type.VOID, [value], [fallback] + targets, cases=cases)
        if ranges:
            self.function.blocks.append(checks)
            self.block = checks
            for low, high, block in ranges:
                offset = self.emit("sub", it, [value, self.const(it, low)])
                inside = self.emit("icmp", Type.I1, [offset, self.const(it, high - low)], predicate="ule")
                next_check = self.new_block("sw.range")
                self.branch(inside, block, next_check)
                self.function.blocks.append(next_check)
                self.block = next_check
            self.jump(default_block)
        self.breaks.append(end)
        dispatch_dead = self.new_block("sw.body")
        self.function.blocks.append(dispatch_dead)
        self.block = dispatch_dead
        self.statement(s.body)
        self.breaks.pop()
        self.place(end)

    def wrap(self, value: int, t) -> int:
        """A case value as the controlling type's bit pattern (as the ``switch`` compares)."""
        bits = t.size * 8
        return value & ((1 << bits) - 1)

    def statement_Case(self, s):
        self.place(self.case_blocks[id(s)])
        if s.body is not None:
            self.statement(s.body)

    def statement_AsmStatement(self, s):
        self.inline_asm(s)


def signed_value(value: int, t) -> int:
    bits = t.size * 8
    value &= (1 << bits) - 1
    if is_signed(t) and value >> (bits - 1):
        value -= 1 << bits
    return value


def collect_cases(body) -> list:
    """The case and default labels of one switch body (not those of switches nested in it)."""
    found: list = []

    def walk(node) -> None:
        if node is None or isinstance(node, ast.Switch):
            return
        if isinstance(node, ast.Case):
            found.append(node)
            walk(node.body)
            return
        if isinstance(node, ast.CompoundStatement):
            for item in node.items:
                walk(item)
        elif isinstance(node, ast.If):
            walk(node.then)
            walk(node.otherwise)
        elif isinstance(node, (ast.While, ast.DoWhile, ast.For)):
            walk(node.body)
        elif isinstance(node, ast.Labeled):
            walk(node.body)
    walk(body)
    return found
