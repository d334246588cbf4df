"""Command-line entry point of the C compiler ``pcc`` (used like gcc).

    pcc [-E | -fsyntax-only | -S | -c] [options] file.c ... [-o out]

``-E`` prints the preprocessed source (``-P``: without line markers, ``-dM``:
the macros defined at the end), ``-M``/``-MM`` print make dependencies and
``-MD``/``-MMD`` write them beside the output, ``-fsyntax-only`` checks the
translation unit with the front end (``toolchain.cc.frontend`` once it
exists).  ``-S``, ``-c`` and linking are compile.py's.  Exit status: 0 success, 1 user error, 70 internal error.
"""

from __future__ import annotations

import gc
import io
import os
import sys

from ..common.diagnostics import ToolchainError
from .diagnostics import CDiagnostics, FatalError
from .driver import DriverOptions, UsageError, parse_command_line
from .preprocessor import Preprocessor
from .tokens import TokenKind

VERSION = "0.1.0"
USAGE = """\
Usage: pcc [options] file...
Options:
  -E                       Preprocess only; do not compile
  -fsyntax-only            Check the code for syntax errors
  -S / -c                  Compile only / compile and assemble, do not link
  -O0 -O1 -O2 -O3 -Os      Optimisation level (the pass pipeline)
  -L <dir> -l <library> -Wl,<opts> -Wa,<opts> -Xlinker <opt>
  -nostdlib -nostartfiles -nodefaultlibs -ffreestanding -static (always static)
  -o <file>                Place the output into <file>
  -I <dir> -isystem <dir> -iquote <dir> -idirafter <dir>
  -D <macro>[=<val>] -U <macro> -include <file> -imacros <file>
  -nostdinc --sysroot=<dir>
  -std=<standard>          c99 c11 c17 gnu89 gnu99 gnu11 gnu17 ...
  --target=<triple>        x86_64-linux-gnu i386-linux-gnu aarch64-linux-gnu
                           riscv64-linux-gnu i386-none-code16 (-m64 -m32 -m16)
  -w -Wall -Wextra -Werror -W<warning> -Wno-<warning> -pedantic -pedantic-errors
  -M -MM -MD -MMD -MF <file> -MT <target> -MQ <target> -MP
  -P -dM -dD
"""


def main(argv: list[str] | None = None) -> None:
    """The ``pcc`` console script."""
    args = sys.argv[1:] if argv is None else argv
    gc.disable()            # a short-lived process building millions of tokens: no cycles to find
    # What the run leaves here (the checked trees) is never freed: os._exit below.
    retained: list = []
    try:
        status = run(args, retained)
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:                     # `pcc -E big.c | head`: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    except SystemExit:
        raise
    except BaseException as exc:                 # a bug in pcc: no Python traceback for users
        import traceback
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" at {os.path.basename(tb[-1].filename)}:{tb[-1].lineno}" if tb else ""
        print(f"pcc: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        if os.environ.get("PCC_TRACEBACK"):
            traceback.print_exc()
        status = 70
    sys.stdout.flush()
    if argv is not None:                        # called from Python: a normal exit
        sys.exit(status)
    # The console script leaves without the interpreter's teardown: freeing
    # the millions of token and tree objects one by one takes a second on a
    # large unit, and nothing is left to do (outputs closed, temporaries gone).
    sys.stderr.flush()
    os._exit(status)


def run(argv: list[str], retained: list | None = None) -> int:
    """Run one command line; returns the exit status.  The trees ``-fsyntax-only``
    checked (with their tokens and preprocessor) are appended to ``retained``, if
    given, so that the caller decides when (or whether) they are freed."""
    try:
        opts = parse_command_line(argv)
    except UsageError as exc:
        print(f"pcc: error: {exc.message}", file=sys.stderr)
        return 1
    except ToolchainError as exc:
        print(f"pcc: error: {exc.message}", file=sys.stderr)
        return 1
    for notice in opts.notices:
        if notice.startswith("-print-") or notice == "-dumpmachine":
            _print_query(notice, opts)
            return 0
        print(f"pcc: warning: {notice}", file=sys.stderr)
    if opts.print_help:
        sys.stdout.write(USAGE)
        return 0
    if opts.print_version:
        print(f"pcc (pcc) {VERSION}")
        return 0
    status = 0
    inputs = []
    for name in opts.inputs:
        if name != "-" and not os.path.exists(name):
            print(f"pcc: error: {name}: No such file or directory", file=sys.stderr)
            status = 1
        else:
            inputs.append(name)
    if not inputs:
        print("pcc: fatal error: no input files", file=sys.stderr)
        print("compilation terminated.", file=sys.stderr)
        return 1
    if status:
        return status
    if opts.output and len(inputs) > 1 and opts.action in ("c", "S"):
        print("pcc: fatal error: cannot specify '-o' with '-c', '-S' or '-E' with multiple "
              "files", file=sys.stderr)
        return 1
    if opts.action in ("c", "S", "link") and opts.dependencies.mode is None:
        from .compile import compile_and_link
        return compile_and_link(opts, inputs)
    out = io.StringIO()
    for name in inputs:
        status = max(status, _compile_one(name, opts, out, retained=retained))
    if opts.action == "E" or opts.dependencies.mode is not None:
        try:
            _write_output(opts.output, out.getvalue())
        except OSError as exc:
            print(f"pcc: fatal error: opening output file {opts.output}: "
                  f"{exc.strerror or exc}", file=sys.stderr)
            print("compilation terminated.", file=sys.stderr)
            return 1
    return status


def _compile_one(path: str, opts: DriverOptions, out: io.StringIO, on_unit=None,
                 retained: list | None = None) -> int:
    """Preprocess ``path`` and, unless -E/-M, parse it; ``on_unit(unit, diagnostics)``
    (code generation, compile.py) gets the typed AST of an error-free translation unit.
    ``retained`` (-fsyntax-only): where the checked tree is kept, see :func:`run`."""
    diagnostics = CDiagnostics(color=opts.color, show_caret=opts.show_caret,
                               options=opts.warnings)
    preprocess_only = opts.action == "E" or opts.dependencies.mode is not None
    pp_options = opts.preprocessor
    frontend = None
    if not preprocess_only:
        frontend = _frontend()
        pp_options.keep_pragmas = bool(getattr(frontend, "ACCEPTS_PRAGMA_TOKENS", False))
        pp_options.keep_comments = ""           # -C and -CC only matter for -E output
    pp_options.echo_defines = opts.dump_macros == "D" and opts.action == "E"
    pp = Preprocessor(opts.target, pp_options, diagnostics)
    try:
        if opts.dependencies.mode is not None:
            pp.tokens(path)
        elif preprocess_only:
            from .ppoutput import write_macro_definitions, write_preprocessed
            if opts.dump_macros == "M":
                pp.tokens(path)
                write_macro_definitions(pp.macros, out)
            else:
                write_preprocessed(pp.items(path), out, opts.line_markers)
        else:
            tokens = pp.tokens(path)
            if on_unit is not None and frontend is not None:
                unit = frontend.parse_translation_unit(tokens, opts.target, diagnostics, opts)
                if not diagnostics.failed:
                    on_unit(unit, diagnostics)
            elif frontend is not None:
                if opts.dump_ir_after and not diagnostics.failed:
                    _dump_ir(frontend.parse_translation_unit(tokens, opts.target, diagnostics, opts),
                             opts, diagnostics)
                else:
                    unit = frontend.check_translation_unit(tokens, opts.target, diagnostics, opts)
                    if retained is not None:
                        retained += (unit, tokens, pp)
    except FatalError:
        diagnostics.finish()
        return 1
    except ToolchainError as exc:
        diagnostics.report_exception(exc)
    if opts.dependencies.mode is not None or opts.dependencies.write_file is not None:
        _write_dependencies(path, pp, diagnostics, opts, out)
    diagnostics.finish()
    return 1 if diagnostics.failed else 0


def _dump_ir(unit, opts: DriverOptions, diagnostics: CDiagnostics) -> None:
    """``-fdump-ir-after=PASS``: lower, run the -O level's pipeline, print the IR after PASS
    (to stderr; ``lower`` names the IR straight from lowering)."""
    if diagnostics.failed:
        return
    from .lower import lower_translation_unit
    from .ir.printer import format_module
    from .passes import run_pipeline
    module = lower_translation_unit(unit, opts.target, opts)
    if "lower" in opts.dump_ir_after or "all" in opts.dump_ir_after:
        sys.stderr.write("; IR after lower\n" + format_module(module))
    level = "-Os" if opts.optimize_size else f"-O{min(opts.optimize, 3)}"
    run_pipeline(module, level, opts.dump_ir_after, out=sys.stderr)


def _frontend():
    """The parser's module once it exists (``-fsyntax-only`` only preprocesses until then)."""
    try:
        from . import frontend
    except ImportError:
        return None
    return frontend if hasattr(frontend, "check_translation_unit") else None


def _write_dependencies(path: str, pp: Preprocessor, diagnostics: CDiagnostics,
                        opts: DriverOptions, out: io.StringIO) -> None:
    deps = opts.dependencies
    user_only = (deps.mode or deps.write_file) in ("MM", "MMD")
    files = [path]
    seen = {path}
    for dep in pp.dependencies[1:]:
        if dep in seen:
            continue
        seen.add(dep)
        if user_only and diagnostics.sources.is_system(dep):
            continue
        files.append(dep)
    stem = os.path.splitext(os.path.basename(path))[0]
    if deps.targets:
        targets = " ".join(deps.targets)
    elif opts.output and deps.mode is None:
        targets = opts.output if opts.action != "E" else stem + ".o"
    else:
        targets = stem + ".o"
    lines = _make_rule(targets, files)
    if deps.phony:
        for dep in files[1:]:
            lines.append(f"{_escape_make(dep)}:")
    text = "\n".join(lines) + "\n"
    if deps.mode is not None and deps.output is None:
        out.write(text)
        return
    if deps.output is not None:
        dfile = deps.output
    elif opts.output:
        dfile = os.path.splitext(opts.output)[0] + ".d"
    else:
        dfile = stem + ".d"
    try:
        _write_output(dfile, text)
    except OSError as exc:
        diagnostics.error(f"opening dependency file {dfile}: {exc.strerror or exc}")


def _make_rule(target: str, files: list[str]) -> list[str]:
    lines = []
    current = f"{target}:"
    for name in files:
        piece = " " + _escape_make(name)
        if len(current) + len(piece) > 75 and current != f"{target}:":
            lines.append(current + " \\")
            current = " "
        current += piece
    lines.append(current)
    return lines


def _escape_make(name: str) -> str:
    return name.replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$")


def _write_output(output: str | None, text: str) -> None:
    """Write to stdout, or to a temporary file renamed over ``output`` at the end."""
    data = text.encode("utf-8", "surrogateescape")
    if output is None or output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    import tempfile
    directory = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".pcc-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _print_query(flag: str, opts: DriverOptions) -> None:
    if flag == "-dumpmachine":
        print(opts.target.gnu_triple)
    elif flag == "-print-prog-name" or flag.startswith("-print-prog-name="):
        print(flag.split("=", 1)[-1])
    else:
        print("")


__all__ = ["main", "run", "TokenKind"]


if __name__ == "__main__":
    main()
