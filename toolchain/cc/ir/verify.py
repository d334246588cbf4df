"""The IR verifier: the rules every pass must keep, checked after each pass in tests.

* every block ends with exactly one terminator, and has no other;
* ``phi`` instructions come first in their block, with one incoming value per
  predecessor (the ``incoming`` attribute names the blocks);
* operand counts match OPCODES; result and operand types agree (arithmetic
  operands have the result's type, comparisons give ``i1``, conditional
  branches test an ``i1``, stores and loads go through a ``ptr``);
* every use of an instruction's result is dominated by its definition (a phi's
  operand by the end of the matching predecessor);
* branch targets belong to the function.

A failure is a bug in pcc, not in the user's program: :class:`VerifyError`
(an internal error) carries the function, block and instruction printed.
"""

from __future__ import annotations

from . import OPCODES, Function, Instruction, Module, Parameter, Type
from .dominators import dominator_tree
from .printer import format_function, format_instruction

SAME_TYPE_BINARY = {"add", "sub", "mul", "sdiv", "udiv", "srem", "urem", "and", "or", "xor",
                    "shl", "lshr", "ashr", "fadd", "fsub", "fmul", "fdiv"}


class VerifyError(Exception):
    """An IR invariant is broken (an internal error of the compiler)."""


def verify_module(module: Module) -> None:
    for function in module.functions:
        verify_function(function)


def verify_function(function: Function) -> None:
    function.number()
    problems: list[str] = []
    blocks = set(function.blocks)
    definitions: dict[Instruction, tuple] = {}
    for block in function.blocks:
        for index, instruction in enumerate(block.instructions):
            definitions[instruction] = (block, index)

    def fail(block, instruction, message):
        where = f"in @{function.name}, block %{block.name}"
        if instruction is not None:
            where += f", at '{format_instruction(instruction)}'"
        problems.append(f"{where}: {message}")

    for block in function.blocks:
        if not block.instructions or not block.instructions[-1].is_terminator:
            fail(block, None, "block does not end with a terminator")
        seen_non_phi = False
        for index, instruction in enumerate(block.instructions):
            op = instruction.opcode
            if instruction.block is not block:
                fail(block, instruction, "instruction's block field is wrong")
            if op not in OPCODES:
                fail(block, instruction, f"unknown opcode '{op}'")
                continue
            if instruction.is_terminator and index != len(block.instructions) - 1:
                fail(block, instruction, "terminator in the middle of a block")
            if op == "phi":
                if seen_non_phi:
                    fail(block, instruction, "phi after a non-phi instruction")
            else:
                seen_non_phi = True
            count = OPCODES[op][0]
            if count >= 0 and len(instruction.operands) != count:
                fail(block, instruction, f"'{op}' takes {count} operands, has {len(instruction.operands)}")
                continue
            for target in instruction.targets:
                if target not in blocks:
                    fail(block, instruction, f"target %{target.name} is not in the function")
            for operand in instruction.operands:
                if isinstance(operand, Instruction) and operand not in definitions:
                    fail(block, instruction, "operand defined outside the function (or removed)")
                if isinstance(operand, Parameter) and operand not in function.parameters:
                    fail(block, instruction, "parameter of another function")
            message = _type_error(instruction)
            if message:
                fail(block, instruction, message)
    if not problems:
        _check_phis_and_dominance(function, definitions, fail)
    if problems:
        raise VerifyError("IR verification failed:\n  " + "\n  ".join(problems[:20])
                          + "\n" + format_function(function))


def _type_error(instruction: Instruction) -> str | None:
    op = instruction.opcode
    t = instruction.type
    ops = instruction.operands
    types = [v.type for v in ops]
    if op in SAME_TYPE_BINARY:
        if any(x is not t for x in types):
            return f"operand types {[str(x) for x in types]} differ from the result type {t}"
        if op[0] == "f" and not t.is_float:
            return "floating operation on a non-floating type"
        if op[0] != "f" and not t.is_integer:
            return "integer operation on a non-integer type"
    elif op in ("neg", "not", "fneg", "copy"):
        if types[0] is not t:
            return "operand type differs from the result type"
    elif op in ("icmp", "fcmp"):
        if t is not Type.I1:
            return "comparison result must be i1"
        if types[0] is not types[1]:
            return "compared values have different types"
        if "predicate" not in instruction.attributes:
            return "comparison without a predicate"
    elif op == "select":
        if types[0] is not Type.I1 or types[1] is not t or types[2] is not t:
            return "select wants (i1, T, T) -> T"
    elif op in ("trunc", "zext", "sext"):
        if not (t.is_integer and types[0].is_integer):
            return "integer conversion of a non-integer"
    elif op in ("fptosi", "fptoui"):
        if not (t.is_integer and types[0].is_float):
            return "float-to-integer conversion with wrong types"
    elif op in ("sitofp", "uitofp"):
        if not (t.is_float and types[0].is_integer):
            return "integer-to-float conversion with wrong types"
    elif op in ("fpext", "fptrunc"):
        if not (t.is_float and types[0].is_float):
            return "float conversion with wrong types"
    elif op == "load":
        if types[0] is not Type.PTR:
            return "load from a non-pointer"
    elif op == "store":
        if types[1] is not Type.PTR:
            return "store to a non-pointer"
    elif op in ("memcpy", "memset"):
        if types[0] is not Type.PTR:
            return f"{op} destination is not a pointer"
    elif op == "br":
        if types[0] is not Type.I1:
            return "conditional branch on a non-i1 value"
        if len(instruction.targets) != 2:
            return "br needs two targets"
    elif op == "jmp":
        if len(instruction.targets) != 1:
            return "jmp needs one target"
    elif op == "switch":
        if len(instruction.attributes.get("cases", [])) + 1 != len(instruction.targets):
            return "switch cases do not match its targets"
        if not types[0].is_integer:
            return "switch on a non-integer"
    elif op == "phi":
        if len(instruction.attributes.get("incoming", [])) != len(ops):
            return "phi operands do not match its incoming blocks"
        if any(x is not t for x in types):
            return "phi operand of another type"
    elif op == "alloca":
        if t is not Type.PTR:
            return "alloca must give a ptr"
    return None


def _check_phis_and_dominance(function: Function, definitions, fail) -> None:
    tree = dominator_tree(function)
    preds = function.predecessors()
    for block in function.blocks:
        if not tree.reachable(block):
            continue
        for index, instruction in enumerate(block.instructions):
            if instruction.opcode == "phi":
                incoming = instruction.attributes.get("incoming", [])
                if sorted(map(id, incoming)) != sorted(map(id, preds[block])):
                    fail(block, instruction, "phi incoming blocks "
                         f"{[b.name for b in incoming]} differ from the predecessors "
                         f"{[b.name for b in preds[block]]}")
                    continue
                for value, pred in zip(instruction.operands, incoming):
                    if isinstance(value, Instruction) and tree.reachable(pred):
                        def_block, _ = definitions[value]
                        if not tree.dominates(def_block, pred):
                            fail(block, instruction, f"phi operand %{value.id} does not dominate "
                                 f"the edge from %{pred.name}")
                continue
            for value in instruction.operands:
                if not isinstance(value, Instruction):
                    continue
                def_block, def_index = definitions[value]
                if def_block is block:
                    if def_index >= index:
                        fail(block, instruction, f"%{value.id} is used before its definition")
                elif not tree.dominates(def_block, block):
                    fail(block, instruction, f"%{value.id} (defined in %{def_block.name}) does not "
                         "dominate this use")
