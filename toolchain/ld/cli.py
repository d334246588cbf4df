"""Command-line entry point of the linker ``pld`` (GNU ld's options, see options.py).

Errors print as ``pld: error: message`` and exit with status 1; a bug
inside pld prints ``pld: internal error:`` and exits with status 70.  In
both cases no output file is left behind.
"""

from __future__ import annotations

import sys

from ..common.diagnostics import Diagnostics, ToolchainError
from .options import parse_args

VERSION = "pld (pcc toolchain) 0.1.0\nSupported emulations: elf_x86_64 elf_i386"

USAGE = """Usage: pld [options] file...
Links ELF relocatable objects and ar archives into a static executable,
a relocatable object (-r) or a flat binary (--oformat=binary), accepting
GNU ld's options (-o -e -T -L -l -m --defsym --gc-sections -Map -Ttext ...)."""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    diagnostics = Diagnostics("pld")
    try:
        options = parse_args(argv)
        if options.version:
            print(VERSION)
            return 0
        if options.help:
            print(USAGE)
            return 0
        diagnostics.warnings_are_errors = options.fatal_warnings
        diagnostics.suppress_warnings = options.no_warnings
        if options.relocatable:
            from .relocatable import link_relocatable
            link_relocatable(options, diagnostics)
        else:
            from .linker import link
            link(options, diagnostics)
    except ToolchainError as exc:
        diagnostics.report(exc)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:                            # a bug in pld, not in the input
        import traceback
        location = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"pld: internal error: {type(exc).__name__}: {exc} "
              f"(at {location.filename}:{location.lineno})", file=sys.stderr)
        return 70
    return 1 if diagnostics.failed else 0


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
