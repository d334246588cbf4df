"""The whole job, as gcc's driver does it: compile, assemble, link.

``cli.run`` hands every ``-S``, ``-c`` and link command line here.  Inputs
are sorted by their suffix (or ``-x``)::

    .c .i        preprocess, parse, lower to IR, run the -O level's passes, then
                 -S: print the machine instruction stream as GNU assembler text
                 -c / link: feed the same stream to pas's ObjectStreamer (no text)
    .s           pas
    .S .sx       the C preprocessor (with __ASSEMBLER__), then pas
    others       (.o .a ...) linker inputs, in command-line order with -l and -Wl,

The link step runs pld in-process, like ``gcc -static``: ``crt1.o``, the
user's objects and libraries, ``-L`` directories, then the bundled ``libc.a``
(``-nostdlib``/``-nostartfiles``/``-nodefaultlibs`` drop parts, as with gcc).
The bundled library is compiled by pcc itself on first use (``libc_build``
below) and cached under ``~/.cache/pcc/libc/<target>/<key>/``.

Intermediate objects live in a temporary directory removed at the end;
outputs are written under a temporary name and renamed, so a failed command
leaves nothing behind.  Errors read ``pcc: error: ...`` with exit status 1.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import hashlib
import importlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

from ..common.diagnostics import Diagnostics, ToolchainError
from ..common.target import Target
from .driver import DriverOptions

C_SUFFIXES = {".c": "c", ".i": "c", ".h": "c", ".s": "asm", ".S": "asm-cpp", ".sx": "asm-cpp"}
LANGUAGES = {"c": "c", "cpp-output": "c", "c-header": "c", "assembler": "asm",
             "assembler-with-cpp": "asm-cpp", "none": None}
# -l names gcc finds in glibc's sysroot; the bundled libc.a holds all of them.
BUNDLED_LIBRARIES = frozenset({"c", "m", "pthread", "dl", "rt", "util", "crypt", "resolv",
                               "gcc", "gcc_eh", "atomic"})
# x86-16 is gcc -m16's model: the i386 back end's code assembled under
# .code16gcc (the streamer starts in that mode for the target; -S says so).
BACKENDS = {"x86_64-linux-gnu": "toolchain.cc.backend.x86_64",
            "aarch64-linux-gnu": "toolchain.cc.backend.aarch64",
            "i386-linux-gnu": "toolchain.cc.backend.i386",
            "riscv64-linux-gnu": "toolchain.cc.backend.riscv64",
            "i386-none-code16": "toolchain.cc.backend.i386"}
_DOLLAR_IDENT = re.compile(r"(?<![A-Za-z0-9_.$])\$(?=[A-Za-z_])")
PACKAGE_DIR = Path(__file__).resolve().parents[1]          # toolchain/
# x86-16 links to one real-mode segment from the -Ttext origin (the libc README)
REALMODE_SCRIPT = PACKAGE_DIR / "libc" / "arch" / "x86_16" / "realmode.ld"


class DriverError(ToolchainError):
    """Printed as ``pcc: error: message``."""


def _error(message: str) -> int:
    print(f"pcc: error: {message}", file=sys.stderr)
    return 1


def optimization_level(opts: DriverOptions) -> str:
    """The key of passes.PIPELINES for this command line."""
    return "-Os" if opts.optimize_size else f"-O{min(opts.optimize, 3)}"


def input_kind(path: str, opts: DriverOptions) -> str | None:
    """'c', 'asm', 'asm-cpp', or None for a linker input."""
    if opts.language is not None and opts.language in LANGUAGES:
        return LANGUAGES[opts.language]
    if path == "-":
        return "c"
    return C_SUFFIXES.get(os.path.splitext(path)[1])


# ---------------------------------------------------------------- one input

def backend_for(target: Target):
    name = BACKENDS.get(target.name)
    if name is None:
        raise DriverError(f"code generation for '{target.name}' is not implemented yet")
    return importlib.import_module(name)


def backend_options(opts: DriverOptions) -> dict:
    """The code generation switches a target's back end takes (-mregparm on i386, and
    sibling calls, which gcc makes from -O2 and -Os on: -foptimize-sibling-calls)."""
    if not opts.target.name.startswith("i386"):
        return {}
    return {"regparm": opts.regparm, "sibling_calls": opts.optimize >= 2}


def compile_c(path: str, opts: DriverOptions, want_text: bool) -> bytes | str | None:
    """A C file to an object (or to assembler text): None after reported errors."""
    from .cli import _compile_one
    from .lower import lower_translation_unit
    from .passes import run_pipeline
    backend = backend_for(opts.target)
    result: list = []

    def generate(unit, diagnostics) -> None:
        module = lower_translation_unit(unit, opts.target, opts)
        if "lower" in opts.dump_ir_after or "all" in opts.dump_ir_after:
            from .ir.printer import format_module
            sys.stderr.write("; IR after lower\n" + format_module(module))
        run_pipeline(module, optimization_level(opts), opts.dump_ir_after, out=sys.stderr)
        if want_text:
            header = "\t.code16gcc\n" if opts.target.code16gcc else ""
            result.append(header + backend.print_module(module, **backend_options(opts)))
        else:
            result.append(module_object(module, opts.target, path, backend_options(opts)))

    status = _compile_one(path, opts, io.StringIO(), generate)
    if status or not result or result[0] is None:
        return None
    return result[0]


# What the driver tells the assembler about the ISA, as gcc's does (riscv64-linux-gnu-gcc
# is rv64gc, lp64d: GNU as then uses the compressed forms where they fit).
ASSEMBLER_ISA_OPTIONS = {"riscv64-linux-gnu": ("-march=rv64gc", "-mabi=lp64d")}


def module_object(module, target: Target, path: str,
                  options: dict | None = None) -> bytes | None:
    """The ELF object for an IR module, straight through the streamer (no text)."""
    streamer_mod = importlib.import_module("toolchain.as.streamer")
    isa_mod = importlib.import_module("toolchain.as.isa")
    diagnostics = Diagnostics("pcc")
    isa = isa_mod.isa_for(target, ASSEMBLER_ISA_OPTIONS.get(target.name, ()))
    streamer = streamer_mod.ObjectStreamer(target, isa, diagnostics)
    backend_for(target).emit_module(module, streamer, **(options or {}))
    if diagnostics.failed:
        return None
    try:
        data = streamer.finish()
    except ToolchainError as exc:
        diagnostics.report(exc)
        return None
    return None if diagnostics.failed else data


def preprocess_assembly(path: str, opts: DriverOptions) -> str | None:
    """A .S file through the C preprocessor, __ASSEMBLER__ defined."""
    from .diagnostics import CDiagnostics, FatalError
    from .ppoutput import write_preprocessed
    from .preprocessor import Preprocessor
    pp_options = dataclasses.replace(
        opts.preprocessor, keep_pragmas=False, echo_defines=False,
        preinclude_stdc_predef=False,
        macro_ops=[("D", "__ASSEMBLER__=1")] + list(opts.preprocessor.macro_ops))
    diagnostics = CDiagnostics(color=opts.color, show_caret=opts.show_caret,
                               options=opts.warnings)
    out = io.StringIO()
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            # gcc's assembler-with-cpp does not take '$' into identifiers: `$MACRO`
            # is an immediate of MACRO's value ('$ 3' reads as '$3' to pas).
            text = _DOLLAR_IDENT.sub("$ ", f.read())
    except OSError as exc:
        raise DriverError(f"{path}: {exc.strerror}") from None
    try:
        write_preprocessed(Preprocessor(opts.target, pp_options, diagnostics).items(path, text),
                           out, False)
    except FatalError:
        pass
    except ToolchainError as exc:
        diagnostics.report_exception(exc)
    diagnostics.finish()
    return None if diagnostics.failed else out.getvalue()


def assemble_file(path: str, opts: DriverOptions, preprocess: bool) -> bytes | None:
    assembler = importlib.import_module("toolchain.as.assembler")
    if preprocess:
        text = preprocess_assembly(path, opts)
        if text is None:
            return None
    else:
        try:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read() if path != "-" else sys.stdin.read()
        except OSError as exc:
            raise DriverError(f"{path}: {exc.strerror}") from None
    include_dirs, defsyms = [], []
    isa_options = list(ASSEMBLER_ISA_OPTIONS.get(opts.target.name, ()))
    args = iter(opts.assembler_args)
    for arg in args:            # -Wa, options pas shares with GNU as; the rest are ignored
        if arg.startswith(("-march=", "-mabi=")) or arg in ("-mrelax", "-mno-relax"):
            isa_options.append(arg)
        elif arg == "-I":
            include_dirs.append(next(args, "."))
        elif arg.startswith("-I"):
            include_dirs.append(arg[2:])
        elif arg == "--defsym":
            defsyms.append(next(args, ""))
        elif arg.startswith("--defsym="):
            defsyms.append(arg[len("--defsym="):])
    return assembler.assemble(text, path, opts.target, Diagnostics("pcc"), include_dirs,
                              defsyms, isa_options)


def compile_input(path: str, kind: str, opts: DriverOptions, want_text: bool):
    if kind == "c":
        return compile_c(path, opts, want_text)
    if want_text:       # gcc -S on assembly: nothing to do (the input is the output)
        return None
    return assemble_file(path, opts, kind == "asm-cpp")


# ---------------------------------------------------------------- outputs

def write_atomically(path: str, data: bytes, mode: int | None = None) -> None:
    """Write to a temporary file beside ``path``, renamed into place at the end."""
    if path == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".pcc-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _default_output(path: str, suffix: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0] if path != "-" else "-"
    return stem + suffix


def compile_and_link(opts: DriverOptions, inputs: list[str]) -> int:
    """``-S``, ``-c`` or a full build; returns the exit status."""
    _compiler_digest()
    try:
        if opts.action in ("S", "c"):
            return _compile_only(opts, inputs)
        return _build(opts)
    except DriverError as exc:
        return _error(exc.message)
    except OSError as exc:
        return _error(f"{getattr(exc, 'filename', None) or ''}: {exc.strerror or exc}"
                      .lstrip(": "))


def _compile_only(opts: DriverOptions, inputs: list[str]) -> int:
    want_text = opts.action == "S"
    status = 0
    for path in inputs:
        kind = input_kind(path, opts)
        if kind is None or (want_text and kind != "c"):
            print(f"pcc: warning: {path}: linker input file unused because linking not done",
                  file=sys.stderr)
            continue
        result = compile_input(path, kind, opts, want_text)
        if result is None:
            status = 1
            continue
        output = opts.output or _default_output(path, ".s" if want_text else ".o")
        data = result.encode("utf-8", "surrogateescape") if isinstance(result, str) else result
        try:
            write_atomically(output, data)
        except OSError as exc:
            print(f"pcc: fatal error: opening output file {output}: {exc.strerror or exc}",
                  file=sys.stderr)
            return 1
    return status


def _build(opts: DriverOptions) -> int:
    output = opts.output or "a.out"
    status = 0
    with tempfile.TemporaryDirectory(prefix="pcc-") as tmp:
        items: list[tuple] = []
        for number, item in enumerate(opts.link_items):
            if item[0] != "file":
                items.append(item)
                continue
            path = item[1]
            kind = input_kind(path, opts)
            if kind is None:
                items.append(item)
                continue
            data = compile_input(path, kind, opts, False)
            if data is None:
                status = 1
                continue
            obj = os.path.join(tmp, f"{number}-{_default_output(path, '.o')}")
            with open(obj, "wb") as f:
                f.write(data)
            items.append(("file", obj))
        if status:
            return status
        return link(opts, items, output)


def link(opts: DriverOptions, items: list[tuple], output: str) -> int:
    """Run pld in-process as ``gcc -static`` would run ld."""
    from ..ld.cli import main as pld_main
    start_files = not (opts.nostdlib or opts.nostartfiles)
    default_libs = not (opts.nostdlib or opts.nodefaultlibs)
    libc = None
    wants_bundled = any(kind == "lib" and value in BUNDLED_LIBRARIES
                        and not _found_in(value, opts.library_dirs)
                        for kind, value in ((i[0], i[1]) for i in items))
    if start_files or default_libs or wants_bundled:
        libc = bundled_libc(opts.target)
    # gcc passes ld its -m on every link: the emulation picks the default script
    # (aarch64linux and elf64lriscv have their own) and checks the inputs' machine
    argv = ["-m", opts.target.ld_emulation, "-static", "-o", output]
    if opts.target.code16gcc and not _has_script(items):
        argv += ["-T", str(REALMODE_SCRIPT)]   # x86-16's default, even with -nostdlib
    if start_files:
        argv.append(str(libc.crt1_o))
    for directory in opts.library_dirs:
        argv += ["-L", directory]
    for kind, value in items:
        if kind == "file":
            argv.append(value)
        elif kind == "lib":
            if value in BUNDLED_LIBRARIES and not _found_in(value, opts.library_dirs):
                argv.append(str(libc.libc_a))
            else:
                argv.append("-l" + value)
        else:
            argv += value
    if default_libs:
        argv += ["--start-group", str(libc.libc_a), "--end-group"]
    if opts.verbose:
        print(" pld " + " ".join(argv), file=sys.stderr)
    status = pld_main(argv)
    if status:
        if libc is not None and libc.failures:
            print(f"pcc: note: the bundled libc was built without {len(libc.failures)} "
                  f"source(s) pcc cannot compile yet ({', '.join(sorted(libc.failures)[:8])}"
                  f"{', ...' if len(libc.failures) > 8 else ''}); see {libc.log}",
                  file=sys.stderr)
        print("pcc: error: ld returned 1 exit status", file=sys.stderr)
        return 1
    return 0


def _has_script(items: list[tuple]) -> bool:
    """True when the command line names a linker script (-T, -Wl,-T...)."""
    return any(kind == "ld" and any(a == "-T" or (a.startswith("-T") and not
                                                  a.startswith(("-Ttext", "-Tdata", "-Tbss")))
                                    or a.startswith("--script") for a in value)
               for kind, value in ((i[0], i[1]) for i in items))


def _found_in(name: str, directories: list[str]) -> bool:
    return any(os.path.exists(os.path.join(d, f"lib{name}.a")) for d in directories)


# ---------------------------------------------------------------- the bundled libc

@dataclasses.dataclass(frozen=True)
class BundledLibc:
    libc_a: Path
    crt1_o: Path
    failures: tuple[str, ...]       # sources pcc could not compile (left out of libc.a)
    log: Path


# The command-line files do not change the code a compile makes (edits to them keep the cache).
_DRIVER_ONLY = frozenset({"compile.py", "cli.py"})


@functools.cache
def _compiler_digest() -> bytes:
    """pcc's own sources, hashed once per process, before the compiler modules load
    (compile_and_link asks first), so an edit during a run cannot mislabel a build."""
    digest = hashlib.sha256()
    for package in ("cc", "as", "common"):
        for path in sorted((PACKAGE_DIR / package).rglob("*.py")):
            if path.name in _DRIVER_ONLY and path.parent.name == "cc":
                continue
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


def libc_cache_dir(target: str) -> Path:
    """``<cache>/pcc/libc/<target>/<key>``: the key hashes pcc's own sources (the
    compiler is part of what built the library), the libc's sources and flags."""
    build = importlib.import_module("toolchain.libc.build")
    arch = build.arch_of(target)
    digest = hashlib.sha256(_compiler_digest())
    digest.update(" ".join(build.CFLAGS).encode() + b"\0")
    inputs = build.sources(arch) + [build.ARCH_DIR / arch / "crt1.s"] + sorted(
        build.INCLUDE_DIR.rglob("*.h")) + sorted(build.SRC_DIR.rglob("*.h"))
    for path in inputs:
        digest.update(str(path.relative_to(build.LIBC_DIR)).encode() + b"\0")
        digest.update(path.read_bytes())
    return build.cache_root() / target / digest.hexdigest()[:20]


def bundled_libc(target: Target) -> BundledLibc:
    """libc.a and crt1.o for ``target``, compiled by pcc on first use (cached), or by
    the compiler ``$PCC_LIBC_CC`` names (build.py's override, e.g. a cross gcc)."""
    build = importlib.import_module("toolchain.libc.build")
    override = build.libc_cc_override(target.gnu_triple)
    if override is not None:
        try:
            built = build.build_libc(target.name, override)
        except (RuntimeError, ValueError) as exc:
            raise DriverError(f"cannot build the bundled C library with {override}: "
                              f"{exc}") from None
        return BundledLibc(built.libc_a, built.crt1_o, (), built.libc_a.parent / "failures.txt")
    try:
        cached = libc_cache_dir(target.name)
    except ValueError as exc:
        raise DriverError(str(exc)) from None
    if not (cached / "libc.a").is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        with open(cached.parent / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)       # one builder; the others wait and reuse
            if not (cached / "libc.a").is_file():
                print(f"pcc: building the bundled C library for {target.name} "
                      f"(once; cached in {cached})", file=sys.stderr)
                build_bundled_libc(target, cached)
    log = cached / "failures.txt"
    failures = tuple(line.split(":", 1)[0] for line in log.read_text().splitlines()
                     if line and not line.startswith(" ")) if log.exists() else ()
    return BundledLibc(cached / "libc.a", cached / "crt1.o", failures, log)


def build_bundled_libc(target: Target, out_dir: Path) -> list[str]:
    """Compile every libc source with pcc (in-process, the build.py flags); members
    pcc cannot compile yet are left out and listed in failures.txt."""
    from ..common.archive import write_archive
    from .driver import parse_command_line
    build = importlib.import_module("toolchain.libc.build")
    arch = build.arch_of(target.name)
    flags = [*build.CFLAGS, "-isystem", str(build.INCLUDE_DIR), f"--target={target.name}"]
    members: list[tuple[str, bytes]] = []
    failures: list[str] = []
    crt1 = None
    for src in build.sources(arch) + [build.ARCH_DIR / arch / "crt1.s"]:
        opts = parse_command_line([*flags, "-c", str(src)])
        kind = input_kind(str(src), opts)
        captured = io.StringIO()
        try:
            with contextlib.redirect_stderr(captured):
                data = compile_input(str(src), kind, opts, False)
        except Exception as exc:            # an internal error of pcc on this source
            data = None
            captured.write(f"internal error: {type(exc).__name__}: {exc}\n")
        if data is None:
            rel = str(src.relative_to(build.LIBC_DIR))
            detail = captured.getvalue().strip().splitlines()
            failures.append(f"{rel}: " + (detail[0] if detail else "failed") + "\n" +
                            "".join(f"    {line}\n" for line in detail[1:12]))
            continue
        if src.name == "crt1.s":
            crt1 = data
        else:
            members.append((build._member_name(src), data))
    if crt1 is None:
        raise DriverError("cannot build the bundled C library: crt1.s does not assemble")
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=out_dir))
    try:
        (staging / "crt1.o").write_bytes(crt1)
        (staging / "libc.a").write_bytes(write_archive(members))
        (staging / "failures.txt").write_text("".join(failures))
        for name in ("crt1.o", "failures.txt", "libc.a"):      # libc.a last: it marks done
            os.replace(staging / name, out_dir / name)
    finally:
        import shutil
        shutil.rmtree(staging, ignore_errors=True)
    return failures
