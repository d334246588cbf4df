"""The IR as text, for ``-mllvm -print-after=PASS``-style dumps and for tests.

    function i32 @main(i32 %arg0, ptr %arg1) {
    entry:
      %0 = alloca 4, align 4
      store i32 %arg0, ptr %0
      %1 = load i32, ptr %0
      %2 = icmp slt i32 %1, i32 10
      br i1 %2, %then, %else
    ...
    }
"""

from __future__ import annotations

from . import BlockAddress, Function, Global, Instruction, Module


def format_instruction(instruction: Instruction) -> str:
    op = instruction.opcode
    attrs = instruction.attributes
    operands = ", ".join(v.ref() for v in instruction.operands)
    if op == "phi":
        operands = ", ".join(f"[{v.ref()}, %{b.name}]"
                             for v, b in zip(instruction.operands, attrs.get("incoming", [])))
    text = op
    if op in ("icmp", "fcmp"):
        text += f" {attrs.get('predicate')}"
    if op == "alloca":
        text += f" {attrs.get('size')}, align {attrs.get('alignment')}"
    if operands:
        text += (", " if op == "alloca" else " ") + operands
    if instruction.targets:
        if op == "switch":
            cases = attrs.get("cases", [])
            text += f", default %{instruction.targets[0].name} [" + ", ".join(
                f"{c}: %{b.name}" for c, b in zip(cases, instruction.targets[1:])) + "]"
        else:
            text += (", " if operands else " ") + ", ".join(f"%{b.name}"
                                                             for b in instruction.targets)
    extras = {k: v for k, v in attrs.items()
              if k not in ("predicate", "size", "alignment", "incoming", "cases")}
    if extras:
        text += "  ; " + ", ".join(f"{k}={v!r}" for k, v in sorted(extras.items()))
    if instruction.type.value != "void":
        return f"%{instruction.id} = {instruction.type} {text}"
    return text


def format_function(function: Function) -> str:
    function.number()
    params = ", ".join(p.ref() for p in function.parameters)
    if function.variadic:
        params += ", ..." if params else "..."
    lines = [f"function {function.linkage} {function.return_type} @{function.name}({params}) {{"]
    for block in function.blocks:
        lines.append(f"{block.name}:")
        for instruction in block.instructions:
            lines.append("  " + format_instruction(instruction))
    lines.append("}")
    return "\n".join(lines)


def format_piece(piece) -> str:
    """One initializer piece: bytes, or (symbol or BlockAddress, addend, size)."""
    if isinstance(piece, (bytes, bytearray)):
        return repr(bytes(piece))
    target, addend, size = piece
    name = target.ref() if isinstance(target, BlockAddress) else f"@{target}"
    return f"{name}{addend:+d}:{size}" if addend else f"{name}:{size}"


def format_global(data: Global) -> str:
    kind = "constant" if data.constant else "data"
    flags = " thread_local" if data.thread_local else ""
    init = "zero" if data.initializer is None else \
        "[" + ", ".join(format_piece(p) for p in data.initializer) + "]"
    return (f"{kind}{flags} {data.linkage} @{data.name} size {data.size}, "
            f"align {data.alignment} = {init}")


def format_module(module: Module) -> str:
    parts = [format_global(g) for g in module.globals]
    parts += [format_function(f) for f in module.functions]
    return "\n\n".join(parts) + "\n"
