"""A64 register names as GNU as reads them (tc-aarch64.c reg_names).

General-purpose registers are ``x0``-``x30`` (64-bit) and ``w0``-``w30``
(their low 32 bits); number 31 is either the zero register (``xzr``/``wzr``)
or the stack pointer (``sp``/``wsp``) depending on the operand, which is why
the two are kept apart here: an encoder asks for "Rn or SP" or "Rn or ZR".
``fp``, ``lr``, ``ip0`` and ``ip1`` are aliases of x29, x30, x16 and x17.
FP/SIMD registers are ``b``/``h``/``s``/``d``/``q`` 0-31 (scalar views of
8 to 128 bits) and ``v0``-``v31`` with an arrangement (``v0.4s``) or an
element (``v0.s[1]``).  Names are case-insensitive.  Reference: Arm ARM
(DDI 0487) C1.2.5 "Register names".
"""

from __future__ import annotations

from dataclasses import dataclass

# Scalar FP/SIMD register letter -> width in bits.
FP_WIDTH = {"b": 8, "h": 16, "s": 32, "d": 64, "q": 128}

ALIASES = {"fp": "x29", "lr": "x30", "ip0": "x16", "ip1": "x17"}

# Vector arrangements: name -> (element size letter, element count).
ARRANGEMENTS = {"8b": ("b", 8), "16b": ("b", 16), "4h": ("h", 4), "8h": ("h", 8),
                "2s": ("s", 2), "4s": ("s", 4), "1d": ("d", 1), "2d": ("d", 2),
                "1q": ("q", 1), "2h": ("h", 2), "4b": ("b", 4)}


@dataclass(frozen=True, slots=True)
class RegInfo:
    """What a register name means: ``kind`` is "x", "w" (general, 64/32-bit),
    one of "b h s d q" (FP scalar) or "v" (vector, with ``arrangement`` or
    ``element`` size letter); ``number`` 0-31; ``sp`` for sp/wsp (number 31)."""

    kind: str
    number: int
    sp: bool = False
    arrangement: str | None = None
    element: str | None = None


def _number(text: str) -> int | None:
    if not text.isdigit() or (len(text) > 1 and text[0] == "0"):
        return None
    n = int(text)
    return n if n < 32 else None


def register_info(name: str) -> RegInfo | None:
    """The meaning of a register name (``x3``, ``wsp``, ``v1.4s``, ``v2.s``), or None."""
    name = name.lower()
    name = ALIASES.get(name, name)
    if name in ("sp", "wsp"):
        return RegInfo("x" if name == "sp" else "w", 31, sp=True)
    if name in ("xzr", "wzr"):
        return RegInfo(name[0], 31)
    if not name:
        return None
    head, rest = name[0], name[1:]
    if head in "xw":
        n = _number(rest)
        return None if n is None or n == 31 else RegInfo(head, n)
    if head in FP_WIDTH:
        n = _number(rest)
        return None if n is None else RegInfo(head, n)
    if head == "v":
        number, dot, shape = rest.partition(".")
        n = _number(number)
        if n is None:
            return None
        if not dot:
            return RegInfo("v", n)
        if shape in ARRANGEMENTS:
            return RegInfo("v", n, arrangement=shape)
        if shape in FP_WIDTH:
            return RegInfo("v", n, element=shape)
    return None


def is_register_name(name: str) -> bool:
    return register_info(name) is not None
