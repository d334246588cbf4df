"""The x86-64 back end (System V AMD64): abi.py, isel.py (with calls.py and
floats.py), registers.py, emit.py.  ``emit_module`` and ``print_module`` are
the entry points."""

from .emit import emit_module, print_module

__all__ = ["emit_module", "print_module"]
