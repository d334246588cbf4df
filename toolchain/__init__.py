"""pcc: a C toolchain in Python -- compiler (cc), assembler (as), linker (ld).

``as`` is a Python keyword, so ``import toolchain.as`` cannot be written; the
assembler package is reached through the one alias below everywhere outside
toolchain/as/ itself (DESIGN.md, "Layout").
"""

import importlib


def __getattr__(name: str):
    if name == "assembler":
        return importlib.import_module("toolchain.as")
    raise AttributeError(f"module 'toolchain' has no attribute {name!r}")


def pas_main() -> None:
    """The ``pas`` console script's entry point.

    Console scripts are written as ``from MODULE import FUNCTION``, which cannot
    name ``toolchain.as.cli``; this stands in for it.
    """
    importlib.import_module("toolchain.as.cli").main()
