"""GNU inline asm templates: the operand references replaced by their text.

``%N`` and ``%[name]`` name an operand (outputs first, then inputs, as GCC
numbers them), optionally after one modifier letter from the target's set
(``%k0``, ``%w1``...); ``%%`` is a percent sign and ``%=`` a number unique
to this asm statement.  The target says how an operand prints under a
modifier (``operand_text(operand, modifier)``, called once frame slots have
their offsets); a reference to no operand stays as written, so the
assembler reports it.
"""

from __future__ import annotations

import re


def substitute(template: str, ops: list, info: dict, operand_text, modifiers: str) -> str:
    """The template with every operand reference replaced."""
    names = info.get("names", [])

    def replace(m: re.Match) -> str:
        text = m.group(0)
        if text == "%%":
            return "%"
        if text == "%=":
            return str(info.get("unique", 0))
        ref = m.group(2)
        if ref.startswith("["):
            if ref[1:-1] not in names:
                return text
            index = names.index(ref[1:-1])
        else:
            index = int(ref)
        if index >= len(ops):
            return text
        return operand_text(ops[index], m.group(1) or "")

    return re.sub(rf"%%|%=|%([{modifiers}]?)(\d+|\[[A-Za-z_][A-Za-z0-9_]*\])", replace, template)
