"""The assembler as a library: GNU assembler text in, an ELF relocatable out.

``assemble`` wires the three parts together -- the ISA package (via
``isa_for``), the object streamer and the text parser -- for one target.
``pas`` (cli.py) and the compiler driver both call it; errors go to the
Diagnostics object and the result is None when any was reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..common.diagnostics import Diagnostics, ToolchainError
from ..common.target import Target
from .isa import isa_for
from .parser import Parser


def assemble(text: str, filename: str, target: Target, diagnostics: Diagnostics,
             include_dirs: Sequence[str] = (), defsyms: Iterable[str] = (),
             isa_options: Sequence[str] = ()) -> bytes | None:
    """Assemble one source text; ``defsyms`` are ``"sym=value"`` strings (``--defsym``)."""
    return assemble_sources([(text, filename)], target, diagnostics, include_dirs, defsyms,
                            isa_options)


def assemble_sources(sources: Sequence[tuple[str, str]], target: Target,
                     diagnostics: Diagnostics, include_dirs: Sequence[str] = (),
                     defsyms: Iterable[str] = (),
                     isa_options: Sequence[str] = ()) -> bytes | None:
    """Assemble several ``(text, filename)`` sources as one input, as GNU as does;
    ``isa_options`` are ISA command-line flags (isa.py isa_for)."""
    from .streamer import ObjectStreamer
    try:
        isa = isa_for(target, isa_options) if isa_options else isa_for(target)
        streamer = ObjectStreamer(target, isa, diagnostics)
        parser = Parser(streamer, isa, target, diagnostics, include_dirs)
        for definition in defsyms:
            parser.define_symbol(definition)
    except ToolchainError as exc:
        diagnostics.report(exc)
        return None
    parser.run(sources)
    if diagnostics.failed:
        return None
    try:
        data = streamer.finish()
    except ToolchainError as exc:
        diagnostics.report(exc)
        return None
    return None if diagnostics.failed else data
