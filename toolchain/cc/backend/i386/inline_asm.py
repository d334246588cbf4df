"""GNU inline asm for i386: every register operand gets a fixed register."""

from __future__ import annotations


def select_asm(sel, inst) -> None:
    raise NotImplementedError("i386 inline asm")
